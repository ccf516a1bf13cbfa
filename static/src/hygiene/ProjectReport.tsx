import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import Textfield from '@atlaskit/textfield';
import { useMemo, useState } from 'react';
import type { ProjectConfigView, Tally } from '@contract/hygiene';
import { useProductContext } from '../shell/context';
import { siteLink } from '../shell/product-context';
import { useFailureFlag, useSuccessFlag } from '../shell/flags';
import { useT } from '../shell/i18n';
import { callResolver, useResolver } from '../shell/invoke';
import { Loading, WhenLoaded } from '../shell/placeholders';
import { draftsOf, settingsOf, type RuleDrafts } from './rule-drafts';
import { RulesEditor } from './RulesEditor';
import { FieldMapEditor, fieldDraftsOf, fieldMapOfDrafts, type FieldDrafts } from './FieldMapEditor';
import { GateSettings } from './GateSettings';
import { TrendChart } from './TrendChart';
import { RowFindings } from './RowFindings';
import { useRuleText } from './rule-words';
import { useProjectScan } from './use-project-scan';

function TallyTable({
  tallies,
  label,
  testId,
  nameOf = (key) => key,
}: {
  tallies: Readonly<Record<string, Tally>>;
  label: string;
  testId: string;
  /** What a row is called on screen (a rule's title for a rule id). */
  nameOf?: (key: string) => string;
}) {
  const t = useT();
  const rows = Object.entries(tallies)
    .sort((a, b) => b[1].open - a[1].open || a[0].localeCompare(b[0]))
    .map(([name, tally]) => ({
      key: name,
      cells: [
        { key: 'name', content: nameOf(name) },
        { key: 'open', content: tally.open },
        { key: 'ack', content: tally.acknowledged },
      ],
    }));
  return (
    <DynamicTable
      testId={testId}
      head={{
        cells: [
          { key: 'name', content: label },
          { key: 'open', content: t('hygiene.report.open') },
          { key: 'ack', content: t('hygiene.report.acknowledged') },
        ],
      }}
      rows={rows}
    />
  );
}

function Overrides({ projectKey }: { projectKey: string }) {
  const loaded = useResolver('hygiene.projectConfig', { projectKey });
  return (
    <WhenLoaded state={loaded}>
      {(data) => <OverridesEditor projectKey={projectKey} initial={data} />}
    </WhenLoaded>
  );
}

function OverridesEditor({ projectKey, initial }: { projectKey: string; initial: ProjectConfigView }) {
  const t = useT();
  const showFailure = useFailureFlag();
  const showSuccess = useSuccessFlag();
  const [view, setView] = useState<ProjectConfigView>(initial);
  const [drafts, setDrafts] = useState<RuleDrafts>(() => draftsOf(initial.rules));
  const [fields, setFields] = useState<FieldDrafts>(() => fieldDraftsOf(initial.config.fieldMap));
  const [saving, setSaving] = useState(false);
  const save = () => {
    // Only what differs from the organisation's settings, and only for the rules it lets projects override.
    const built = settingsOf(view.rules, drafts, 'project');
    if ('badJson' in built) {
      showFailure(new Error(t('hygiene.rules.badJson', { rule: built.badJson })));
      return;
    }
    setSaving(true);
    callResolver('hygiene.saveProjectConfig', {
      projectKey,
      config: { rules: built.settings, fieldMap: fieldMapOfDrafts(fields) },
    })
      .then((next) => {
        setView(next);
        setDrafts(draftsOf(next.rules));
        setFields(fieldDraftsOf(next.config.fieldMap));
        showSuccess(t('hygiene.rules.saved'));
      }, showFailure)
      .finally(() => {
        setSaving(false);
      });
  };
  return (
    <Stack space="space.300">
      <FieldMapEditor
        heading={t('hygiene.admin.fields')}
        help={t('hygiene.project.fieldsHelp')}
        drafts={fields}
        inherited={view.inheritedFields}
        canEdit={view.canEdit}
        onChange={setFields}
      />
      <RulesEditor
        rules={view.rules}
        drafts={drafts}
        onChange={setDrafts}
        canEdit={view.canEdit}
        mode="project"
        onSave={save}
        saving={saving}
      />
      <GateSettings projectKey={projectKey} />
    </Stack>
  );
}

