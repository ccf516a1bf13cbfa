import { Command, Option } from 'commander';
import { UsageError, type CliIo } from './io';
import { parseCount, parseNow, parseRate } from './options';

/** What `vertebra sandbox` asks of the sandbox it starts. */
export interface SandboxLaunchOptions {
  readonly port: number;
  readonly seeds: readonly string[];
  readonly seedNumber?: number;
  readonly latencyMs?: number;
  readonly failRate?: number;
  readonly rateLimit?: number;
  readonly now?: Date;
}

/**
 * Starts the sandbox. The entry point (bin/vertebra.mjs, through sandbox/launcher.ts) hands it to the CLI: the
 * CLI works against any site and does not depend on the emulator (eslint/layers.js keeps it so).
 */
export type LaunchSandbox = (
  options: SandboxLaunchOptions,
) => Promise<{ readonly url: string; close(): Promise<void> }>;

interface SandboxCommandOptions {
  port: number;
  seed?: string[];
  seedNumber?: number;
  latencyMs?: number;
  failRate?: number;
  rateLimit?: number;
  now?: Date;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Start-up failures the user can fix (a busy port, a missing seed file) as one-line usage errors. */
function asUsageError(error: unknown, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE')
    return new UsageError(`port ${String(port)} is in use: stop what runs there or pass --port`);
  const message = error instanceof Error ? error.message : '';
  if (code === 'ENOENT' || message.startsWith('Cannot seed'))
    return new UsageError(message.replace(/^Cannot/, 'cannot'));
  return error;
}

/** Waits until the signal aborts (Ctrl-C, or a test). */
function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return; // no signal: run until the process is killed
    if (signal.aborted) resolve();
    else
      signal.addEventListener(
        'abort',
        () => {
          resolve();
        },
        { once: true },
      );
  });
}

/**
 * `vertebra sandbox`: a local Jira Cloud + Confluence Cloud, seeded with the demo organisation and/or issue
 * files, with optional faults; prints its URL and runs until Ctrl-C.
 */
export function sandboxCommand(
  io: CliIo,
  setExitCode: (code: number) => void,
  launchSandbox: LaunchSandbox | undefined,
): Command {
  return new Command('sandbox')
    .description('start a local Jira + Confluence site (the sandbox) and run until Ctrl-C')
    .addOption(
      new Option('--port <n>', 'port to listen on (0 picks a free one)').default(8787).argParser(parseCount),
    )
    .addOption(
      new Option('--seed <demo|file>', 'seed: "demo" or a JSON/JSONL(.gz) issue file; repeatable').argParser(
        collect,
      ),
    )
    .addOption(
      new Option('--seed-number <n>', 'seed of the demo generator and of the fault dice').argParser(
        parseCount,
      ),
    )
    .addOption(new Option('--latency-ms <n>', 'delay added to every request').argParser(parseCount))
    .addOption(new Option('--fail-rate <r>', 'share of requests answered 5xx (0..1)').argParser(parseRate))
    .addOption(
      new Option('--rate-limit <n>', 'requests per second per user before 429').argParser(parseCount),
    )
    .addOption(new Option('--now <iso>', 'clock for relative JQL dates').argParser(parseNow))
    .action(async (options: SandboxCommandOptions) => {
      if (launchSandbox === undefined) {
        throw new UsageError('the sandbox is not part of this entry point: run it as `vertebra sandbox`');
      }
      const sandbox = await launchSandbox({
        port: options.port,
        seeds: options.seed ?? ['demo'],
        ...(options.seedNumber !== undefined ? { seedNumber: options.seedNumber } : {}),
        ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
        ...(options.failRate !== undefined ? { failRate: options.failRate } : {}),
        ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
        ...(options.now !== undefined ? { now: options.now } : {}),
      }).catch((error: unknown) => {
        throw asUsageError(error, options.port);
      });
      io.stdout.write(`Sandbox running at ${sandbox.url} (Ctrl-C to stop)\n`);
      await untilAborted(io.signal);
      await sandbox.close();
      io.stderr.write('Sandbox stopped.\n');
      setExitCode(0);
    });
}
