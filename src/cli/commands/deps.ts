import { Command, InvalidArgumentError, Option } from 'commander';
import {
  DEFAULT_BLOCKING_WORDS,
  parseQuarter,
  parseTeamBy,
  QUARTER_BY,
  toCsv,
  toJson,
  toMermaid,
  type Dependency,
  type Quarter,
  type QuarterBy,
  type TeamByOption,
} from '../../dependencies';
import { buildDependencyReport } from '../../services/dependencies/report';
import { resolveScope, type ReportScope } from '../../services/dependencies/scope';
import type { CliIo } from '../io';
import { addSiteOptions, connect, siteOptions } from '../options';
import { printReport } from '../output';
import { createProgress } from '../progress';

function parseTeamByOption(value: string): TeamByOption {
  const parsed = parseTeamBy(value);
  if (!parsed)
    throw new InvalidArgumentError('expected project, component, team, label:<prefix> or field:<id>');
  return parsed;
}

function parseQuarterOption(value: string): Quarter {
  const quarter = parseQuarter(value);
  if (!quarter) throw new InvalidArgumentError('expected a calendar quarter such as 2026-Q4');
  return quarter;
}

/**
 * `vertebra deps --jql JQL` or `--quarter 2026-Q4 [--quarter-by sprint] [--jql FILTER]`: the cross-team dependencies of a scope, as a table, JSON (scripts), CSV
 * (spreadsheets) or Mermaid (a diagram for a page). Reads as `--as` (or the API token's account), so hidden
 * blockers stay hidden exactly as in Jira.
 */
export function registerDepsCommand(program: Command, io: CliIo): void {
  const command = new Command('deps')
    .description(
      'cross-team blocking dependencies of a quarter or of the issues of a JQL: risks, loops, team matrix',
    )
    .option(
      '--jql <jql>',
      'the issues to analyse (e.g. project in (PAY, CHK)); with --quarter, an extra filter on the quarter’s issues',
    )
    .option(
      '--quarter <YYYY-Qn>',
      'a calendar quarter, e.g. 2026-Q4: its issues by due date, fix version or sprint (see --quarter-by)',
      parseQuarterOption,
    )
    .addOption(
      new Option(
        '--quarter-by <what>',
        'what places an issue in the quarter: its due date, a fix version released in the quarter, ' +
          'or a sprint ending in it (a sprint spanning two quarters counts where it ends)',
      )
        .choices([...QUARTER_BY])
        .default('duedate'),
    )
    .addOption(
      new Option('--team-by <dimension>', 'project, component, team, label:<prefix> or field:<id>')
        .default({ kind: 'project' }, 'project')
        .argParser(parseTeamByOption),
    )
    .option(
      '--blocker-phrase <wording...>',
      'extra link wording that marks the blocking side, e.g. "is triggering" (added to the built-in list)',
    )
    .option(
      '--blocked-phrase <wording...>',
      'extra link wording that marks the blocked side, e.g. "is triggered by" (added to the built-in list)',
    );
  addSiteOptions(command, ['table', 'json', 'csv', 'mermaid']).action(async () => {
    const options = siteOptions(command);
    const {
      jql,
      quarter,
      quarterBy,
      teamBy,
      blockerPhrase = [],
      blockedPhrase = [],
    } = command.opts<{
      jql?: string;
      quarter?: Quarter;
      quarterBy: QuarterBy;
      teamBy: TeamByOption;
      blockerPhrase?: string[];
      blockedPhrase?: string[];
    }>();
    // Link type names differ between sites; the wording decides, so a site's own wording can be added here.
    const blockingWords = {
      ...DEFAULT_BLOCKING_WORDS,
      blockerPhrases: [...DEFAULT_BLOCKING_WORDS.blockerPhrases, ...blockerPhrase],
      blockedPhrases: [...DEFAULT_BLOCKING_WORDS.blockedPhrases, ...blockedPhrase],
    };
    if (jql === undefined && quarter === undefined) {
      command.error('error: give the issues to analyse with --jql, --quarter, or both', { exitCode: 2 });
    }
    const scope: ReportScope = quarter
      ? { kind: 'quarter', ...quarter, by: quarterBy, jql }
      : { kind: 'jql', jql: jql ?? '' };
    const { jira, platform } = await connect(options, io);
    const resolved = await resolveScope(jira, scope);
    const progress = createProgress(io.stderr, 'Reading issues');
    let built;
    try {
      built = await buildDependencyReport(jira, {
        jql: resolved.jql,
        teamBy,
        blockingWords,
        now: platform.clock.now(),
        onProgress: (_phase, done, total) => {
          progress.update({ done, total });
        },
      });
    } finally {
      progress.stop();
    }
    const { report } = built;
    if (options.format === 'json') {
      io.stdout.write(`${JSON.stringify(toJson(report), null, 2)}\n`);
      return;
    }
    if (options.format === 'mermaid') {
      io.stdout.write(toMermaid(report));
      return;
    }
    if (options.format === 'csv') {
      io.stdout.write(toCsv(report.dependencies));
      return;
    }
    printReport<Dependency>(io, 'table', report.dependencies, [
      { header: 'Blocker', value: (d) => d.blocker?.key ?? '(hidden)' },
      { header: 'Blocker team', value: (d) => d.blockerTeam ?? '' },
      { header: 'Status', value: (d) => d.blocker?.status ?? '' },
      { header: 'Blocked', value: (d) => d.blocked?.key ?? '(hidden)' },
      { header: 'Blocked team', value: (d) => d.blockedTeam ?? '' },
      { header: 'Cross-team', value: (d) => (d.crossTeam ? 'yes' : '') },
      { header: 'Risk', value: (d) => d.risk },
      { header: 'Why', value: (d) => d.reasons.join(', ') },
    ]);
    const { counts } = report;
    io.stdout.write(
      `\n${report.scanned} issues read, ${report.dependencies.length} dependencies: ${counts['at-risk']} at risk, ` +
        `${counts.ok} ok, ${counts.resolved} resolved, ${counts.hidden} hidden; ${counts.crossTeam} cross-team, ` +
        `${counts.outsideScope} on blockers outside the scope.\n`,
    );
    for (const cycle of report.cycles) io.stdout.write(`Loop: ${cycle.join(' → ')}\n`);
    if (resolved.plan) {
      const { picked, undated } = resolved.plan;
      const what = resolved.plan.by === 'sprint' ? 'sprints' : 'fix versions';
      io.stdout.write(
        `Scope: ${picked.length} ${what} in the quarter${picked.length > 0 ? ` (${picked.join(', ')})` : ''}` +
          `${undated > 0 ? `; ${undated} without a date left out` : ''}.\n`,
      );
    }
  });
  program.addCommand(command);
}
