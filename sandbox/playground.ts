/**
 * The playground (`npm start`): the sandbox with the demo organisation, plus on the same port a host page that
 * frames every Custom UI module of the app as Jira and Confluence do. The frames' `invoke()` reaches the app's
 * real resolvers, running here on a local platform against the sandbox, as the user picked in the top bar.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLocalPlatform, type LocalPlatform } from '../src/platform/local/index';
import { queueConsumer } from '../src/services/consumer';
import { gateVerdict } from '../src/services/hygiene/gate-check';
import { installWorkflowValidator } from './jira/workflow';
import { noteIssueChanged } from '../src/services/hygiene/fresh-score';
import { readAppFile } from './playground/app-files';
import {
  framedContext,
  readSettings,
  readSubject,
  SubjectUnavailable,
  type PlaygroundUser,
} from './playground/context';
import { readSiteDirectory, type SiteDirectory } from './playground/directory';
import { renderHostPage, type FrameToRender } from './playground/host-page';
import { glanceFor } from './playground/issue-context';
import { deliverIssueEvents } from './playground/product-events';
import { createResolverHost } from './playground/resolver-host';
import { browseTarget, hostPageFor } from './playground/routes';
import { isWikiScreen, wikiScreenFor } from './playground/wiki-pages';
import { startSandbox, type RunningSandbox } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
/** The manifest's resource `app`. */
export const APP_BUILD_DIR = path.join(repoRoot, 'static', 'app', 'build');

export interface PlaygroundOptions {
  /** 0 = a free port (tests). */
  readonly port?: number;
  readonly seeds?: readonly string[];
  /** Pins the sandbox's and the resolvers' clock. */
  readonly now?: Date;
  /** Folder for the app's store (e.g. `.vertebra/playground`); in memory when absent. */
  readonly storeDir?: string;
}

export interface RunningPlayground {
  /** `http://localhost:PORT` */
  readonly url: string;
  readonly port: number;
  readonly sandbox: RunningSandbox;
  readonly platform: LocalPlatform;
  close(): Promise<void>;
}

/** Throws a clear message when the Custom UI has not been built (the frames would be empty otherwise). */
export function assertAppBuilt(buildDir = APP_BUILD_DIR): void {
  const index = path.join(buildDir, 'index.html');
  if (!existsSync(index)) {
    throw new Error(`The Custom UI is not built (${index} is missing). Run \`npm run build:static\` first.`);
  }
}

interface Site {
  readonly url: string;
  readonly sandbox: RunningSandbox;
  readonly invoke: ReturnType<typeof createResolverHost>;
  readonly platform: LocalPlatform;
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as unknown);
}

/**
 * Server-sent events for the issue view: each edit of `issueKey` through the sandbox's REST API, as the payload
 * Jira gives `JIRA_ISSUE_CHANGED` (host-client.js hands it to the issue's frames, as Jira does to the apps).
 */
function streamIssueEvents(
  issueKey: string,
  request: IncomingMessage,
  response: ServerResponse,
  sandbox: RunningSandbox,
): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  response.write(': listening\n\n');
  // As Jira does: an edit by the person viewing the issue does not refresh their own issue view.
  const users = sandbox.users.all().map((user) => ({ ...user }));
  const viewer = readSettings(request.headers.cookie, users).accountId ?? sandbox.users.admin.accountId;
  const stop = sandbox.jira.onIssueUpdated((issue, by) => {
    if (issue.key !== issueKey.toUpperCase() || by.accountId === viewer) return;
    const project = sandbox.jira.projectByIdOrKey(issue.projectKey);
    const change = {
      issueId: issue.id,
      projectId: project?.id ?? '',
      changes: [{ changeType: 'updated', atlassianId: by.accountId }],
    };
    response.write(`event: JIRA_ISSUE_CHANGED\ndata: ${JSON.stringify(change)}\n\n`);
  });
  request.on('close', stop);
}

