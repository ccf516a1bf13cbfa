import { Command, InvalidArgumentError, Option } from 'commander';
import { JiraClient } from '../../atlassian/jira';
import {
  DEFAULT_BAD_RESOLUTIONS,
  evidenceSaysLess,
  type EvidenceReport,
  type RuleEvidenceFigures,
} from '../../hygiene/evidence';
import { evidenceOfJql } from '../../services/hygiene/evidence';
import { REPORT_CONCURRENCY } from '../../services/hygiene/scan';
import { loadSettings } from '../../services/hygiene/scan-settings';
import type { CliIo } from '../io';
import { addSiteOptions, connect, siteOptions } from '../options';
import { formatTable } from '../output';
import { createProgress } from '../progress';
import { parseProjectKey, readConfig } from './hygiene-options';

/** `--bad-resolution` may be given several times; each adds one name. */
function collectName(value: string, previous: readonly string[] | undefined): string[] {
  const name = value.trim();
  if (name === '' || name.length > 255) {
    throw new InvalidArgumentError(`expected a resolution name such as "Cannot Reproduce", got "${value}"`);
  }
  return [...(previous ?? []), name];
}

/** What `--format json` prints: the interface others rely on. */
function evidenceJson(report: EvidenceReport) {
  return {
    resolved: report.resolved,
    badResolutions: report.badResolutions,
    rules: report.rules.map((r) => ({
      rule: r.rule,
      population: r.population,
      flagged: r.flagged,
      flaggedBad: r.flaggedBad,
      unflaggedBad: r.unflaggedBad,
      lift: r.lift,
      liftLow: r.liftLow,
      liftHigh: r.liftHigh,
      medianDaysFlagged: r.medianDaysFlagged,
      medianDaysUnflagged: r.medianDaysUnflagged,
    })),
    notMeasurable: report.notMeasurable,
  };
}

const share = (bad: number, of: number): string =>
  of === 0 ? '–' : `${String(bad)}/${String(of)} (${String(Math.round((bad * 100) / of))} %)`;

const figure = (value: number | null): string => (value === null ? '–' : String(value));

function interval(r: RuleEvidenceFigures): string {
  if (r.lift === null) return '–';
  if (r.liftLow === null || r.liftHigh === null) return String(r.lift);
  return `${String(r.lift)} (${String(r.liftLow)}–${String(r.liftHigh)})`;
}

function evidenceTable(report: EvidenceReport): string {
  const table = formatTable(report.rules, [
    { header: 'Rule', value: (r) => r.rule },
    { header: 'Applies to', value: (r) => r.population, align: 'right' },
    { header: 'Flagged', value: (r) => r.flagged, align: 'right' },
    { header: 'Bad if flagged', value: (r) => share(r.flaggedBad, r.flagged), align: 'right' },
    {
      header: 'Bad if not',
      value: (r) => share(r.unflaggedBad, r.population - r.flagged),
      align: 'right',
    },
    { header: 'Lift (95 % interval)', value: interval, align: 'right' },
    { header: 'Median days flagged', value: (r) => figure(r.medianDaysFlagged), align: 'right' },
    { header: 'not flagged', value: (r) => figure(r.medianDaysUnflagged), align: 'right' },
  ]);
  const lines = [
    table,
    `${String(report.resolved)} resolved issues; bad resolutions: ${report.badResolutions.join(', ') || '(none)'}`,
  ];
  const less = report.rules.filter(evidenceSaysLess).map((r) => r.rule);
  if (less.length > 0)
    lines.push(
      `Issues these rules flag ended badly less often than the others here: ${less.join(', ')}. ` +
        'Consider whether they matter at this site.',
    );
  lines.push(`Not measurable on resolved issues: ${report.notMeasurable.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `vertebra hygiene evidence --jql JQL`: for each rule that can speak about a resolved issue, how often the
 * issues it flags (as they stand now) ended with a bad resolution compared with those it does not flag, and how
 * long they took. The JQL is the user's; only its resolved issues are read.
 */
export function evidenceCommand(io: CliIo): Command {
  const command = new Command('evidence')
    .description(
      'per rule, over the resolved issues of a JQL: whether the issues it flags ended badly more often',
    )
    .addOption(
      new Option(
        '--jql <jql>',
        'the scope, e.g. project = PAY (only its resolved issues are read)',
      ).makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--bad-resolution <name>',
        `a resolution that counts as a bad ending, compared without case; repeat for several (default: ${DEFAULT_BAD_RESOLUTIONS.join(', ')})`,
      ).argParser(collectName),
    )
    .addOption(
      new Option(
        '--project <key>',
        "measure the rules with this project's overrides on top of the organisation's (never read from --jql)",
      ).argParser(parseProjectKey),
    )
    .addOption(new Option('--config <file>', 'organisation rules as JSON or YAML (as on the admin page)'))
    .addHelpText(
      'after',
      `
--format json prints {"resolved", "badResolutions", "rules": [{"rule", "population", "flagged", "flaggedBad",
"unflaggedBad", "lift", "liftLow", "liftHigh", "medianDaysFlagged", "medianDaysUnflagged"}], "notMeasurable"}.
population: the resolved issues the rule applies to under the configured options (switched on or not);
flagged: those it flags as they stand now (unflagged = population - flagged); lift: the share of flagged issues
with a bad resolution divided by that of unflagged ones, with its 95 % interval (log method), null when a
group is empty or no unflagged issue ended badly (the interval also when no flagged one did); median days from
creation to resolution. notMeasurable: the ids of the rules that cannot speak about a resolved issue (time in
a status, sprints, due dates, the state of work in progress), listed apart and never in "rules".`,
    );
  addSiteOptions(command, ['table', 'json']).action(async () => {
    const options = siteOptions(command);
    const { jql, badResolution, project, config } = command.opts<{
      jql: string;
      badResolution?: string[];
      project?: string;
      config?: string;
    }>();
    const org = config === undefined ? undefined : await readConfig(config);
    const connection = await connect(options, io);
    const { platform } = connection;
    const jira = new JiraClient(platform.jira(connection.principal), { concurrency: REPORT_CONCURRENCY });
    // Not awaited: the ids are asked for while the settings (and the field map) load.
    const settings = loadSettings(platform.store, jira, {
      projectKey: project,
      now: platform.clock.now().getTime(),
      acknowledgements: [],
      org,
    });
    const progress = createProgress(io.stderr, 'Reading resolved issues');
    let report: EvidenceReport;
    try {
      report = await evidenceOfJql(jira, jql, settings, badResolution ?? DEFAULT_BAD_RESOLUTIONS, {
        onProgress: (p) => {
          progress.update(p);
        },
      });
    } finally {
      progress.stop();
    }
    io.stdout.write(
      options.format === 'json'
        ? `${JSON.stringify(evidenceJson(report), null, 2)}\n`
        : evidenceTable(report),
    );
  });
  return command;
}
