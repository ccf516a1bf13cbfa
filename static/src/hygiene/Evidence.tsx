import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import {
  evidenceSaysLess,
  type EvidenceData,
  type EvidenceLimitDetails,
  type RuleEvidenceData,
} from '@contract/hygiene';
import { useFailureFlag } from '../shell/flags';
import { useLanguage, useT } from '../shell/i18n';
import { callResolver, ResolverFailure } from '../shell/invoke';

/** The names the service counts as bad when none is given, shown so that the admin can edit them. */
const DEFAULT_BAD = ['Cannot Reproduce', 'Incomplete', 'Needs more info', 'Needs More Information'];

function isLimit(details: unknown): details is EvidenceLimitDetails {
  return (
    typeof details === 'object' &&
    details !== null &&
    (details as { reason?: unknown }).reason === 'evidence-scope-too-large' &&
    typeof (details as { limit?: unknown }).limit === 'number'
  );
}

/**
 * The admin's question to the site's history: a JQL and the resolutions that count as bad endings. The figures
 * are shown beside each rule's switch (`RuleEvidence`); nothing is changed for the admin.
 */
export function EvidenceForm({ onMeasured }: { onMeasured: (evidence: EvidenceData) => void }) {
  const t = useT();
  const language = useLanguage();
  const showFailure = useFailureFlag();
  const [jql, setJql] = useState('');
  const [bad, setBad] = useState(DEFAULT_BAD.join('\n'));
  const [running, setRunning] = useState(false);
  const [tooLarge, setTooLarge] = useState<number | undefined>();
  const [resolved, setResolved] = useState<number | undefined>();
  const measure = () => {
    const badResolutions = bad
      .split('\n')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    setRunning(true);
    setTooLarge(undefined);
    // No name at all: the service's defaults, rather than no bad ending to count.
    const payload = badResolutions.length > 0 ? { jql, badResolutions } : { jql };
    callResolver('hygiene.evidence', payload)
      .then(
        (evidence) => {
          setResolved(evidence.resolved);
          onMeasured(evidence);
        },
        (error: unknown) => {
          if (error instanceof ResolverFailure && error.code === 'CONFLICT' && isLimit(error.details))
            setTooLarge(error.details.limit);
          else showFailure(error);
        },
      )
      .finally(() => {
        setRunning(false);
      });
  };
  return (
    <Stack space="space.100" testId="hygiene-evidence">
      <Heading size="small">{t('hygiene.evidence.heading')}</Heading>
      <Text color="color.text.subtle">{t('hygiene.evidence.help')}</Text>
      <Inline space="space.150" alignBlock="end" shouldWrap>
        <Stack space="space.050">
          <Text weight="medium">{t('hygiene.evidence.scope')}</Text>
          <Textfield
            aria-label={t('hygiene.evidence.scope')}
            placeholder="project = PAY AND created >= -365d"
            value={jql}
            width={420}
            testId="hygiene-evidence-jql"
            onChange={(event) => {
              setJql(event.currentTarget.value);
            }}
          />
        </Stack>
        <Stack space="space.050">
          <Text weight="medium">{t('hygiene.evidence.bad')}</Text>
          <TextArea
            aria-label={t('hygiene.evidence.bad')}
            minimumRows={2}
            value={bad}
            testId="hygiene-evidence-bad"
            onChange={(event) => {
              setBad(event.currentTarget.value);
            }}
          />
        </Stack>
        <Button
          appearance="default"
          isDisabled={running || jql.trim() === ''}
          onClick={measure}
          testId="hygiene-evidence-measure"
        >
          {running ? t('hygiene.evidence.measuring') : t('hygiene.evidence.measure')}
        </Button>
      </Inline>
      {tooLarge !== undefined && (
        <Text color="color.text.danger">
          {t('hygiene.evidence.tooLarge', { limit: tooLarge.toLocaleString(language) })}
        </Text>
      )}
      {resolved !== undefined && tooLarge === undefined && (
        <Text>{t('hygiene.evidence.resolved', { count: resolved })}</Text>
      )}
    </Stack>
  );
}

/** One rule's figures, beside its switch; a suggestion to reconsider it where the whole interval lies below 1. */
export function RuleEvidence({ ruleId, evidence }: { ruleId: string; evidence: EvidenceData }) {
  const t = useT();
  const language = useLanguage();
  if (evidence.notMeasurable.includes(ruleId))
    return (
      <Text size="small" color="color.text.subtle">
        {t('hygiene.evidence.notMeasurable')}
      </Text>
    );
  const figures = evidence.rules.find((r) => r.rule === ruleId);
  if (figures === undefined) return null;
  const number = (value: number) => value.toLocaleString(language, { maximumFractionDigits: 2 });
  const share = (bad: number, of: number) =>
    of === 0 ? '–' : (bad / of).toLocaleString(language, { style: 'percent' });
  const unflagged = figures.population - figures.flagged;
  return (
    <Stack space="space.025" testId={`hygiene-evidence-${ruleId}`}>
      <Text size="small">
        {t('hygiene.evidence.population', { population: figures.population, flagged: figures.flagged })}
      </Text>
      <Text size="small">
        {t('hygiene.evidence.figures', {
          flagged: share(figures.flaggedBad, figures.flagged),
          unflagged: share(figures.unflaggedBad, unflagged),
        })}
      </Text>
      <Text size="small">{liftText(figures, number, t)}</Text>
      {figures.medianDaysFlagged !== null && figures.medianDaysUnflagged !== null && (
        <Text size="small">
          {t('hygiene.evidence.days', {
            flagged: number(figures.medianDaysFlagged),
            unflagged: number(figures.medianDaysUnflagged),
          })}
        </Text>
      )}
      {evidenceSaysLess(figures) && (
        <Text size="small" weight="medium" color="color.text.warning">
          {t('hygiene.evidence.suggest')}
        </Text>
      )}
    </Stack>
  );
}

function liftText(
  figures: RuleEvidenceData,
  number: (value: number) => string,
  t: ReturnType<typeof useT>,
): string {
  if (figures.lift === null) return t('hygiene.evidence.noLift');
  if (figures.liftLow === null || figures.liftHigh === null)
    return t('hygiene.evidence.liftOnly', { lift: number(figures.lift) });
  return t('hygiene.evidence.lift', {
    lift: number(figures.lift),
    low: number(figures.liftLow),
    high: number(figures.liftHigh),
  });
}
