/**
 * The site's dependency settings, kept in the app's key-value store under one key: the word list that decides
 * which link types mean blocking. Every report, panel, review and publish of the site reads it; Jira
 * administrators change it.
 */
import { z } from 'zod';
import type { JiraClient } from '../../atlassian/jira';
import { AppError } from '../../contract/result';
import {
  checkBlockingWords,
  DEFAULT_BLOCKING_WORDS,
  readLinkTypes,
  type BlockingWords,
  type LinkTypeReading,
} from '../../dependencies';
import type { KeyValueStore } from '../ports';

const KEY = 'dependencies:settings';

const storedSchema = z.object({
  blockingWords: z.object({
    blockerPhrases: z.array(z.string()),
    blockedPhrases: z.array(z.string()),
    symmetricWords: z.array(z.string()),
  }),
});

export interface DependencySettings {
  readonly blockingWords: BlockingWords;
}

/** The site's settings, or the built-in ones when none were saved (or what was stored no longer reads). */
export async function loadDependencySettings(store: KeyValueStore): Promise<DependencySettings> {
  const parsed = storedSchema.safeParse(await store.get<unknown>(KEY));
  if (!parsed.success) return { blockingWords: DEFAULT_BLOCKING_WORDS };
  const checked = checkBlockingWords(parsed.data.blockingWords);
  return { blockingWords: checked.problems.length === 0 ? checked.words : DEFAULT_BLOCKING_WORDS };
}

/** The word list, cleaned; refused whole, naming each phrase at fault, when anything is wrong. */
function validWords(words: BlockingWords): BlockingWords {
  const checked = checkBlockingWords(words);
  if (checked.problems.length > 0) {
    const named = checked.problems.map((p) => `“${p.phrase}” (${p.problem})`).join(', ');
    throw new AppError('INVALID_INPUT', `The word list was not saved: ${named}.`, {
      problems: checked.problems,
    });
  }
  return checked.words;
}

/** Saves the word list (already checked by `validWords`). */
export async function saveDependencySettings(store: KeyValueStore, words: BlockingWords): Promise<void> {
  await store.set(KEY, { blockingWords: validWords(words) });
}

/** How the site's link types read with a word list: the settings page's preview. */
export async function previewLinkTypes(jira: JiraClient, words: BlockingWords): Promise<LinkTypeReading[]> {
  return readLinkTypes(await jira.issueLinkTypes(), words);
}

/** Site admins (Jira's ADMINISTER) change what the whole site reads as blocking. */
export async function canEditDependencySettings(jira: JiraClient): Promise<boolean> {
  return (await jira.myPermissions(['ADMINISTER'])).ADMINISTER === true;
}