/** The project page "Hygiene report": counts, score, filters, CSV, progress of large scans, trend, overrides. */
export default function ProjectReport() {
  const t = useT();
  const { extension, siteUrl } = useProductContext();
  const projectKey = extension.project?.key ?? '';
  const [jql, setJql] = useState('');
  const { report, running, failed, busy, run, exportCsv } = useProjectScan(projectKey, jql);
  const [ruleFilter, setRuleFilter] = useState<string | undefined>(undefined);
  const [severityFilter, setSeverityFilter] = useState<string | undefined>(undefined);
  const trend = useResolver('hygiene.trend', { projectKey });
  const ruleText = useRuleText();
  const ruleTitle = (rule: string) => ruleText(rule).title;

  const rows = useMemo(() => {
    if (report === undefined) return [];
    return report.rows
      .map((row) => ({
        ...row,
        findings: row.findings.filter(
          (f) =>
            (ruleFilter === undefined || f.rule === ruleFilter) &&
            (severityFilter === undefined || f.severity === severityFilter),
        ),
      }))
      .filter((row) => row.findings.length > 0 || (ruleFilter === undefined && severityFilter === undefined));
  }, [report, ruleFilter, severityFilter]);

  const ruleOptions = [
    { label: t('hygiene.report.all'), value: '' },
    ...Object.keys(report?.summary.byRule ?? {}).map((rule) => ({ label: ruleTitle(rule), value: rule })),
  ];
  const severityOptions = [
    { label: t('hygiene.report.all'), value: '' },
    ...(['error', 'warning', 'info'] as const).map((s) => ({
      label: t(`hygiene.severity.one.${s}`),
      value: s,
    })),
  ];

  return (
    <Box padding="space.200" testId="hygiene-project-report">
      <Stack space="space.300">
        <Heading size="large">{t('hygiene.report.heading')}</Heading>
        <Inline space="space.100" alignBlock="end" shouldWrap>
          <Stack space="space.050">
            <Text weight="bold">{t('hygiene.report.scope')}</Text>
            <Box style={{ width: 480 }}>
              <Textfield
                aria-label={t('hygiene.report.scope')}
                testId="hygiene-report-jql"
                value={jql}
                placeholder="resolution = EMPTY"
                onChange={(event) => {
                  setJql(event.currentTarget.value);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') run();
                }}
              />
            </Box>
            <Text size="small" color="color.text.subtle">
              {t('hygiene.report.scopeHelp', { project: projectKey })}
            </Text>
          </Stack>
          <Button
            appearance="primary"
            onClick={run}
            isDisabled={busy || running !== undefined}
            testId="hygiene-report-run"
          >
            {t('hygiene.report.run')}
          </Button>
          <Button onClick={exportCsv} isDisabled={report === undefined} testId="hygiene-report-export">
            {t('hygiene.report.export')}
          </Button>
        </Inline>
        {running !== undefined && (
          <Stack space="space.050" testId="hygiene-report-progress">
            <Text>
              {running.totalKnown
                ? t('hygiene.report.scanning', { done: running.done, total: running.total })
                : t('hygiene.report.listing', { total: running.total })}
            </Text>
            <ProgressBar
              value={running.total === 0 ? 0 : running.done / running.total}
              isIndeterminate={!running.totalKnown}
              ariaLabel={t('hygiene.report.heading')}
            />
          </Stack>
        )}
        {/* Hidden while a new run starts, so "Run again" cannot start two. */}
        {failed !== undefined && !busy && (
          <SectionMessage
            appearance="error"
            title={t('hygiene.report.failed')}
            testId="hygiene-report-failed"
            actions={
              <SectionMessageAction onClick={run} testId="hygiene-report-run-again">
                {t('hygiene.report.runAgain')}
              </SectionMessageAction>
            }
          >
            <Text>{failed.message}</Text>
          </SectionMessage>
        )}
        {report === undefined && running === undefined && busy && <Loading />}
        {report !== undefined && (
          <Stack space="space.200">
            <Inline space="space.200" alignBlock="center">
              <Stack space="space.050">
                <Text size="small" color="color.text.subtle">
                  {t('hygiene.report.score')}
                </Text>
                <Heading size="xlarge" as="span" testId="hygiene-report-score">
                  {String(report.summary.score)}
                </Heading>
              </Stack>
              <Stack space="space.050">
                <Text testId="hygiene-report-scanned">
                  {t('hygiene.report.scanned', {
                    count: report.summary.scanned,
                    flagged: report.summary.issuesWithFindings,
                  })}
                </Text>
                <Inline space="space.100">
                  <Lozenge appearance="removed">{`${t('hygiene.severity.error')}: ${String(report.summary.bySeverity.error)}`}</Lozenge>
                  <Lozenge appearance="moved">{`${t('hygiene.severity.warning')}: ${String(report.summary.bySeverity.warning)}`}</Lozenge>
                  <Lozenge>{`${t('hygiene.severity.info')}: ${String(report.summary.bySeverity.info)}`}</Lozenge>
                </Inline>
              </Stack>
            </Inline>
            {report.summary.notEvaluated > 0 && (
              <SectionMessage appearance="warning">
                <Text>{t('hygiene.report.notEvaluated', { count: report.summary.notEvaluated })}</Text>
              </SectionMessage>
            )}
            <Stack space="space.100">
              <Heading size="small">{t('hygiene.trend.heading')}</Heading>
              <TrendChart snapshots={trend.data ?? []} />
            </Stack>
            <Tabs id="hygiene-report-tabs">
              <TabList>
                <Tab>{t('hygiene.report.issues')}</Tab>
                <Tab>{t('hygiene.report.byRule')}</Tab>
                <Tab>{t('hygiene.report.byAssignee')}</Tab>
                <Tab>{t('hygiene.report.byTeam')}</Tab>
                <Tab>{t('hygiene.overrides.heading')}</Tab>
              </TabList>
              <TabPanel>
                <Stack space="space.150">
                  <Inline space="space.150">
                    <Box style={{ width: 260 }}>
                      <Select
                        inputId="hygiene-filter-rule"
                        label={t('hygiene.report.filterRule')}
                        placeholder={t('hygiene.report.filterRule')}
                        options={ruleOptions}
                        onChange={(option) => {
                          setRuleFilter(option?.value === '' ? undefined : option?.value);
                        }}
                      />
                    </Box>
                    <Box style={{ width: 200 }}>
                      <Select
                        inputId="hygiene-filter-severity"
                        label={t('hygiene.report.filterSeverity')}
                        placeholder={t('hygiene.report.filterSeverity')}
                        options={severityOptions}
                        onChange={(option) => {
                          setSeverityFilter(option?.value === '' ? undefined : option?.value);
                        }}
                      />
                    </Box>
                  </Inline>
                  {report.truncated && (
                    <Text color="color.text.subtle">
                      {t('hygiene.report.truncated', { count: report.rows.length })}
                    </Text>
                  )}
                  <DynamicTable
                    testId="hygiene-report-issues"
                    rowsPerPage={25}
                    emptyView={<Text>{t('hygiene.report.empty')}</Text>}
                    head={{
                      cells: [
                        { key: 'issue', content: t('hygiene.report.issue') },
                        { key: 'summary', content: t('hygiene.report.summary') },
                        { key: 'assignee', content: t('hygiene.report.assignee') },
                        { key: 'score', content: t('hygiene.report.scoreColumn') },
                        { key: 'findings', content: t('hygiene.report.findings') },
                      ],
                    }}
                    rows={rows.map((row) => ({
                      key: row.issue,
                      cells: [
                        {
                          key: 'issue',
                          content: (
                            <a
                              href={siteLink(siteUrl, `/browse/${row.issue}`)}
                              target="_blank"
                              rel="noreferrer"
                            >
                              {row.issue}
                            </a>
                          ),
                        },
                        { key: 'summary', content: row.summary },
                        { key: 'assignee', content: row.assignee ?? '—' },
                        { key: 'score', content: row.score },
                        {
                          key: 'findings',
                          content: <RowFindings row={row} />,
                        },
                      ],
                    }))}
                  />
                </Stack>
              </TabPanel>
              <TabPanel>
                <TallyTable
                  tallies={report.summary.byRule}
                  label={t('hygiene.rules.rule')}
                  testId="hygiene-report-by-rule"
                  nameOf={ruleTitle}
                />
              </TabPanel>
              <TabPanel>
                <TallyTable
                  tallies={report.summary.byAssignee}
                  label={t('hygiene.report.assignee')}
                  testId="hygiene-report-by-assignee"
                />
              </TabPanel>
              <TabPanel>
                <TallyTable
                  tallies={report.summary.byTeam}
                  label={t('hygiene.report.byTeam')}
                  testId="hygiene-report-by-team"
                />
              </TabPanel>
              <TabPanel>
                <Overrides projectKey={projectKey} />
              </TabPanel>
            </Tabs>
          </Stack>
        )}
      </Stack>
    </Box>
  );
}
