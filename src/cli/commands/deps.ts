import { Command, InvalidArgumentError, Option } from 'commander';
import {
  DEFAULT_BLOCKING_WORDS,
  parseQuarter,
  parseTeamBy,
  QUARTER_BY,
  toJson,
  toMermaid,
  type Dependency,
  type Quarter,
  type QuarterBy,
} from '../../dependencies';
import { toCsv } from '../../contract/dependency-csv';
import { AppError } from '../../contract/result';
import { queueConsumer } from '../../services/consumer';
import { startWorkJob, workProgress, type WorkRequest } from '../../services/dependencies/work';
import { discardJob, jobProgress } from '../../services/jobs/jobs';
import type { CliIo } from '../io';
import { addSiteOptions, connect, siteOptions } from '../options';
import { printReport } from '../output';
import { agreeCommand } from './deps-agree';
import { createProgress } from '../progress';

/** The team dimension as typed, once it reads (the job takes it as the page sends it). */
function parseTeamByOption(value: string): string {
  if (!parseTeamBy(value))
    throw new InvalidArgumentError('expected project, component, team, label:<prefix> or field:<id>');
  return value;
}

/** A dependency's agreement in a table cell: its status and the day that holds, or why it was declined. */
function agreementText({ agreement }: Dependency): string {
  if (!agreement) return '';
  const said = agreement.declined ?? agreement.committedBy ?? agreement.neededBy ?? '';
  return `${agreement.status} ${said}`.trim();
}

/** How often the progress bar reads the job's record while the queue runs. */
const PROGRESS_MS = 250;

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
        .default('project')
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
  // Options before `agree` are the report's own; after it, the subcommand's.
  command.enablePositionalOptions().addCommand(agreeCommand(io));
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
      teamBy: string;
      blockerPhrase?: string[];
      blockedPhrase?: string[];
    }>();
    // Link type names differ between sites; the wording decides, so a site's own wording can be added here.
    const blockingWords = {
      symmetricWords: [...DEFAULT_BLOCKING_WORDS.symmetricWords],
      blockerPhrases: [...DEFAULT_BLOCKING_WORDS.blockerPhrases, ...blockerPhrase],
      blockedPhrases: [...DEFAULT_BLOCKING_WORDS.blockedPhrases, ...blockedPhrase],
    };
    if (jql === undefined && quarter === undefined) {
      command.error('error: give the issues to analyse with --jql, --quarter, or both', { exitCode: 2 });
    }
    const scope: WorkRequest['scope'] = quarter
      ? { kind: 'quarter', ...quarter, by: quarterBy, jql }
      : { kind: 'jql', jql: jql ?? '' };
    const { platform, principal } = await connect(options, io);
    // The report runs as the app's job, through the local queue and the same consumer as in Forge, so the CLI
    // and the pages show the same figures; the queue is drained here, the job's record read for the bar.
    platform.queue.setConsumer((delivery) => queueConsumer(platform, delivery));
    const progress = createProgress(io.stderr, 'Reading issues');
    let work;
    try {
      const started = await startWorkJob(
        platform,
        principal,
        {
          action: 'report',
          scope,
          teamBy,
          blockingWords,
          full: true,
        },
        { remember: false },
      );
      if (started.status === 'done') throw new AppError('INTERNAL', 'The report did not run as a job.');
      const timer = setInterval(() => {
        jobProgress(platform, started.jobId, principal).then(
          (record) => {
            progress.update(record);
          },
          () => undefined,
        );
      }, PROGRESS_MS);
      try {
        await platform.queue.drain();
      } finally {
        clearInterval(timer);
      }
      work = await workProgress(platform, principal, started.jobId);
      await discardJob(platform, started.jobId);
    } finally {
      progress.stop();
    }
    if (work.status === 'failed') throw new AppError(work.code, work.message);
    if (work.status !== 'done' || work.outcome.action !== 'report')
      throw new AppError('INTERNAL', 'The report job ended without a report.');
    const report = work.outcome.report;
    const resolved = { plan: report.plan };
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
      { header: 'Agreement', value: agreementText },
    ]);
    const { counts } = report;
    io.stdout.write(
      `\n${report.scanned} issues read, ${report.dependencies.length} dependencies: ${counts.conflict} in conflict, ` +
        `${counts['at-risk']} at risk, ${counts.watch} to watch, ${counts.ok} ok, ${counts.resolved} resolved, ` +
        `${counts.hidden} hidden; ${counts.crossTeam} cross-team, ${counts.outsideScope} on blockers outside the scope.\n` +
        'Risk: conflict = the blocker is planned after the work it blocks; at-risk = stale, itself blocked, or ' +
        'no date while the blocked work is near; watch = nobody on it or not started.\n',
    );
    if (report.unreadableAgreements && report.unreadableAgreements.length > 0) {
      io.stdout.write(
        `Agreements that cannot be read (left out): ${report.unreadableAgreements.join(', ')}.\n`,
      );
    }
    const outside = new Set(report.outsideLoopKeys);
    for (const cycle of report.cycles) {
      const keys = cycle.map((key) => (outside.has(key) ? `${key} (outside the scope)` : key));
      io.stdout.write(`Loop: ${keys.join(' → ')}\n`);
    }
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
