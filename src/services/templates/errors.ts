import { TEMPLATES_ERRORS } from '../../shared/templates-errors';
import { refusalsOf } from '../refusals';

/** A user-facing refusal of the templates services: English message, and reason + params in details. */
export const templatesError = refusalsOf(TEMPLATES_ERRORS);
