import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { z } from 'zod';
import { AtlassianError } from '../atlassian/errors';
import { AppError } from '../contract/result';
import { EXIT, UsageError, type CliIo } from './io';
import { sandboxCommand, type LaunchSandbox } from './sandbox';
import { whoamiCommand } from './whoami';
import { registerDepsCommand } from './commands/deps';
import { registerTemplatesCommand } from './commands/templates';
import { registerHygieneCommand } from './commands/hygiene';

/**
 * Capability commands. Each lives in `src/cli/commands/<name>.ts` and exports a `RegisterCommand`
 * (`(program, io, setExitCode) => void`; it may leave out `setExitCode` if it never fails on findings), which adds its command with `program.command(...)` or
 * `program.addCommand(...)`, adds the shared options with `addSiteOptions` (./options), opens the site with
 * `connect`, prints with `printReport` (./output) and `createProgress` (./progress) to `io`, never to
 * `process` directly. Exit codes: throw `UsageError` for 2; call `setExitCode(1)` when findings should fail.
 * To add one: one import here and one line in `registerCommands`.
 */
export type RegisterCommand = (program: Command, io: CliIo, setExitCode: (code: number) => void) => void;

/** What the entry point hands the CLI instead of the CLI importing it. */
export interface CliLaunchers {
  /** Absent when run as `tsx src/cli/main.ts`: `vertebra sandbox` then says to use the `vertebra` command. */
  readonly launchSandbox?: LaunchSandbox;
}

function registerCommands(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
  launchers: CliLaunchers,
): void {
  program.addCommand(sandboxCommand(io, setExitCode, launchers.launchSandbox));
  program.addCommand(whoamiCommand(io));
  registerDepsCommand(program, io);
  registerTemplatesCommand(program, io);
  registerHygieneCommand(program, io, setExitCode);
  // Capability commands, one line each, e.g.: registerHygieneCommand(program, io, setExitCode);
}

/** Builds the `vertebra` program writing to `io`; commander never exits the process itself. */
export function buildProgram(
  io: CliIo,
  setExitCode: (code: number) => void,
  launchers: CliLaunchers = {},
): Command {
  const program = new Command('vertebra')
    .description('Vertebra: product ops hygiene, templates and dependencies for Jira and Confluence')
    .showHelpAfterError('(add --help for usage)')
    .enablePositionalOptions();
  registerCommands(program, io, setExitCode, launchers);
  const configure = (command: Command): void => {
    command.exitOverride();
    command.configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => {
        write(text);
      },
    });
    command.commands.forEach(configure);
  };
  configure(program);
  return program;
}

/** Characters of a schema mismatch's wording kept in its one-line message. */
const DETAIL_LIMIT = 160;

/** One line for a failure the user can act on; undefined for a bug (then a stack trace helps). */
export function userMessage(error: unknown): string | undefined {
  if (error instanceof UsageError) return error.message;
  // A service's typed failure (not found, forbidden, bad input) is meant for the user, in the CLI as in the UI.
  if (error instanceof AppError) return error.message;
  if (error instanceof AtlassianError) {
    if (error.status === 0) {
      const unreachable = error.messages.find((message) => message.startsWith('cannot reach '));
      const site = unreachable ? /^cannot reach (\S+): /.exec(unreachable)?.[1] : undefined;
      if (site && /\/\/(localhost|127\.0\.0\.1|\[::1\])(:|$)/.test(site)) {
        return `cannot reach ${site}: is the sandbox running? (vertebra sandbox)`;
      }
      return unreachable ?? error.message;
    }
    if (error.status === 401)
      return `${error.message} (check --as, or ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN)`;
    return error.message;
  }
  // A response of the wrong shape (a proxy's JSON, another API version): one line naming the first mismatch,
  // not the whole schema report. The clients parse responses only; the CLI's own input is checked by commander.
  // Zod's wording is folded onto one line and cut, so that no answer can make the message spill.
  if (error instanceof z.ZodError) {
    const [first] = error.issues;
    const where = first && first.path.length > 0 ? `at ${first.path.map(String).join('.')}: ` : '';
    const detail = `${where}${first?.message ?? 'unexpected shape'}`.replace(/\s+/g, ' ').trim();
    const cut = detail.length > DETAIL_LIMIT ? `${detail.slice(0, DETAIL_LIMIT - 1)}…` : detail;
    return `The site answered something Vertebra does not understand (${cut})`;
  }
  return undefined;
}

/**
 * Runs the `vertebra` command line and answers its exit code: 0 success, 1 findings a command was asked to
 * fail on, 2 usage or connection error (one line on stderr, no stack trace).
 */
export async function main(
  argv: readonly string[],
  io: CliIo = processIo(),
  launchers: CliLaunchers = {},
): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(
    io,
    (code) => {
      exitCode = code;
    },
    launchers,
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for is a success; help shown because no command was given is a usage error. Otherwise
      // commander already printed its own one-line message.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return EXIT.usage;
    }
    const message = userMessage(error);
    if (message !== undefined) {
      io.stderr.write(`vertebra: ${message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(
      `vertebra: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    if (io.env.VERTEBRA_DEBUG) io.stderr.write(`${error instanceof Error ? (error.stack ?? '') : ''}\n`);
    else io.stderr.write('(set VERTEBRA_DEBUG=1 to see the stack trace)\n');
    return EXIT.usage;
  }
}

function processIo(): CliIo {
  const controller = new AbortController();
  const stop = (): void => {
    controller.abort();
    // Commands that listen (the sandbox) close within a moment; anything else stops here.
    setTimeout(() => process.exit(130), 1000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal };
}

// `npx tsx src/cli/main.ts …` runs it directly (without the sandbox); bin/vertebra.mjs imports `main` instead.
function isEntryPoint(): boolean {
  const invokedPath = process.argv[1];
  try {
    return (
      invokedPath !== undefined && realpathSync(invokedPath) === realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
}
if (isEntryPoint()) process.exitCode = await main(process.argv.slice(2));