/** Starts the sandbox and the host page on one port; `close()` stops both. */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<RunningPlayground> {
  assertAppBuilt();
  const shim = await readFile(path.join(here, 'playground', 'bridge-shim.js'), 'utf8');
  const hostScript = await readFile(path.join(here, 'playground', 'host-client.js'), 'utf8');
  // Set once the sandbox listens: the handler below only runs for requests, which come after that.
  const ready: { site?: Site } = {};
  let directory: Promise<SiteDirectory> | undefined;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const site = ready.site;
    if (!site) return false;
    const url = new URL(request.url ?? '/', 'http://playground.local');
    const method = request.method ?? 'GET';
    if (url.pathname === '/__playground/bridge-shim.js' || url.pathname === '/__playground/host.js') {
      send(
        response,
        200,
        'text/javascript; charset=utf-8',
        url.pathname.endsWith('host.js') ? hostScript : shim,
      );
      return true;
    }
    if (url.pathname === '/__playground/invoke' && method === 'POST') {
      let body: unknown;
      try {
        body = await readBody(request);
      } catch {
        send(response, 400, 'application/json', JSON.stringify({ message: 'The invoke body is not JSON.' }));
        return true;
      }
      const answer = await site.invoke(body);
      send(response, answer.status, 'application/json', JSON.stringify(answer.body));
      return true;
    }
    if (url.pathname === '/__playground/issue-events' && method === 'GET') {
      streamIssueEvents(url.searchParams.get('issueKey') ?? '', request, response, site.sandbox);
      return true;
    }
    if (url.pathname === '/app' || url.pathname.startsWith('/app/')) {
      const file = await readAppFile(APP_BUILD_DIR, url.pathname);
      send(response, file.status, file.contentType, file.body);
      return true;
    }
    // Checked by path first: the REST calls the host page itself makes come through here too.
    const wiki =
      method === 'GET' && isWikiScreen(url) ? await wikiPage(url, request.headers.cookie, site) : undefined;
    if (wiki !== undefined) {
      send(response, 200, 'text/html; charset=utf-8', wiki);
      return true;
    }
    const browse = method === 'GET' ? browseTarget(url.pathname) : undefined;
    if (browse !== undefined) {
      response.writeHead(302, { location: browse, 'cache-control': 'no-store' });
      response.end();
      return true;
    }
    const page = method === 'GET' ? hostPageFor(url.pathname) : undefined;
    if (!page) return false;
    send(
      response,
      200,
      'text/html; charset=utf-8',
      await hostPage(page, url.pathname, request.headers.cookie, site),
    );
    return true;
  }

  /** The frame-less parts of the host page: users, settings, acting user and the site's nav. */
  async function chrome(cookie: string | undefined, running: Site) {
    const users: PlaygroundUser[] = running.sandbox.users.all().map((user) => ({ ...user }));
    const settings = readSettings(cookie, users);
    const actingUser =
      users.find((user) => user.accountId === settings.accountId) ?? running.sandbox.users.admin;
    directory ??= readSiteDirectory(running.url);
    return { settings, users, actingUser, directory: await directory };
  }

  /** Confluence's page view and version comparison (the app links to both), or undefined for other paths. */
  async function wikiPage(url: URL, cookie: string | undefined, running: Site): Promise<string | undefined> {
    const base = await chrome(cookie, running);
    const user = running.sandbox.users.byAccountId(base.actingUser.accountId) ?? running.sandbox.users.admin;
    const screen = wikiScreenFor(
      url,
      { state: running.sandbox.confluence.state, users: running.sandbox.users },
      user,
    );
    if (!screen) return undefined;
    return renderHostPage({
      ...base,
      page: { kind: 'site', product: 'confluence', title: screen.heading, frames: [] },
      heading: screen.heading,
      currentPath: url.pathname,
      frames: [],
      ...('notice' in screen ? { notice: screen.notice } : { article: screen }),
    });
  }

  async function hostPage(
    page: NonNullable<ReturnType<typeof hostPageFor>>,
    currentPath: string,
    cookie: string | undefined,
    running: Site,
  ): Promise<string> {
    const { settings, users, actingUser, directory: site } = await chrome(cookie, running);
    const base = { page, settings, users, actingUser, directory: site, currentPath, heading: page.title };
    if (page.kind === 'home') return renderHostPage({ ...base, frames: [] });
    try {
      const subject = await readSubject(page, running.url, actingUser.accountId);
      const frames: FrameToRender[] = await Promise.all(
        page.frames.map(async (frame) => {
          const context = framedContext({ frame, subject, user: actingUser, settings, siteUrl: running.url });
          // The side column holds issue contexts: collapsed, with the label their dynamic properties give.
          const glance =
            frame.slot === 'side'
              ? await glanceFor(running.platform, frame.moduleKey, context, frame.title)
              : undefined;
          return { ...frame, route: frame.route, context, glance };
        }),
      );
      return renderHostPage({ ...base, frames });
    } catch (error) {
      const notice =
        error instanceof SubjectUnavailable && (error.status === 404 || error.status === 403)
          ? `${actingUser.displayName} cannot see this page: it does not exist or they do not have permission to view it.`
          : `The sandbox could not answer for this page: ${error instanceof Error ? error.message : String(error)}`;
      return renderHostPage({ ...base, frames: [], notice });
    }
  }

  const sandbox = await startSandbox({
    port: options.port ?? 0,
    seeds: options.seeds ?? ['demo'],
    ...(options.now ? { now: options.now } : {}),
    extraHandler: handle,
  });
  const url = `http://localhost:${String(sandbox.port)}`;
  const platform = createLocalPlatform({
    siteUrl: sandbox.url,
    storeDir: options.storeDir,
    now: options.now,
  });
  // manifest.yml's `hygiene-scan-consumer`: jobs run through the same consumer code as in Forge.
  platform.queue.setConsumer((event) => queueConsumer(platform, event));
  // The app's `jira:workflowValidator` (manifest.yml's `hygiene-gate`), on every transition as an admin adds it.
  installWorkflowValidator(sandbox.jira, (event) => gateVerdict(platform, event));
  // manifest.yml's `hygiene-fresh-score` trigger: a creation or an edit in the sandbox reaches it as Jira's events
  // reach Forge.
  const issueEvents = deliverIssueEvents(sandbox.jira, (event) => noteIssueChanged(platform, event));
  ready.site = { url: sandbox.url, sandbox, invoke: createResolverHost(platform), platform };
  const close = async (): Promise<void> => {
    issueEvents.stop();
    await sandbox.close();
  };
  return { url, port: sandbox.port, sandbox, platform, close };
}

async function main(): Promise<void> {
  const wanted = Number(process.env.PORT ?? 8787);
  let playground: RunningPlayground;
  try {
    playground = await startPlayground({
      port: wanted,
      storeDir: path.join(repoRoot, '.vertebra', 'playground'),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${String(wanted)} is busy; using a free one.`);
    playground = await startPlayground({ port: 0, storeDir: path.join(repoRoot, '.vertebra', 'playground') });
  }
  console.log(`Vertebra playground: ${playground.url}/`);
  const stop = (): void => {
    playground.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  });
}
