import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Toggle from '@atlaskit/toggle';
import { token } from '@atlaskit/tokens';
import { useMemo, useState } from 'react';
import {
  UNASSIGNED_TEAM,
  type Dependency,
  type DependencyReport,
  type Risk,
  type RiskReason,
  type TeamCell,
} from '@contract/dependency-report';
import { toCsv } from '@contract/dependency-csv';
import { downloadCsvText } from '../shell/download';
import { AgreementCell } from './Agreement';
import { teamCellFinder } from './team-cells';
import { useT } from '../shell/i18n';

const RISK_APPEARANCE = {
  conflict: 'removed',
  'at-risk': 'moved',
  watch: 'inprogress',
  ok: 'success',
  resolved: 'default',
  hidden: 'new',
} as const satisfies Record<Risk, string>;

/** A risk as a lozenge: conflict in red, at risk in orange, watch in blue, ok in green, hidden purple, resolved grey. */
export function RiskLozenge({ risk }: { risk: Risk }) {
  const t = useT();
  return <Lozenge appearance={RISK_APPEARANCE[risk]}>{t(`dependencies.risk.${risk}`)}</Lozenge>;
}

/** What the colours of risk mean, shown wherever risks are: red conflict, orange at risk, blue watch. */
export function RiskLegend({ matrix = false }: { matrix?: boolean }) {
  const t = useT();
  return (
    <Stack space="space.050" testId="dependencies-legend">
      {(['conflict', 'at-risk', 'watch'] as const).map((risk) => (
        <Inline key={risk} space="space.100" alignBlock="center">
          <RiskLozenge risk={risk} />
          <Text size="small">{t(`dependencies.legend.${risk}`)}</Text>
        </Inline>
      ))}
      {matrix ? <Text size="small">{t('dependencies.legend.matrix')}</Text> : null}
    </Stack>
  );
}

export function useReasonText(): (reasons: readonly RiskReason[]) => string {
  const t = useT();
  return (reasons) => reasons.map((reason) => t(`dependencies.reason.${reason}`)).join(', ');
}

/**
 * A team's name as people read it: the bucket of issues with no value for the team dimension is named in the
 * user's language ("Unassigned team", « Sans équipe »), never mistaken for a team.
 */
export function useTeamName(): (team: string | null) => string {
  const t = useT();
  return (team) => (team === UNASSIGNED_TEAM ? t('dependencies.team.unassigned') : (team ?? ''));
}

/** Saves the dependencies as a CSV file in the user's browser. */
export function downloadCsv(filename: string, dependencies: readonly Dependency[]): void {
  downloadCsvText(filename, toCsv(dependencies));
}

/** One issue in a cell: key, summary, and "outside the scope" when it is (the quarter, the JQL or the project). A hidden one is never named. */
function IssueCell({ issue }: { issue: Dependency['blocker'] }) {
  const t = useT();
  if (issue === null) return <Text color="color.text.subtlest">{t('dependencies.hidden')}</Text>;
  return (
    <Stack>
      <Text weight="semibold">{issue.key}</Text>
      <Text size="small" color="color.text.subtle">
        {issue.summary}
      </Text>
      {issue.outsideScope ? (
        <Lozenge appearance="inprogress">{t('dependencies.outsideScope')}</Lozenge>
      ) : null}
    </Stack>
  );
}

