import { launchSandbox } from '../../../sandbox/launcher';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `vertebra …` in this process with captured output. */
export async function runCli(
  argv: readonly string[],
  options: {
    env?: Record<string, string | undefined>;
    signal?: AbortSignal;
    onStdout?: (text: string) => void;
  } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: {
      write: (text: string) => {
        stdout += text;
        options.onStdout?.(text);
        return true;
      },
    },
    stderr: { write: (text: string) => ((stderr += text), true) },
    env: options.env ?? {},
    signal: options.signal,
  };
  const code = await main(argv, io, { launchSandbox });
  return { code, stdout, stderr };
}
