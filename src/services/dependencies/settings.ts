/**
 * The site's dependency settings, kept in the app's key-value store under one key: the word list that decides
 * which link types mean blocking, and the risk rules that decide which dependencies need attention. Every report, panel, review and publish of the site reads it; Jira
 * administrators change it.
 */
import { z } from 'zod';
import { JiraClient } from '../../atlassian/jira';
import type { DependencySettingsView } from '../../contract/dependencies';
import { riskRulesSchema } from '../../contract/dependencies';
import {
  checkBlockingWords,
  checkRiskRules,
  DEFAULT_BLOCKING_WORDS,
  DEFAULT_RISK_RULES,
  readLinkTypes,
  type BlockingWords,
  type LinkTypeReading,
  type RiskRules,
} from '../../dependencies';
import { isJiraAdmin } from '../guards';
import type { KeyValueStore, Platform, Principal } from '../ports';
import { dependenciesRefusal } from '../refusals';

const KEY = 'dependencies:settings';

const storedSchema = z.object({
  blockingWords: z.object({
    blockerPhrases: z.array(z.string()),
    blockedPhrases: z.array(z.string()),
    symmetricWords: z.array(z.string()),
  }),
  // Absent from settings saved before risks could be set: the built-in rules then.
  riskRules: z.unknown().optional(),
});

export interface DependencySettings {
  readonly blockingWords: BlockingWords;
  readonly riskRules: RiskRules;
}

/** Stored rules that still read and hold no fault, else the built-in ones. */
function storedRules(stored: unknown): RiskRules {
  const parsed = riskRulesSchema.safeParse(stored);
  return parsed.success && checkRiskRules(parsed.data).length === 0 ? parsed.data : DEFAULT_RISK_RULES;
}

/** The site's settings, or the built-in ones when none were saved (or what was stored no longer reads). */
export async function loadDependencySettings(store: KeyValueStore): Promise<DependencySettings> {
  const parsed = storedSchema.safeParse(await store.get<unknown>(KEY));
  if (!parsed.success) return { blockingWords: DEFAULT_BLOCKING_WORDS, riskRules: DEFAULT_RISK_RULES };
  const checked = checkBlockingWords(parsed.data.blockingWords);
  return {
    blockingWords: checked.problems.length === 0 ? checked.words : DEFAULT_BLOCKING_WORDS,
    riskRules: storedRules(parsed.data.riskRules),
  };
}

/** The word list, cleaned; refused whole, naming each phrase at fault, when anything is wrong. */
function validWords(words: BlockingWords): BlockingWords {
  const checked = checkBlockingWords(words);
  if (checked.problems.length > 0) {
    const named = checked.problems.map((p) => `“${p.phrase}” (${p.problem})`).join(', ');
    throw dependenciesRefusal(
      'INVALID_INPUT',
      'badWords',
      { problems: named },
      { problems: checked.problems },
    );
  }
  return checked.words;
}

/** The risk rules, refused whole, naming each reason at fault, when a threshold is wrong. */
function validRules(rules: RiskRules): RiskRules {
  const problems = checkRiskRules(rules);
  if (problems.length > 0) {
    const named = problems.map((p) => `${p.reason} (${p.problem})`).join(', ');
    throw dependenciesRefusal('INVALID_INPUT', 'badRiskRules', { problems: named }, { problems });
  }
  return rules;
}

/** Saves the word list and the risk rules (the stored rules kept when none are given), each checked first. */
async function saveDependencySettings(
  store: KeyValueStore,
  words: BlockingWords,
  riskRules?: RiskRules,
): Promise<void> {
  const blockingWords = validWords(words);
  const rules =
    riskRules === undefined ? (await loadDependencySettings(store)).riskRules : validRules(riskRules);
  await store.set(KEY, { blockingWords, riskRules: rules });
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
  const { blockingWords, riskRules } = await loadDependencySettings(platform.store);
  const [linkTypes, canEdit] = await Promise.all([previewLinkTypes(jira, blockingWords), isJiraAdmin(jira)]);
  return {
    words: blockingWords,
    defaults: DEFAULT_BLOCKING_WORDS,
    linkTypes,
    riskRules,
    riskDefaults: DEFAULT_RISK_RULES,
    canEdit,
  };
}

/** Saves the site's word list: Jira administrators only (ADMINISTER), and a list with a fault is refused whole. */
export async function updateDependencySettings(
  platform: Platform,
  principal: Principal,
  words: BlockingWords,
  riskRules?: RiskRules,
): Promise<DependencySettingsView> {
  const jira = new JiraClient(platform.jira(principal));
  if (!(await isJiraAdmin(jira))) throw dependenciesRefusal('FORBIDDEN', 'notJiraAdmin');
  await saveDependencySettings(platform.store, words, riskRules);
  return settingsView(platform, principal);
}
