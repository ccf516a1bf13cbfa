import type { RuleTextData, RuleWordsData } from '../../contract/hygiene';
import { RULES } from '../../hygiene/rules';
import type { RuleText } from '../../hygiene/words';

function textData(text: RuleText<string>): RuleTextData {
  return {
    title: text.title,
    agreement: text.agreement,
    rationale: text.rationale,
    fixHint: text.fixHint,
    options: Object.entries(text.options).map(([key, label]) => ({ key, label })),
    messages: Object.entries(text.messages).map(([id, template]) => ({ id, template })),
  };
}

/** Every built-in rule's words, as the registry holds them; built once, since they never change at run time. */
const WORDS: readonly RuleWordsData[] = RULES.map((rule) => ({
  rule: rule.id,
  en: textData(rule.words.en),
  fr: textData(rule.words.fr),
}));

/** The words of the built-in rules, for the screens to speak the reader's language. */
export function ruleWordsView(): readonly RuleWordsData[] {
  return WORDS;
}