/** The dependency list with its filters: team, risk, cross-team only. */
export function DependencyTable({
  dependencies,
  teams,
  testId,
}: {
  dependencies: readonly Dependency[];
  teams: readonly string[];
  testId: string;
}) {
  const t = useT();
  const reasonText = useReasonText();
  const teamName = useTeamName();
  const [team, setTeam] = useState<string | null>(null);
  const [risk, setRisk] = useState<Risk | null>(null);
  const [crossOnly, setCrossOnly] = useState(false);
  const shown = useMemo(
    () =>
      dependencies.filter(
        (d) =>
          (team === null || d.blockerTeam === team || d.blockedTeam === team) &&
          (risk === null || d.risk === risk) &&
          (!crossOnly || d.crossTeam),
      ),
    [dependencies, team, risk, crossOnly],
  );
  const all = { label: t('dependencies.filter.all'), value: null };
  const teamOptions = [all, ...teams.map((name) => ({ label: teamName(name), value: name }))];
  const riskOptions = [
    all,
    ...(['conflict', 'at-risk', 'watch', 'ok', 'hidden', 'resolved'] as const).map((value) => ({
      label: t(`dependencies.risk.${value}`),
      value,
    })),
  ];
  return (
    <Stack space="space.150">
      <Inline space="space.200" alignBlock="end" shouldWrap>
        <Box style={{ minWidth: 180 }}>
          <label htmlFor={`${testId}-team`}>{t('dependencies.filter.team')}</label>
          <Select
            inputId={`${testId}-team`}
            options={teamOptions}
            value={teamOptions.find((option) => option.value === team) ?? all}
            onChange={(option) => {
              setTeam(option?.value ?? null);
            }}
          />
        </Box>
        <Box style={{ minWidth: 160 }}>
          <label htmlFor={`${testId}-risk`}>{t('dependencies.filter.risk')}</label>
          <Select
            inputId={`${testId}-risk`}
            options={riskOptions}
            value={riskOptions.find((option) => option.value === risk) ?? all}
            onChange={(option) => {
              setRisk(option?.value ?? null);
            }}
          />
        </Box>
        <Inline alignBlock="center">
          <Toggle
            id={`${testId}-cross`}
            isChecked={crossOnly}
            onChange={() => {
              setCrossOnly(!crossOnly);
            }}
          />
          <label htmlFor={`${testId}-cross`}>{t('dependencies.filter.crossTeam')}</label>
        </Inline>
      </Inline>
      <DynamicTable
        testId={testId}
        rowsPerPage={25}
        head={{
          cells: [
            { key: 'blocker', content: t('dependencies.column.blocker') },
            { key: 'blockerTeam', content: t('dependencies.column.blockerTeam') },
            { key: 'status', content: t('dependencies.column.status') },
            { key: 'assignee', content: t('dependencies.column.assignee') },
            { key: 'blocked', content: t('dependencies.column.blocked') },
            { key: 'blockedTeam', content: t('dependencies.column.blockedTeam') },
            { key: 'risk', content: t('dependencies.column.risk') },
            { key: 'why', content: t('dependencies.column.why') },
            { key: 'agreement', content: t('dependencies.column.agreement') },
          ],
        }}
        rows={shown.map((d) => ({
          key: d.id,
          cells: [
            { key: 'blocker', content: <IssueCell issue={d.blocker} /> },
            { key: 'blockerTeam', content: teamName(d.blockerTeam) },
            { key: 'status', content: d.blocker?.status ?? '' },
            {
              key: 'assignee',
              content: d.blocker ? (d.blocker.assignee ?? t('dependencies.unassigned')) : '',
            },
            { key: 'blocked', content: <IssueCell issue={d.blocked} /> },
            { key: 'blockedTeam', content: teamName(d.blockedTeam) },
            { key: 'risk', content: <RiskLozenge risk={d.risk} /> },
            { key: 'why', content: reasonText(d.reasons) },
            {
              key: 'agreement',
              content: d.crossTeam || d.agreement ? <AgreementCell dependency={d} /> : null,
            },
          ],
        }))}
      />
    </Stack>
  );
}

/** Background of a matrix cell: red with a conflict (stronger with more), orange with one at risk (tokens only). */
function heat(count: number, atRisk: number, conflict: number): string {
  if (count === 0) return token('color.background.neutral.subtle');
  if (conflict > 3) return token('color.background.danger.bold');
  if (conflict > 0) return token('color.background.danger');
  if (atRisk > 0) return token('color.background.warning');
  return token('color.background.success');
}

