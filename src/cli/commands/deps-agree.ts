import { Command, InvalidArgumentError, Option } from 'commander';
import { declineReason, isCalendarDay, MAX_DECLINE_REASON, type AgreementChange } from '../../dependencies';
import { agreeOnDependency, type AgreeResult } from '../../services/dependencies/agreement';
import { loadDependencySettings } from '../../services/dependencies/settings';
import { UsageError, type CliIo } from '../io';
import { addSiteOptions, connect, siteOptions } from '../options';

/** An issue key as typed, upper-cased: a project key, a dash, a number. */
function parseIssueKey(value: string): string {
  const key = value.trim().toUpperCase();
  if (!/^[A-Z][A-Z0-9_]*-[1-9]\d{0,17}$/.test(key))
    throw new InvalidArgumentError(`expected an issue key such as PAY-12, got "${value}"`);
  return key;
}

function parseDay(value: string): string {
  if (!isCalendarDay(value)) throw new InvalidArgumentError(`expected a day as YYYY-MM-DD, got "${value}"`);
  return value;
}

function parseReason(value: string): string {
  const reason = declineReason(value);
  if (reason === null)
    throw new InvalidArgumentError(`expected a reason of 1 to ${String(MAX_DECLINE_REASON)} characters`);
  return reason;
}

/** The one change the options ask for; none or several is a usage error. */
function changeOf(options: { neededBy?: string; commit?: string; decline?: string }): AgreementChange {
  const changes: AgreementChange[] = [
    ...(options.neededBy === undefined ? [] : [{ kind: 'ask', neededBy: options.neededBy } as const]),
    ...(options.commit === undefined ? [] : [{ kind: 'commit', committedBy: options.commit } as const]),
    ...(options.decline === undefined ? [] : [{ kind: 'decline', reason: options.decline } as const]),
  ];
  const [change] = changes;
  if (changes.length !== 1 || !change)
    throw new UsageError('give exactly one of --needed-by DATE, --commit DATE or --decline REASON');
  return change;
}

/** The agreement in one line, as the table format prints it. */
function agreementLine({ blocker, blocked, agreement }: AgreeResult): string {
  const parts = [
    agreement.neededBy === null ? null : `needed by ${agreement.neededBy}`,
    agreement.committedBy === null ? null : `committed by ${agreement.committedBy}`,
    agreement.declined === null ? null : `declined: ${agreement.declined}`,
  ].filter((part) => part !== null);
  return `${blocker} blocks ${blocked}: ${agreement.status} (${parts.join(', ')})\n`;
}

/**
 * `vertebra deps agree --blocker KEY --blocked KEY (--needed-by DATE | --commit DATE | --decline REASON)`: the
 * blocked team asks for the blocker by a day, the blocker's team commits to a day or declines, as the signed-in
 * person, who must be able to edit the issue on their side.
 */
export function agreeCommand(io: CliIo): Command {
  const command = new Command('agree')
    .description(
      'ask for a blocker by a day (blocked team), or commit to a day or decline (blocker team), on one dependency',
    )
    .addOption(
      new Option('--blocker <key>', 'the blocking issue').argParser(parseIssueKey).makeOptionMandatory(),
    )
    .addOption(
      new Option('--blocked <key>', 'the issue waiting on it').argParser(parseIssueKey).makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--needed-by <YYYY-MM-DD>',
        'ask: the day the blocked team needs the blocker done by',
      ).argParser(parseDay),
    )
    .addOption(
      new Option(
        '--commit <YYYY-MM-DD>',
        "commit: the day the blocker's team will have it done by",
      ).argParser(parseDay),
    )
    .addOption(
      new Option('--decline <reason>', "decline: why the blocker's team will not do it in time").argParser(
        parseReason,
      ),
    )
    .addHelpText(
      'after',
      `
Only someone who may edit the blocked issue can ask, and only someone who may edit the blocker can commit or
decline. The agreement is kept on the blocker issue. --format json prints {"blocker", "blocked", "agreement":
{"neededBy", "committedBy", "declined", "status"}}; status is asked, committed, declined or broken (the day that
holds has passed and the blocker is not done).`,
    );
  addSiteOptions(command, ['table', 'json']).action(async () => {
    const options = siteOptions(command);
    const given = command.opts<{
      blocker: string;
      blocked: string;
      neededBy?: string;
      commit?: string;
      decline?: string;
    }>();
    const change = changeOf(given);
    const { platform, jira } = await connect(options, io);
    const { blockingWords } = await loadDependencySettings(platform.store);
    const result = await agreeOnDependency(
      jira,
      { blockerKey: given.blocker, blockedKey: given.blocked, change },
      { now: platform.clock.now(), blockingWords },
    );
    io.stdout.write(
      options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : agreementLine(result),
    );
  });
  return command;
}
