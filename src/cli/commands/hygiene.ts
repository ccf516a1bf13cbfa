import { Command, InvalidArgumentError, Option } from 'commander';
import type { IssueResult } from '../../hygiene/evaluate';
import { findingsCsv, type HygieneSummary } from '../../hygiene/report';
import { RULE_IDS } from '../../hygiene/rules';
import type { Finding } from '../../hygiene/types';
import { JiraClient } from '../../atlassian/jira';
import { defaultScope } from '../../services/hygiene/report';
import { REPORT_CONCURRENCY, scanJql } from '../../services/hygiene/scan';
import { loadSettings } from '../../services/hygiene/scan-settings';
import { loadAllAcknowledgements } from '../../services/hygiene/store';
import { EXIT, UsageError, type CliIo } from '../io';
import { addSiteOptions, connect, siteOptions } from '../options';
import { formatTable } from '../output';
import { createProgress } from '../progress';
import { evidenceCommand } from './hygiene-evidence';
import { parseProjectKey, readConfig } from './hygiene-options';

function parseRules(value: string): string[] {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  const unknown = ids.filter((id) => !RULE_IDS.includes(id));
  if (ids.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(
      `unknown rule ${unknown.join(', ') || '(none)'}; known: ${RULE_IDS.join(', ')}`,
    );
  }
  return ids;
}

/** What `--format json` prints: the interface scripts rely on (scanned, findings, byRule) and more. */
function hygieneJson(results: readonly IssueResult[], summary: HygieneSummary, jql: string, now: string) {
  const plain = (issue: string, { rule, severity, message, kind }: Finding) => ({
    issue,
    rule,
    severity,
    message,
    kind,
  });
  return {
    jql,
    now,
    scanned: summary.scanned,
    score: summary.score,
    // Violations only, so that `byRule` counts exactly these; rules that could not read an issue are apart.
    findings: results.flatMap((r) =>
      r.findings.filter((f) => f.kind === 'violation').map((f) => plain(r.issue, f)),
    ),
    unevaluated: results.flatMap((r) =>
      r.findings
        .filter((f) => f.kind === 'not-evaluated')
        .map(({ rule, message }) => ({ issue: r.issue, rule, message })),
    ),
    acknowledged: results.flatMap((r) =>
      r.acknowledged.map((f) => ({
        ...plain(r.issue, f),
        reason: f.acknowledgement?.reason,
        expires: f.acknowledgement?.expires,
      })),
    ),
    byRule: Object.fromEntries(Object.entries(summary.byRule).map(([rule, tally]) => [rule, tally.open])),
    acknowledgedByRule: Object.fromEntries(
      Object.entries(summary.byRule)
        .filter(([, tally]) => tally.acknowledged > 0)
        .map(([rule, tally]) => [rule, tally.acknowledged]),
    ),
    bySeverity: summary.bySeverity,
    byAssignee: Object.fromEntries(
      Object.entries(summary.byAssignee).map(([who, tally]) => [who, tally.open]),
    ),
    byTeam: Object.fromEntries(Object.entries(summary.byTeam).map(([team, tally]) => [team, tally.open])),
    notEvaluated: summary.notEvaluated,
  };
}

const FAILING: Readonly<Record<string, readonly string[]>> = {
  error: ['error'],
  warning: ['error', 'warning'],
};

/**
 * `vertebra hygiene --jql JQL`: the hygiene report of a scope, as a table, JSON or CSV. Reads as `--as` (or
 * the API token's account); `--fail-on` turns findings into exit code 1 for CI. `--project KEY` applies that
 * project's overrides as its report page does and, without `--jql`, checks the page's default scope. The
 * project is never guessed from the JQL: a JQL may name several projects, and the user says which one rules.
 */
