import {
  FINDING_MESSAGES_EN,
  formatFindingMessage,
  type FindingMessageId,
  type FindingParams,
} from '../shared/finding-messages';

/** What a rule found: the catalogue id and its parameters, with the English text formatted once. */
export interface FindingMessage {
  readonly id: FindingMessageId;
  readonly params: FindingParams;
  /** English, for the CLI, the CSV and the JSON output. */
  readonly text: string;
}

const NO_PARAMS: FindingParams = Object.freeze({});

/**
 * A rule's finding message with its English text. Rules call it inside `messageCache` (or once, for a message
 * without parameters), so a scan builds each distinct wording once, not once per issue.
 */
export function findingMessage(id: FindingMessageId, params: FindingParams = NO_PARAMS): FindingMessage {
  return { id, params, text: formatFindingMessage('en', FINDING_MESSAGES_EN[id], params) };
}
