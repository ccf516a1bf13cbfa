import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { useRef } from 'react';
import type { DependencyReportView } from '@contract/dependencies';
import type { Dependency } from '@contract/dependency-report';
import { useProductContext } from '../shell/context';
import { useT } from '../shell/i18n';
import { callResolver } from '../shell/invoke';
import { Loading } from '../shell/placeholders';
import { ReportFailure, ScopePicker, ScopePlan, WorkProgress, type ScopeChoice } from './controls';
import { DependencyTable, downloadCsv, Insights, RiskLegend } from './parts';
import { useDependencyWork } from './use-dependency-work';

/** One side of the team's dependencies: a heading with the count, then the table, or "nothing" when empty. */
function DependencySection({
  testId,
  title,
  dependencies,
  teams,
  tableTestId,
}: {
  testId: string;
  title: string;
  dependencies: readonly Dependency[];
  teams: readonly string[];
  tableTestId: string;
}) {
  const t = useT();
  return (
    <Stack space="space.100" testId={testId}>
      <Heading size="medium">{title}</Heading>
      {dependencies.length === 0 ? (
        <Text>{t('dependencies.project.nothing')}</Text>
      ) : (
        <DependencyTable dependencies={dependencies} teams={teams} testId={tableTestId} />
      )}
    </Stack>
  );
}

/** The project page "Dependencies": one team's view, what we wait on and who waits on us. */
export default function ProjectPage() {
  const t = useT();
  const { extension } = useProductContext();
  const projectKey = extension.project?.key ?? '';
  // Every issue of the project until a quarter or a JQL is picked.
  const allIssues: ScopeChoice['scope'] = { kind: 'jql', jql: `project = "${projectKey}"` };
  const first = useRef(allIssues);
  // The user's latest report job of this project is shown again on opening; without one, every issue is read.
  const work = useDependencyWork('report', projectKey, {
    initial: () =>
      callResolver('dependencies.report', { scope: first.current, teamBy: 'project', projectKey }),
  });
  // A failure shows in place of the report (with Jira's words on a refused JQL), until the next run.
  const report: DependencyReportView | undefined = work.failure ? undefined : work.outcome?.report;
  const busy = work.busy || work.running !== undefined;
  const run = (picked: ScopeChoice['scope'] | null) => {
    const scope = picked ?? allIssues;
    work.run(() => callResolver('dependencies.report', { scope, teamBy: 'project', projectKey }));
  };

  const ours = (key: string | undefined) => key?.startsWith(`${projectKey}-`) === true;
  const waitOn = report?.dependencies.filter((d) => ours(d.blocked?.key) && !ours(d.blocker?.key)) ?? [];
  const waitingOnUs = report?.dependencies.filter((d) => ours(d.blocker?.key) && !ours(d.blocked?.key)) ?? [];
  return (
    <Box padding="space.200" testId="dependencies-project-page">
      <Stack space="space.200">
        <Heading size="large">{t('dependencies.project.heading', { project: projectKey })}</Heading>
        <Inline space="space.100" alignBlock="end" shouldWrap>
          <ScopePicker
            anyTime
            showTeamBy={false}
            busy={busy}
            onRun={(choice) => {
              run(choice.scope);
            }}
          />
          {report ? (
            <Button
              onClick={() => {
                downloadCsv(`dependencies-${projectKey}.csv`, report.dependencies);
              }}
            >
              {t('dependencies.export.csv')}
            </Button>
          ) : null}
        </Inline>
        <WorkProgress running={work.running} testId="dependencies-progress" />
        {work.failure ? <ReportFailure failure={work.failure} /> : null}
        {report === undefined ? (
          busy ? (
            <Loading />
          ) : null
        ) : (
          <Stack space="space.300">
            <ScopePlan label={report.scopeLabel} plan={report.plan} />
            <RiskLegend />
            <DependencySection
              testId="dependencies-wait-on"
              title={t('dependencies.project.waitOn', { count: String(waitOn.length) })}
              dependencies={waitOn}
              teams={report.teams}
              tableTestId="dependencies-wait-on-table"
            />
            <DependencySection
              testId="dependencies-waiting-on-us"
              title={t('dependencies.project.waitingOnUs', { count: String(waitingOnUs.length) })}
              dependencies={waitingOnUs}
              teams={report.teams}
              tableTestId="dependencies-waiting-table"
            />
            <Insights report={report} />
          </Stack>
        )}
      </Stack>
    </Box>
  );
}
