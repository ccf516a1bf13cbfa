import { Command } from 'commander';
import type { CliIo } from './io';
import { addSiteOptions, connect, siteOptions } from './options';
import { printReport } from './output';

/**
 * `vertebra whoami`: checks the site answers and who the command acts as (`--as`, or the API token's
 * account), the first thing to try when a capability command cannot connect.
 */
export function whoamiCommand(io: CliIo): Command {
  const command = new Command('whoami').description('show the site and the user commands act as');
  addSiteOptions(command).action(async () => {
    const options = siteOptions(command);
    const { jira } = await connect(options, io);
    const me = await jira.myself();
    const row = {
      site: options.site,
      accountId: me.accountId,
      displayName: me.displayName,
      email: me.emailAddress ?? '',
    };
    printReport(
      io,
      options.format,
      [row],
      [
        { header: 'Site', value: (entry) => entry.site },
        { header: 'Account id', value: (entry) => entry.accountId },
        { header: 'Name', value: (entry) => entry.displayName },
        { header: 'Email', value: (entry) => entry.email },
      ],
      row,
    );
  });
  return command;
}
