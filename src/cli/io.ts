/**
 * Where a CLI run writes and what it reads from its surroundings. `main` defaults to the process; tests pass
 * their own to capture output and stop long-running commands.
 */
export interface CliStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C (or by a test) to stop commands that run until stopped, such as `vertebra sandbox`. */
  readonly signal?: AbortSignal | undefined;
}

/** A failure the user caused or can fix (bad option, unreachable site): one line on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes: 0 success; 1 findings the user asked to fail on (commands decide); 2 usage or connection error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
