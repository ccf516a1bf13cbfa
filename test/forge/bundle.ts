import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';

const run = promisify(execFile);
const script = path.join(import.meta.dirname, 'deploy-bundle.cjs');

const bundleSchema = z.object({
  outputDir: z.string(),
  files: z.array(z.string()),
  modules: z.array(z.string()),
});

/** What `forge deploy`'s bundling step produced: its folder, the files in it, the npm packages bundled. */
export type DeployBundle = z.output<typeof bundleSchema>;

/** Thrown with the bundler's own message when bundling fails, as `forge deploy` would print it. */
class BundleFailed extends Error {
  override readonly name = 'BundleFailed';
}

/**
 * Bundles the app in `appDirectory` as `forge deploy` does (test/forge/deploy-bundle.cjs, in a process of its
 * own since the bundler needs a CommonJS main module), with the bundler's temporary output under `tempDir`.
 */
export async function bundleAsDeployWould(appDirectory: string, tempDir: string): Promise<DeployBundle> {
  try {
    const { stdout } = await run(process.execPath, [script], {
      cwd: appDirectory,
      env: { ...process.env, TMPDIR: tempDir },
      maxBuffer: 16 * 1024 * 1024,
    });
    return bundleSchema.parse(JSON.parse(stdout));
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    throw new BundleFailed(typeof stderr === 'string' && stderr !== '' ? stderr : String(error));
  }
}
