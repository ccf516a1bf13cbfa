import { z } from 'zod';
import { appliesTo, issueTypesOption } from '../rule-kit';
import { findingMessage } from '../finding-messages';
import { defineRule } from '../types';

const EMPTY = findingMessage('description-missing');

export default defineRule({
  id: 'description-missing',
  title: 'Description missing',
  severity: 'error',
  rationale:
    'Without a description, whoever picks the ticket up has to chase its author for the context; hand-offs stall.',
  fixHint: 'Write what the problem or need is, who has it and why it matters now.',
  fields: ['description', 'issuetype'],
  options: z.object({ issueTypes: issueTypesOption([]) }).strict(),
  check(issue, options) {
    if (!appliesTo(issue, options.issueTypes)) return null;
    return issue.descriptionWords(1) === 0 ? EMPTY : null;
  },
  evidence: { applies: (issue, options) => appliesTo(issue, options.issueTypes) },
});
