import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { WorkScope } from '@contract/dependencies';
import { useT } from '../shell/i18n';
import { failureMessage, failureTitle } from '../shell/failure-flag';
import { useResolver, type ResolverFailure } from '../shell/invoke';

export type QuarterBy = 'duedate' | 'fixVersion' | 'sprint';

/** A scope and team dimension as the resolvers take them (a job found again answers the one it ran for). */
export type ScopeChoice = WorkScope;

type Dimension = 'project' | 'component' | 'team' | 'label' | 'field';

/** The current calendar quarter. */
export function currentQuarter(now = new Date()): { year: number; quarter: number } {
  return { year: now.getUTCFullYear(), quarter: Math.floor(now.getUTCMonth() / 3) + 1 };
}

/** The site's custom fields a team can be read from, by name (loaded when "Custom field" is picked). */
function TeamFieldPicker({ value, onChange }: { value: string; onChange: (fieldId: string) => void }) {
  const t = useT();
  const loaded = useResolver('dependencies.fields', {});
  const options = (loaded.data?.fields ?? []).map((field) => ({
    label: `${field.name} (${field.id})`,
    value: field.id,
  }));
  return (
    <Box style={{ width: 220 }}>
      <label htmlFor="dependencies-field">{t('dependencies.scope.field')}</label>
      <Select
        inputId="dependencies-field"
        options={options}
        isLoading={loaded.loading}
        value={options.find((o) => o.value === value) ?? null}
        onChange={(o) => {
          if (o) onChange(o.value);
        }}
      />
    </Box>
  );
}

/** "Any time" in the quarter picker of a team page: every issue of the project. */
const ANY_TIME = 0;

/** The pickers' values that show `shown` (a report found again), or the defaults. */
function pickerStart(shown: ScopeChoice | undefined, anyTime: boolean) {
  const now = currentQuarter();
  const scope = shown?.scope;
  const teamBy = shown?.teamBy ?? 'project';
  const [kind = 'project', rest = ''] = teamBy.split(/:(.*)/s);
  const dimension: Dimension = ['project', 'component', 'team', 'label', 'field'].includes(kind)
    ? (kind as Dimension)
    : 'project';
  return {
    quarter: scope?.kind === 'quarter' ? scope.quarter : anyTime ? ANY_TIME : now.quarter,
    year: scope?.kind === 'quarter' ? scope.year : now.year,
    by: scope?.kind === 'quarter' ? (scope.by ?? 'duedate') : ('duedate' as QuarterBy),
    jql: scope?.kind === 'jql' ? scope.jql : '',
    dimension,
    prefix: dimension === 'label' ? rest : 'team-',
    fieldId: dimension === 'field' ? rest : '',
  };
}

/**
 * Quarter, year, what places an issue in the quarter (due date, fix version, sprint), optional JQL and team
 * dimension pickers, with the button that runs the report. A team page passes `anyTime` (its quarter picker
 * then starts on "Any time", answered as `null`) and hides the team dimension. `shown` is the scope of the report
 * on screen, which the pickers start from (remount with a `key` to show another).
 */
