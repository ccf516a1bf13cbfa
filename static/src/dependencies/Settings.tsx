import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { useEffect, useState } from 'react';
import type { DependencySettingsView, LinkTypePreview } from '@contract/dependencies';
import type { BlockingWords, LinkTypeReading } from '@contract/dependency-report';
import { useFailureFlag, useSuccessFlag } from '../shell/flags';
import { useT } from '../shell/i18n';
import { callResolver, useResolver } from '../shell/invoke';
import { Loading } from '../shell/placeholders';
import { RiskRulesEditor } from './RiskRules';

const LISTS = ['blockerPhrases', 'blockedPhrases', 'symmetricWords'] as const;
type Lists = Record<(typeof LISTS)[number], string>;

/** One phrase per line in the text areas; blank lines are only spacing. */
const toText = (words: BlockingWords): Lists => ({
  blockerPhrases: words.blockerPhrases.join('\n'),
  blockedPhrases: words.blockedPhrases.join('\n'),
  symmetricWords: words.symmetricWords.join('\n'),
});
const toWords = (lists: Lists): Record<keyof BlockingWords, string[]> => ({
  blockerPhrases: lists.blockerPhrases.split('\n').filter((line) => line.trim() !== ''),
  blockedPhrases: lists.blockedPhrases.split('\n').filter((line) => line.trim() !== ''),
  symmetricWords: lists.symmetricWords.split('\n').filter((line) => line.trim() !== ''),
});

/** How long typing pauses before the preview is asked again. */
const PREVIEW_DELAY_MS = 400;

function LinkTypeTable({ linkTypes }: { linkTypes: readonly LinkTypeReading[] }) {
  const t = useT();
  const blocking = linkTypes.filter((type) => type.direction !== null).length;
  return (
    <Stack space="space.100">
      <Text testId="dependencies-settings-count">
        {t('dependencies.settings.count', { count: String(blocking), total: String(linkTypes.length) })}
      </Text>
      <DynamicTable
        testId="dependencies-settings-types"
        head={{
          cells: [
            { key: 'type', content: t('dependencies.settings.column.type') },
            { key: 'outward', content: t('dependencies.settings.column.outward') },
            { key: 'inward', content: t('dependencies.settings.column.inward') },
            { key: 'reading', content: t('dependencies.settings.column.reading') },
          ],
        }}
        rows={linkTypes.map((type) => ({
          key: type.id,
          cells: [
            { key: 'type', content: type.name },
            { key: 'outward', content: type.outward },
            { key: 'inward', content: type.inward },
            {
              key: 'reading',
              content:
                type.direction === null ? (
                  <Lozenge>{t('dependencies.settings.reading.none')}</Lozenge>
                ) : (
                  <Inline space="space.050" shouldWrap>
                    <Lozenge appearance="moved" maxWidth="none">
                      {t(`dependencies.settings.reading.${type.direction}`)}
                    </Lozenge>
                    {type.assumedDirection ? (
                      <Text size="small">{t('dependencies.settings.reading.assumed')}</Text>
                    ) : null}
                  </Inline>
                ),
            },
          ],
        }))}
      />
    </Stack>
  );
}

/** The editor once the saved settings are loaded: word lists, what is wrong with them, and the live preview. */
function WordListEditor({ settings }: { settings: DependencySettingsView }) {
  const t = useT();
  const showFailure = useFailureFlag();
  const showSuccess = useSuccessFlag();
  const [lists, setLists] = useState<Lists>(toText(settings.words));
  const [riskRules, setRiskRules] = useState(settings.riskRules);
  const [preview, setPreview] = useState<LinkTypePreview>({ problems: [], linkTypes: settings.linkTypes });
  const [saving, setSaving] = useState(false);
  const request = JSON.stringify(lists);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      callResolver('dependencies.settings.preview', { words: toWords(JSON.parse(request) as Lists) }).then(
        (answer) => {
          if (current) setPreview(answer);
        },
        showFailure,
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [request, showFailure]);

  const save = () => {
    setSaving(true);
    callResolver('dependencies.settings.save', { words: toWords(lists), riskRules })
      .then((saved) => {
        setLists(toText(saved.words));
        setRiskRules(saved.riskRules);
        showSuccess(t('dependencies.settings.saved'));
      }, showFailure)
      .finally(() => {
        setSaving(false);
      });
  };

  return (
    <Stack space="space.200">
      {settings.canEdit ? null : (
        <SectionMessage appearance="information">{t('dependencies.settings.readOnly')}</SectionMessage>
      )}
      <Inline space="space.200" shouldWrap alignBlock="start">
        {LISTS.map((list) => (
          <Box key={list} style={{ width: 300 }}>
            <label htmlFor={`dependencies-words-${list}`}>{t(`dependencies.settings.${list}`)}</label>
            <TextArea
              id={`dependencies-words-${list}`}
              testId={`dependencies-words-${list}`}
              minimumRows={8}
              isReadOnly={!settings.canEdit}
              value={lists[list]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setLists((previous) => ({ ...previous, [list]: value }));
              }}
            />
          </Box>
        ))}
      </Inline>
      {preview.problems.length > 0 ? (
        <SectionMessage appearance="warning" testId="dependencies-settings-problems">
          <Stack space="space.050">
            {preview.problems.map((problem) => (
              <Text key={`${problem.list}:${problem.phrase}:${problem.problem}`}>
                {t(`dependencies.settings.problem.${problem.problem}`, { phrase: problem.phrase })}
              </Text>
            ))}
          </Stack>
        </SectionMessage>
      ) : null}
      <Heading size="small">{t('dependencies.settings.risk.heading')}</Heading>
      <RiskRulesEditor rules={riskRules} canEdit={settings.canEdit} onChange={setRiskRules} />
      {settings.canEdit ? (
        <Inline space="space.100">
          <Button
            appearance="primary"
            testId="dependencies-settings-save"
            isDisabled={preview.problems.length > 0}
            isLoading={saving}
            onClick={save}
          >
            {t('dependencies.settings.save')}
          </Button>
          <Button
            onClick={() => {
              setLists(toText(settings.defaults));
              setRiskRules(settings.riskDefaults);
            }}
          >
            {t('dependencies.settings.reset')}
          </Button>
        </Inline>
      ) : null}
      <Heading size="small">{t('dependencies.settings.preview')}</Heading>
      <LinkTypeTable linkTypes={preview.linkTypes} />
    </Stack>
  );
}

/** The dependencies settings: the word list that decides which link types of the site mean blocking. */
export function DependencySettings() {
  const t = useT();
  const loaded = useResolver('dependencies.settings.get', {});
  return (
    <Stack space="space.200" testId="dependencies-settings">
      <Heading size="medium">{t('dependencies.settings.heading')}</Heading>
      <Text>{t('dependencies.settings.help')}</Text>
      {loaded.data ? <WordListEditor settings={loaded.data} /> : loaded.loading ? <Loading /> : null}
    </Stack>
  );
}
