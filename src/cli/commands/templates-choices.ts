import { InvalidArgumentError } from 'commander';
import type { InstallConflict } from '../../services/templates/conflicts';
import type { Resolution } from '../../services/templates/resolutions';
import type { CliIo } from '../io';
import { printReport } from '../output';

/** `--resolve PAGE_KEY:BLOCK=theirs|ours|both`, repeatable: a choice for one conflicting block of a page. */
export function collectResolution(value: string, previous: Resolution[]): Resolution[] {
  const match = /^(.+):(\d+)=(theirs|ours|both)$/.exec(value);
  const block = Number(match?.[2]);
  if (!match || block < 1)
    throw new InvalidArgumentError(
      `expected PAGE_KEY:BLOCK=theirs|ours|both (block 1 is the page's first conflict), got "${value}"`,
    );
  const choice = match[3] === 'ours' ? 'ours' : match[3] === 'both' ? 'both' : 'theirs';
  return [...previous, { pageKey: match[1] ?? '', block, choice }];
}

/**
 * The blocks waiting for a choice, side by side: the page as people have it and the new version, each block
 * numbered as `--resolve KEY:BLOCK=…` names it.
 */
export function printChoices(io: CliIo, conflicts: readonly InstallConflict[], version: string): void {
  const rows = conflicts.flatMap((conflict) =>
    (conflict.blocks ?? []).map((block, index) => ({
      resolve: `${conflict.key}:${String(index + 1)}`,
      theirs: block.theirs,
      ours: block.ours,
    })),
  );
  if (rows.length === 0) return;
  io.stdout.write(
    `\nBlocks people and version ${version} both changed; choose each with --resolve KEY:BLOCK=theirs|ours|both:\n`,
  );
  printReport(io, 'table', rows, [
    { header: 'Key:block', value: (row) => row.resolve },
    { header: 'Theirs (the page now)', value: (row) => row.theirs, maxWidth: 70 },
    { header: `Ours (version ${version})`, value: (row) => row.ours, maxWidth: 70 },
  ]);
}
