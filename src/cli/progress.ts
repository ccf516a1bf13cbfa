import { SingleBar } from 'cli-progress';
import type { CliStream } from './io';

export interface ProgressReporter {
  /** Work done so far out of `total` (the total may grow, e.g. once a search knows how many issues it found). */
  update(progress: { readonly done: number; readonly total: number }): void;
  stop(): void;
}

/**
 * Progress of long work on stderr, so stdout stays clean for the report: a live bar on a terminal, plain
 * `label: n/total` lines otherwise (CI logs, pipes), at most one line per tenth of the work.
 */
export function createProgress(stderr: CliStream, label: string): ProgressReporter {
  if (stderr.isTTY === true) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {value}/{total} ({percentage}%)`,
      stream: stderr as unknown as NodeJS.WritableStream,
      hideCursor: true,
      clearOnComplete: false,
      barsize: 30,
    });
    let started = false;
    return {
      update({ done, total }) {
        if (!started) {
          bar.start(total, done);
          started = true;
        } else {
          bar.setTotal(total);
          bar.update(done);
        }
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }

  let lastTenth = -1;
  let lastDone = -1;
  return {
    update({ done, total }) {
      // Nothing listed yet (or a scope of nothing): no line says "0/0".
      if (total === 0) return;
      const tenth = Math.floor((done / total) * 10);
      if (done === lastDone || (tenth === lastTenth && done !== total)) return;
      lastTenth = tenth;
      lastDone = done;
      stderr.write(`${label}: ${String(done)}/${String(total)}\n`);
    },
    stop() {
      // Plain lines need no closing.
    },
  };
}
