import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { DependencyReportView } from '../../../src/contract/dependencies';
import { useProductContext } from '../shell/context';
import { useT } from '../shell/i18n';
import { useResolver } from '../shell/invoke';
import { Loading } from '../shell/placeholders';
import { DependencyTable, downloadCsv, Insights } from './parts';

/** The project page "Dependencies": one team's view, what we wait on and who waits on us. */
export default function ProjectPage() {
  const t = useT();
  const { extension } = useProductContext();
  const projectKey = extension.project?.key ?? '';
  const [jql, setJql] = useState('');
  const [query, setQuery] = useState('');
  const scopeJql = query === '' ? `project = "${projectKey}"` : query;
  const loaded = useResolver('dependencies.report', {
    scope: { kind: 'jql', jql: scopeJql },
    teamBy: 'project',
    projectKey,
  });
  const report: DependencyReportView | undefined = loaded.data;
  const busy = loaded.loading;
  const run = () => {
    if (jql.trim() === query) loaded.reload();
    else setQuery(jql.trim());
  };

  const ours = (key: string | undefined) => key?.startsWith(`${projectKey}-`) === true;
  const waitOn = report?.dependencies.filter((d) => ours(d.blocked.key) && !ours(d.blocker?.key)) ?? [];
  const waitingOnUs = report?.dependencies.filter((d) => ours(d.blocker?.key) && !ours(d.blocked.key)) ?? [];
  return (
    <Box padding="space.200" testId="dependencies-project-page">
      <Stack space="space.200">
        <Heading size="large">{t('dependencies.project.heading', { project: projectKey })}</Heading>
        <Inline space="space.100" alignBlock="end">
          <Box style={{ width: 420 }}>
            <Textfield
              aria-label={t('dependencies.project.allIssues')}
              placeholder={t('dependencies.project.allIssues')}
              value={jql}
              onChange={(e) => {
                setJql(e.currentTarget.value);
              }}
            />
          </Box>
          <Button appearance="primary" onClick={run} isLoading={busy}>
            {t('dependencies.run')}
          </Button>
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
        {report === undefined ? (
          busy ? (
            <Loading />
          ) : null
        ) : (
          <Stack space="space.300">
            <Stack space="space.100" testId="dependencies-wait-on">
              <Heading size="medium">
                {t('dependencies.project.waitOn', { count: String(waitOn.length) })}
              </Heading>
              {waitOn.length === 0 ? (
                <Text>{t('dependencies.project.nothing')}</Text>
              ) : (
                <DependencyTable
                  dependencies={waitOn}
                  teams={report.teams}
                  testId="dependencies-wait-on-table"
                />
              )}
            </Stack>
            <Stack space="space.100" testId="dependencies-waiting-on-us">
              <Heading size="medium">
                {t('dependencies.project.waitingOnUs', { count: String(waitingOnUs.length) })}
              </Heading>
              {waitingOnUs.length === 0 ? (
                <Text>{t('dependencies.project.nothing')}</Text>
              ) : (
                <DependencyTable
                  dependencies={waitingOnUs}
                  teams={report.teams}
                  testId="dependencies-waiting-table"
                />
              )}
            </Stack>
            <Insights report={report} />
          </Stack>
        )}
      </Stack>
    </Box>
  );
}
