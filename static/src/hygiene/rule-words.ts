import { useCallback, useEffect, useState } from 'react';
import {
  formatFindingMessage,
  type FindingWording,
  type RuleTextData,
  type RuleWordsData,
} from '@contract/hygiene';
import { useLanguage } from '../shell/i18n';
import { callResolver } from '../shell/invoke';
import type { Language } from '../shell/translate';
import { findingMessages } from './messages';

/** The rules' words by rule id and their finding templates by message id, in one language. */
interface LanguageWords {
  readonly rules: ReadonlyMap<string, RuleTextData>;
  readonly templates: ReadonlyMap<string, string>;
}

type Words = Readonly<Record<Language, LanguageWords>>;

function index(words: readonly RuleWordsData[], language: Language): LanguageWords {
  const rules = new Map<string, RuleTextData>();
  const templates = new Map<string, string>(Object.entries(findingMessages[language]));
  for (const rule of words) {
    rules.set(rule.rule, rule[language]);
    for (const message of rule[language].messages) templates.set(message.id, message.template);
  }
  return { rules, templates };
}

let loading: Promise<Words> | undefined;
let loaded: Words | undefined;

/**
 * The rules' words, asked once per frame: they are the same for everyone and never change while a page is open.
 * A failure is forgotten, so the next screen asks again; meanwhile screens speak the English the data carries.
 */
function loadWords(): Promise<Words> {
  loading ??= callResolver('hygiene.words', {}).then(
    (words) => (loaded = { en: index(words, 'en'), fr: index(words, 'fr') }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The words in the reader's language; undefined until they arrive (or if they cannot). */
function useWords(): LanguageWords | undefined {
  const language = useLanguage();
  const [words, setWords] = useState<Words | undefined>(loaded);
  useEffect(() => {
    if (words !== undefined) return undefined;
    let current = true;
    loadWords().then(
      (answer) => {
        if (current) setWords(answer);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [words]);
  return words?.[language];
}

/** What the screens show of a rule: the rule's words in the reader's language, else what the data carries. */
export interface RuleText {
  readonly title: string;
  readonly rationale: string;
  readonly fixHint: string;
}

/**
 * `text(rule)`: a rule's title, reason and fix in the reader's language. `fallback` is what the data carries
 * (the English of a panel finding); without it, an unknown rule reads as its id.
 */
export function useRuleText(): (rule: string, fallback?: RuleText) => RuleText {
  const words = useWords();
  return useCallback(
    (rule: string, fallback?: RuleText) =>
      words?.rules.get(rule) ?? fallback ?? { title: rule, rationale: '', fixHint: '' },
    [words],
  );
}

/** `optionLabel(rule, key)`: what an option of a rule is called in the reader's language; its key until known. */
export function useOptionLabel(): (rule: string, key: string) => string {
  const words = useWords();
  return useCallback(
    (rule: string, key: string) =>
      words?.rules.get(rule)?.options.find((option) => option.key === key)?.label ?? key,
    [words],
  );
}

/** What a finding says in the reader's language, from its message id and parameters. */
export function useFindingText(): (finding: FindingWording) => string {
  const words = useWords();
  const language = useLanguage();
  return useCallback(
    (finding: FindingWording) => {
      const template = words?.templates.get(finding.messageId);
      // Before the words arrive, or for a finding stored before message ids existed: its English text.
      return template === undefined
        ? finding.message
        : formatFindingMessage(language, template, finding.params);
    },
    [words, language],
  );
}
