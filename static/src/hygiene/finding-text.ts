import { useCallback } from 'react';
import { formatFindingMessage, type FindingWording } from '@contract/hygiene';
import { useLanguage } from '../shell/i18n';
import type { Language } from '../shell/translate';
import { findingMessages } from './messages';

/** What a finding says in `language`, formatted from its message id and parameters. */
function findingText(language: Language, finding: FindingWording): string {
  const templates: Readonly<Record<string, string>> = findingMessages[language];
  const template = templates[finding.messageId];
  // A finding stored before message ids existed (a part of a queued scan) keeps its English text.
  return template === undefined ? finding.message : formatFindingMessage(language, template, finding.params);
}

/** `findingText` in the reader's language. */
export function useFindingText(): (finding: FindingWording) => string {
  const language = useLanguage();
  return useCallback((finding: FindingWording) => findingText(language, finding), [language]);
}