export function ScopePicker({
  onRun,
  busy,
  anyTime = false,
  showTeamBy = true,
  shown,
}: {
  onRun: (choice: ScopeChoice | { scope: null; teamBy: string }) => void;
  busy: boolean;
  anyTime?: boolean;
  showTeamBy?: boolean;
  shown?: ScopeChoice | undefined;
}) {
  const t = useT();
  const initial = currentQuarter();
  const [start] = useState(() => pickerStart(shown, anyTime));
  const [quarter, setQuarter] = useState(start.quarter);
  const [year, setYear] = useState(start.year);
  const [by, setBy] = useState<QuarterBy>(start.by);
  const [jql, setJql] = useState(start.jql);
  const [dimension, setDimension] = useState<Dimension>(start.dimension);
  const [prefix, setPrefix] = useState(start.prefix);
  const [fieldId, setFieldId] = useState(start.fieldId);
  const quarters = [
    ...(anyTime ? [{ label: t('dependencies.scope.anyTime'), value: ANY_TIME }] : []),
    ...[1, 2, 3, 4].map((q) => ({ label: `Q${q}`, value: q })),
  ];
  const years = [initial.year - 1, initial.year, initial.year + 1].map((y) => ({
    label: String(y),
    value: y,
  }));
  const bys = (['duedate', 'fixVersion', 'sprint'] as const).map((value) => ({
    label: t(`dependencies.by.${value}`),
    value,
  }));
  const dimensions = (['project', 'component', 'team', 'label', 'field'] as const).map((value) => ({
    label: t(`dependencies.teamBy.${value}`),
    value,
  }));
  const run = () => {
    const teamBy =
      dimension === 'label'
        ? `label:${prefix.trim() || 'team-'}`
        : dimension === 'field'
          ? `field:${fieldId}`
          : dimension;
    if (jql.trim() !== '') onRun({ scope: { kind: 'jql', jql: jql.trim() }, teamBy });
    else if (quarter === ANY_TIME) onRun({ scope: null, teamBy });
    else onRun({ scope: { kind: 'quarter', year, quarter, by }, teamBy });
  };
  const inQuarter = quarter !== ANY_TIME;
  return (
    <Inline space="space.150" alignBlock="end" shouldWrap>
      <Box style={{ width: 130 }}>
        <label htmlFor="dependencies-quarter">{t('dependencies.scope.quarter')}</label>
        <Select
          inputId="dependencies-quarter"
          options={quarters}
          value={quarters.find((o) => o.value === quarter)}
          onChange={(o) => {
            if (o) setQuarter(o.value);
          }}
        />
      </Box>
      {inQuarter ? (
        <Box style={{ width: 110 }}>
          <label htmlFor="dependencies-year">{t('dependencies.scope.year')}</label>
          <Select
            inputId="dependencies-year"
            options={years}
            value={years.find((o) => o.value === year)}
            onChange={(o) => {
              if (o) setYear(o.value);
            }}
          />
        </Box>
      ) : null}
      {inQuarter ? (
        <Box style={{ width: 180 }}>
          <label htmlFor="dependencies-by">{t('dependencies.scope.by')}</label>
          <Select
            inputId="dependencies-by"
            options={bys}
            value={bys.find((o) => o.value === by)}
            onChange={(o) => {
              if (o) setBy(o.value);
            }}
          />
        </Box>
      ) : null}
      {/* The JQL field takes what the row leaves: queries are long. */}
      <Box style={{ flex: '1 1 300px', minWidth: 300, maxWidth: 640 }}>
        <label htmlFor="dependencies-jql">{t('dependencies.scope.jql')}</label>
        <Textfield
          id="dependencies-jql"
          testId="dependencies-jql"
          placeholder={t('dependencies.scope.jqlHelp')}
          value={jql}
          onChange={(e) => {
            setJql(e.currentTarget.value);
          }}
        />
      </Box>
      {showTeamBy ? (
        <Box style={{ width: 170 }}>
          <label htmlFor="dependencies-team-by">{t('dependencies.scope.teamBy')}</label>
          <Select
            inputId="dependencies-team-by"
            options={dimensions}
            value={dimensions.find((o) => o.value === dimension)}
            onChange={(o) => {
              if (o) setDimension(o.value);
            }}
          />
        </Box>
      ) : null}
      {showTeamBy && dimension === 'label' ? (
        <Box style={{ width: 140 }}>
          <label htmlFor="dependencies-prefix">{t('dependencies.scope.labelPrefix')}</label>
          <Textfield
            id="dependencies-prefix"
            value={prefix}
            onChange={(e) => {
              setPrefix(e.currentTarget.value);
            }}
          />
        </Box>
      ) : null}
      {showTeamBy && dimension === 'field' ? <TeamFieldPicker value={fieldId} onChange={setFieldId} /> : null}
      <Button
        appearance="primary"
        onClick={run}
        isLoading={busy}
        isDisabled={showTeamBy && dimension === 'field' && fieldId === ''}
        testId="dependencies-run"
      >
        {t('dependencies.run')}
      </Button>
    </Inline>
  );
}

/** How many picked names the plan line lists before "and N more". */
const PLAN_NAMES = 8;

/** "Q4 2026 by sprint: 36 sprints ending in the quarter (PAY Sprint 7, …)": what a quarter by version or sprint took. */
export function ScopePlan({
  label,
  plan,
}: {
  label: string;
  plan: { by: QuarterBy; picked: readonly string[]; undated: number } | undefined;
}) {
  const t = useT();
  if (!plan || plan.by === 'duedate') return null;
  const shown = plan.picked.slice(0, PLAN_NAMES);
  const more = plan.picked.length - shown.length;
  const names = [...shown, ...(more > 0 ? [t('dependencies.plan.more', { count: String(more) })] : [])];
  const undated =
    plan.undated > 0 ? ` · ${t('dependencies.plan.undated', { count: String(plan.undated) })}` : '';
  return (
    <Text testId="dependencies-plan" color="color.text.subtle">
      {`${t(`dependencies.plan.${plan.by}`, { label, count: String(plan.picked.length) })}${
        names.length > 0 ? ` (${names.join(', ')})` : ''
      }${undated}`}
    </Text>
  );
}

/** Dependency work running as a job: what it reads, and how far it got (the page polls every few seconds). */
export function WorkProgress({
  running,
  testId,
}: {
  running: { scopeLabel: string; done: number; total: number; totalKnown: boolean } | undefined;
  testId: string;
}) {
  const t = useT();
  if (running === undefined) return null;
  const { scopeLabel: label, done, total, totalKnown } = running;
  return (
    <Stack space="space.050" testId={testId}>
      <Text>
        {totalKnown
          ? t('dependencies.work.reading', { label, done: String(done), total: String(total) })
          : t('dependencies.work.listing', { label, total: String(total) })}
      </Text>
      <ProgressBar value={total === 0 ? 0 : done / total} isIndeterminate={!totalKnown} ariaLabel={label} />
    </Stack>
  );
}

/** Atlassian's own messages carried by a failure (`details.messages`), e.g. Jira's words on a JQL it refused. */
function atlassianWords(details: unknown): string[] {
  if (typeof details !== 'object' || details === null || !('messages' in details)) return [];
  const { messages } = details;
  return Array.isArray(messages) ? messages.filter((m): m is string => typeof m === 'string') : [];
}

/**
 * Why the report could not be made, where the report would be, until the next run: for a JQL Jira refused,
 * Jira's own message, so the user can fix the query in place.
 */
export function ReportFailure({ failure }: { failure: ResolverFailure }) {
  const t = useT();
  const words = atlassianWords(failure.details);
  return (
    <SectionMessage appearance="warning" title={failureTitle(t, failure)} testId="dependencies-failure">
      <Text>{words.length > 0 ? words.join(' ') : failureMessage(t, failure)}</Text>
    </SectionMessage>
  );
}
