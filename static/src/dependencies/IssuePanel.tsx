import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { Dependency } from '@contract/dependency-report';
import { useProductContext } from '../shell/context';
import { useT } from '../shell/i18n';
import { useResolver } from '../shell/invoke';
import { Loading } from '../shell/placeholders';
import { AgreementCell } from './Agreement';
import { RiskLegend, RiskLozenge, useReasonText, useTeamName } from './parts';

/**
 * One issue linked to the panel's issue, with the dependency's risk. `reasonsOfThisIssue` marks the rows of
 * what this issue blocks: the reasons are about this issue (the blocker), not the row's issue.
 */
function Row({
  issue,
  team,
  dependency,
  reasonsOfThisIssue = false,
}: {
  issue: Dependency['blocker'];
  team: string | null;
  dependency: Dependency;
  reasonsOfThisIssue?: boolean;
}) {
  const t = useT();
  const reasonText = useReasonText();
  const teamName = useTeamName();
  if (issue === null) {
    return (
      <Inline space="space.100" alignBlock="center">
        <Text color="color.text.subtlest">{t('dependencies.hidden')}</Text>
        <RiskLozenge risk={dependency.risk} />
      </Inline>
    );
  }
  return (
    <Stack space="space.025">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text weight="semibold">{issue.key}</Text>
        <Text>{issue.summary}</Text>
      </Inline>
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text size="small" color="color.text.subtle">
          {[teamName(team), issue.status, issue.assignee ?? t('dependencies.unassigned')].join(' · ')}
        </Text>
        <RiskLozenge risk={dependency.risk} />
        {dependency.reasons.length > 0 ? (
          <Text size="small" color="color.text.danger">
            {reasonsOfThisIssue
              ? t('dependencies.panel.thisIssue', { reasons: reasonText(dependency.reasons) })
              : reasonText(dependency.reasons)}
          </Text>
        ) : null}
      </Inline>
      {dependency.crossTeam || dependency.agreement ? <AgreementCell dependency={dependency} /> : null}
    </Stack>
  );
}

/** The issue panel: "blocked by N issues of M other teams", each blocker with its risk, and what this issue blocks. */
export default function IssuePanel() {
  const t = useT();
  const { extension } = useProductContext();
  const issueKey = extension.issue?.key ?? '';
  const { data, loading } = useResolver('dependencies.issue', { issueKey });
  if (data === undefined) return loading ? <Loading /> : null;
  return (
    <Box padding="space.100" testId="dependencies-issue-panel">
      <Stack space="space.200">
        <Stack space="space.100" testId="dependencies-blocked-by">
          <Heading size="small">
            {data.openBlockers === 0
              ? t('dependencies.panel.notBlocked')
              : t(
                  data.otherTeams === 0
                    ? 'dependencies.panel.blockedByOwnTeam'
                    : 'dependencies.panel.blockedBy',
                  {
                    issues: t(
                      data.openBlockers === 1
                        ? 'dependencies.panel.issueOne'
                        : 'dependencies.panel.issueMany',
                      {
                        count: String(data.openBlockers),
                      },
                    ),
                    teams: t(
                      data.otherTeams === 1 ? 'dependencies.panel.teamOne' : 'dependencies.panel.teamMany',
                      {
                        count: String(data.otherTeams),
                      },
                    ),
                  },
                )}
          </Heading>
          {data.blockedBy.map((d) => (
            <Row key={d.id} issue={d.blocker} team={d.blockerTeam} dependency={d} />
          ))}
        </Stack>
        <Stack space="space.100" testId="dependencies-blocks">
          <Heading size="small">
            {data.blocks.length === 0
              ? t('dependencies.panel.blocksNothing')
              : t('dependencies.panel.blocks', { count: String(data.blocks.length) })}
          </Heading>
          {data.blocks.map((d) => (
            <Row key={d.id} issue={d.blocked} team={d.blockedTeam} dependency={d} reasonsOfThisIssue />
          ))}
        </Stack>
        {data.blockedBy.length + data.blocks.length > 0 ? <RiskLegend /> : null}
      </Stack>
    </Box>
  );
}
