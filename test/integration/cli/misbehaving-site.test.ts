import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

/**
 * A site on 127.0.0.1 that misbehaves the way real ones do, one way per first path segment: `/silent/…` accepts
 * and never answers, `/drip/…` sends a byte every 200 ms forever, `/html/…` answers a login page, `/cut/…`
 * JSON cut short, `/flaky/…` fails `/myself` with 503 three times before answering, `/strict/…` refuses
 * unbounded JQL as Jira does, `/odd/…` answers `/myself` with well-formed JSON of another shape (a proxy's, another
 * API version's) and `/oddsearch/…` does so for the JQL search. Everything else under a mode answers as a tiny Jira would.
 */
const ME = { accountId: 'acc-1', displayName: 'Priya Patel', emailAddress: 'priya@example.com' };
let flakyFailures = 0;
const drips = new Set<NodeJS.Timeout>();

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

const server = createServer((request, response) => {
  const [, mode = '', ...rest] = (request.url ?? '').split('/');
  const path = `/${rest.join('/')}`;
  if (mode === 'silent') return;
  if (mode === 'drip') {
    response.writeHead(200, { 'content-type': 'application/json' });
    const drip = setInterval(() => response.write(' '), 200);
    drips.add(drip);
    response.on('close', () => {
      clearInterval(drip);
      drips.delete(drip);
    });
    return;
  }
  if (mode === 'html') {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><html><body><h1>Sign in to continue</h1></body></html>');
    return;
  }
  if (mode === 'cut') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"accountId":"acc-1","displayName":"Pri');
    return;
  }
  if (mode === 'flaky' && path.startsWith('/rest/api/3/myself') && flakyFailures < 3) {
    flakyFailures += 1;
    json(response, 503, { errorMessages: ['Service Unavailable'] });
    return;
  }
  if (mode === 'odd' && path.startsWith('/rest/api/3/myself')) {
    json(response, 200, { accountId: 42, displayName: ['Priya', 'Patel'] });
    return;
  }
  if (mode === 'oddsearch' && path.startsWith('/rest/api/3/search/jql')) {
    json(response, 200, { issues: 'none today', nextPageToken: 7 });
    return;
  }
  if (path.startsWith('/rest/api/3/myself')) {
    json(response, 200, ME);
    return;
  }
  if (path.startsWith('/rest/api/3/field')) {
    json(response, 200, []);
    return;
  }
  if (mode === 'strict' && path.startsWith('/rest/api/3/search/jql')) {
    json(response, 400, {
      errorMessages: [
        'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
      ],
    });
    return;
  }
  json(response, 404, { errorMessages: ['Not here'] });
});

let site = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});
afterAll(async () => {
  for (const drip of drips) clearInterval(drip);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

// Each failing case waits through the retries' back-off, so the cases run side by side.
describe.concurrent('the command line against a site that misbehaves', () => {
  it.each([
    [
      'accepts and never answers',
      'silent',
      /no complete answer from http:\/\/127\.0\.0\.1:\d+\/silent within 0\.5 s \(--timeout\)/,
    ],
    [
      'answers a byte at a time, never finishing',
      'drip',
      /no complete answer from .*\/drip within 0\.5 s \(--timeout\)/,
    ],
    ['answers 200 with an HTML page', 'html', /answered 200 with text\/html, not JSON/],
    ['answers 200 with JSON cut short', 'cut', /answered 200 with JSON that is cut short or malformed/],
  ])('ends with exit 2 and one line when the site %s', async (_name, mode, message) => {
    const run = await runCli(['whoami', '--site', `${site}/${mode}`, '--timeout', '0.5']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^vertebra: Jira gave no usable answer to GET \/rest\/api\/3\/myself: /);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it.each([
    ['who the user is', ['whoami']],
    ['a JQL search', ['hygiene', '--jql', 'project = PAY']],
  ])(
    'ends with exit 2 and one line when the site answers %s with JSON of another shape',
    async (_name, argv) => {
      const mode = argv[0] === 'whoami' ? 'odd' : 'oddsearch';
      const run = await runCli([...argv, '--site', `${site}/${mode}`]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^vertebra: The site answered something Vertebra does not understand \(/);
      expect(run.stderr).not.toMatch(/ZodError|"code"|"path"|unexpected error/);
    },
  );

  it('asks /myself again after a 503, as every other read, and carries on', async () => {
    const run = await runCli(['whoami', '--site', `${site}/flaky`, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ accountId: 'acc-1', displayName: 'Priya Patel' });
  });

  it("exits 2 with Jira's own words when Jira refuses the query", async () => {
    const run = await runCli(['hygiene', '--jql', 'order by created', '--site', `${site}/strict`]);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(
      'vertebra: Jira answered 400 to POST /rest/api/3/search/jql: Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    );
  });
});

describe('--timeout', () => {
  it.each([['0'], ['-1'], ['soon'], ['3601']])('refuses %s as a number of seconds', async (value) => {
    const run = await runCli(['whoami', '--site', site, '--timeout', value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected a number of seconds above 0 and at most 3600');
  });

  it('is offered by every command that reads a site, 30 seconds unless told', async () => {
    for (const argv of [['whoami'], ['hygiene'], ['deps'], ['templates', 'plan'], ['templates', 'install']]) {
      const run = await runCli([...argv, '--help']);
      expect(run.stdout).toMatch(/--timeout <seconds>[^-]*\(default:\s+30\)/);
      // Commander wraps help at the terminal's width: the sentence is read with its line breaks folded.
      expect(run.stdout.replace(/\s+/g, ' ')).toContain(
        '--timeout <seconds> seconds one attempt at a request may take, from connecting to the last byte of the answer; a read that runs out of time is tried again, 5 attempts in all',
      );
    }
  });
});