/** The team × team matrix as a heat map: rows block columns; each cell shows the count and, in brackets, at risk. */
export function TeamMatrix({ report }: { report: DependencyReport }) {
  const t = useT();
  const teamName = useTeamName();
  const teams = report.teams;
  if (report.matrix.length === 0) return <Text>{t('dependencies.matrix.empty')}</Text>;
  const cellOf = teamCellFinder(report.matrix);
  const cellStyle = {
    padding: token('space.100'),
    border: `1px solid ${token('color.border')}`,
    textAlign: 'center' as const,
  };
  return (
    <Box style={{ overflowX: 'auto' }}>
      <table data-testid="dependencies-matrix" style={{ borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th style={cellStyle}>{t('dependencies.matrix.corner')}</th>
            {teams.map((team) => (
              <th key={team} style={cellStyle}>
                {teamName(team)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {teams.map((blocker) => (
            <tr key={blocker}>
              <th style={cellStyle}>{teamName(blocker)}</th>
              {teams.map((blocked) => {
                const cell: TeamCell = cellOf(blocker, blocked) ?? {
                  blockerTeam: blocker,
                  blockedTeam: blocked,
                  count: 0,
                  atRisk: 0,
                };
                // Reports kept from before conflicts were told apart count none.
                const conflict = cell.conflict ?? 0;
                const strong = conflict > 3;
                return (
                  <td
                    key={blocked}
                    title={t('dependencies.matrix.cell', {
                      count: String(cell.count),
                      atRisk: String(cell.atRisk),
                      conflict: String(conflict),
                    })}
                    style={{
                      ...cellStyle,
                      background: heat(cell.count, cell.atRisk, conflict),
                      color: strong ? token('color.text.inverse') : token('color.text'),
                    }}
                  >
                    {cell.count === 0 ? '' : `${cell.count}${cell.atRisk > 0 ? ` (${cell.atRisk})` : ''}`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}

/** Loops, longest chains, ready next and blast radius, as short lists. */
export function Insights({ report }: { report: DependencyReport }) {
  const t = useT();
  const teamName = useTeamName();
  const outside = new Set(report.outsideLoopKeys);
  return (
    <Stack space="space.200">
      <Stack space="space.050" testId="dependencies-cycles">
        <Text weight="bold">{t('dependencies.cycles.heading')}</Text>
        {report.cycles.length === 0 ? (
          <Text>{t('dependencies.cycles.none')}</Text>
        ) : (
          report.cycles.slice(0, 10).map((cycle) => (
            <Text key={cycle.join()} color="color.text.danger">
              {t('dependencies.cycles.item', {
                keys:
                  cycle
                    .slice(0, 12)
                    .map((key) => (outside.has(key) ? `${key} (${t('dependencies.outsideScope')})` : key))
                    .join(', ') + (cycle.length > 12 ? ` (+${cycle.length - 12})` : ''),
              })}
            </Text>
          ))
        )}
      </Stack>
      {report.chains.length > 0 ? (
        <Stack space="space.050">
          <Text weight="bold">{t('dependencies.chains.heading')}</Text>
          {report.chains.slice(0, 3).map((chain) => (
            <Text key={chain.join()}>{chain.join(' → ')}</Text>
          ))}
        </Stack>
      ) : null}
      {report.blastRadius.length > 0 ? (
        <Stack space="space.050">
          <Text weight="bold">{t('dependencies.blast.heading')}</Text>
          {report.blastRadius.slice(0, 5).map((b) => (
            <Text key={b.key}>
              {t('dependencies.blast.item', {
                key: b.key,
                team: teamName(b.team),
                issues: String(b.issues),
                points: String(b.storyPoints),
              })}
            </Text>
          ))}
        </Stack>
      ) : null}
      {report.readyNext.length > 0 ? (
        <Stack space="space.050">
          <Text weight="bold">{t('dependencies.ready.heading')}</Text>
          <Text>{report.readyNext.slice(0, 30).join(', ')}</Text>
        </Stack>
      ) : null}
    </Stack>
  );
}
