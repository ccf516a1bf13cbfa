import type { ADFEntity } from '@atlaskit/adf-utils/types';
import { countAdfWords, fromAdf } from './adf';
import { EMPTY_DESCRIPTION, type DescriptionModel } from './model';
import { fromWikiMarkup, readWikiMarkup } from './wiki';

/** Reads any description value Jira may return; `null`/absent gives the empty model. */
export function describe(value: unknown): DescriptionModel {
  if (value === null || value === undefined) return EMPTY_DESCRIPTION;
  if (typeof value === 'string') return fromWikiMarkup(value);
  if (typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
    return fromAdf(value as ADFEntity);
  }
  throw new TypeError(`unreadable description (${Array.isArray(value) ? 'array' : typeof value})`);
}

/**
 * The description's word count, read only as far as needed: exact below `limit`, at least `limit` otherwise.
 * Agrees with `describe(value).words` below the limit, and fails on the same values, with the same error.
 * For the rules that only ask whether a description is empty or short: most issues then skip building blocks.
 */
export function countWords(value: unknown, limit: number): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') {
    let words = 0;
    for (const block of readWikiMarkup(value, limit)) words += block.words;
    return words;
  }
  if (typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
    return countAdfWords(value as ADFEntity, limit);
  }
  return describe(value).words;
}
