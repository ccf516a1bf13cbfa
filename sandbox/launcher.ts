import type { LaunchSandbox } from '../src/cli/sandbox';

/**
 * The sandbox as the `vertebra` command starts it; bin/vertebra.mjs hands it to the CLI. The server is loaded on
 * demand: other commands should not pay for the sandbox's seeds and parsers.
 */
export const launchSandbox: LaunchSandbox = async (options) => {
  const { startSandbox } = await import('./server');
  return startSandbox(options);
};
