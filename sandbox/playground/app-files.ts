import { readFile } from 'node:fs/promises';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

export interface AppFile {
  readonly status: 200 | 404;
  readonly contentType: string;
  readonly body: Buffer | string;
}

/** The script tag that installs the bridge shim before the app's bundle (module scripts run after it). */
export const SHIM_TAG = '<script src="/__playground/bridge-shim.js"></script>';

/**
 * Serves the built Custom UI (the manifest's resource `app`) under `/app/`, with the bridge shim injected into
 * index.html as Jira's host would provide `window.__bridge`. Paths cannot leave the build folder.
 */
export async function readAppFile(buildDir: string, requestPath: string): Promise<AppFile> {
  const relative = decodeURIComponent(requestPath.replace(/^\/app\/?/, '')) || 'index.html';
  const file = path.resolve(buildDir, relative);
  if (file !== buildDir && !file.startsWith(buildDir + path.sep)) {
    return { status: 404, contentType: 'text/plain', body: 'Not found' };
  }
  try {
    const body = await readFile(file);
    const extension = path.extname(file);
    if (extension === '.html') {
      return {
        status: 200,
        contentType: MIME['.html'] ?? 'text/html',
        body: body.toString('utf8').replace('<head>', `<head>\n    ${SHIM_TAG}`),
      };
    }
    return { status: 200, contentType: MIME[extension] ?? 'application/octet-stream', body };
  } catch {
    return { status: 404, contentType: 'text/plain', body: 'Not found' };
  }
}
