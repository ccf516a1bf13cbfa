/**
 * The site's dependency settings, kept in the app's key-value store under one key: the word list that decides
 * which link types mean blocking. Every report, panel, review and publish of the site reads it; Jira
 * administrators change it.
 */
import { z } from 'zod';
import { JiraClient } from '../../atlassian/jira';
import type { DependencySettingsView } from '../../contract/dependencies';
import { AppError } from '../../contract/result';
import {
  checkBlockingWords,
  DEFAULT_BLOCKING_WORDS,
  readLinkTypes,
  type BlockingWords,
  type LinkTypeReading,
} from '../../dependencies';
import { isJiraAdmin } from '../guards';
import type { KeyValueStore, Platform, Principal } from '../ports';

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
async function saveDependencySettings(store: KeyValueStore, words: BlockingWords): Promise<void> {
  await store.set(KEY, { blockingWords: validWords(words) });
}

/** How the site's link types read with a word list: the settings page's preview. */
export async function previewLinkTypes(jira: JiraClient, words: BlockingWords): Promise<LinkTypeReading[]> {
  return readLinkTypes(await jira.issueLinkTypes(), words);
}

/** The settings page: the word list in force, the built-in one, how the site's link types read, who may edit. */
export async function settingsView(
  platform: Platform,
  principal: Principal,
): Promise<DependencySettingsView> {
  const jira = new JiraClient(platform.jira(principal));
  const { blockingWords } = await loadDependencySettings(platform.store);
  const [linkTypes, canEdit] = await Promise.all([previewLinkTypes(jira, blockingWords), isJiraAdmin(jira)]);
  return { words: blockingWords, defaults: DEFAULT_BLOCKING_WORDS, linkTypes, canEdit };
}

/** Saves the site's word list: Jira administrators only (ADMINISTER), and a list with a fault is refused whole. */
export async function updateDependencySettings(
  platform: Platform,
  principal: Principal,
  words: BlockingWords,
): Promise<DependencySettingsView> {
  const jira = new JiraClient(platform.jira(principal));
  if (!(await isJiraAdmin(jira)))
    throw new AppError('FORBIDDEN', 'Only Jira administrators can change what reads as blocking.');
  await saveDependencySettings(platform.store, words);
  return settingsView(platform, principal);
}
