import {
  FINDING_MESSAGES_EN,
  formatFindingMessage,
  type FindingMessageId,
  type FindingParams,
} from '../shared/finding-messages';

/** What a rule found: the catalogue id and its parameters, with the English text formatted once. */
export interface FindingMessage {
  /** A message id of the rule's words, or of the general catalogue (`not-evaluated`). */
  readonly id: string;
  readonly params: FindingParams;
  /** English, for the CLI, the CSV and the JSON output. */
  readonly text: string;
}

const NO_PARAMS: FindingParams = Object.freeze({});

/** A finding message of the general catalogue (a rule's own come from its words, `./words.ts`). */
export function findingMessage(id: FindingMessageId, params: FindingParams = NO_PARAMS): FindingMessage {
  return { id, params, text: formatFindingMessage('en', FINDING_MESSAGES_EN[id], params) };
}