export function registerHygieneCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
): void {
  const command = new Command('hygiene')
    .description('check the issues of a JQL, or of a project, against the hygiene rules')
    .addOption(
      new Option(
        '--jql <jql>',
        "the issues to check, e.g. project = PAY AND resolution = EMPTY (default with --project: the project's unresolved issues)",
      ),
    )
    .addOption(
      new Option(
        '--project <key>',
        "apply this project's rule overrides on top of the organisation's, as its report page does (never read from --jql)",
      ).argParser(parseProjectKey),
    )
    .addOption(new Option('--rules <ids>', 'only these rules, comma-separated').argParser(parseRules))
    .addOption(new Option('--config <file>', 'organisation rules as JSON or YAML (as on the admin page)'))
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is this severe').choices([
        'error',
        'warning',
      ]),
    );
  // Options before `evidence` are the report's own; after it, the subcommand's.
  command.enablePositionalOptions().addCommand(evidenceCommand(io));
  addSiteOptions(command).action(async () => {
    const options = siteOptions(command);
    const { rules, config, failOn, project, ...given } = command.opts<{
      jql?: string;
      project?: string;
      rules?: string[];
      config?: string;
      failOn?: string;
    }>();
    const jql = given.jql ?? (project === undefined ? undefined : defaultScope(project));
    if (jql === undefined) {
      throw new UsageError('name the issues to check: --jql JQL, or --project KEY for its unresolved issues');
    }
    const org = config === undefined ? undefined : await readConfig(config);
    const connection = await connect(options, io);
    const { platform } = connection;
    const jira = new JiraClient(platform.jira(connection.principal), { concurrency: REPORT_CONCURRENCY });
    const now = platform.clock.now();
    const acknowledgements = await loadAllAcknowledgements(platform.store);
    // Not awaited: the report asks Jira for the ids while the settings (and the field map) load.
    const settings = loadSettings(platform.store, jira, {
      projectKey: project,
      now: now.getTime(),
      only: rules,
      acknowledgements,
      org,
    });
    const progress = createProgress(io.stderr, 'Checking issues');
    let outcome;
    try {
      outcome = await scanJql(jira, jql, settings, {
        onProgress: (p) => {
          progress.update(p);
        },
      });
    } finally {
      progress.stop();
    }
    const { results, summary } = outcome;
    if (options.format === 'json') {
      io.stdout.write(`${JSON.stringify(hygieneJson(results, summary, jql, now.toISOString()), null, 2)}\n`);
    } else if (options.format === 'csv') {
      io.stdout.write(findingsCsv(results));
    } else {
      const rows = results.flatMap((r) => r.findings.map((finding) => ({ ...finding, issue: r.issue })));
      io.stdout.write(
        formatTable(rows, [
          { header: 'Issue', value: (f) => f.issue },
          { header: 'Severity', value: (f) => (f.kind === 'violation' ? f.severity : 'not evaluated') },
          { header: 'Rule', value: (f) => f.rule },
          { header: 'Finding', value: (f) => f.message },
        ]),
      );
      const byRule = Object.entries(summary.byRule).sort((a, b) => b[1].open - a[1].open);
      io.stdout.write(
        `\n${String(summary.scanned)} issues checked, ${String(rows.length - summary.notEvaluated)} findings${
          summary.notEvaluated > 0
            ? ` (and ${String(summary.notEvaluated)} rule checks that could not be evaluated)`
            : ''
        }, score ${String(summary.score)}/100\n`,
      );
      for (const [rule, tally] of byRule) {
        const acked = tally.acknowledged > 0 ? ` (+${String(tally.acknowledged)} acknowledged)` : '';
        io.stdout.write(`  ${rule.padEnd(28)} ${String(tally.open).padStart(6)}${acked}\n`);
      }
    }
    const failing = failOn === undefined ? [] : (FAILING[failOn] ?? []);
    const fails = results.some((r) =>
      r.findings.some((f) => f.kind === 'violation' && failing.includes(f.severity)),
    );
    if (fails) setExitCode(EXIT.findings);
  });
  program.addCommand(command);
}
