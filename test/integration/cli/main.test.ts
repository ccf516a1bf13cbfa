import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

// A fake site answering `/myself` by the basic-auth user, enough to check how the frame connects.
const people: Record<string, { accountId: string; displayName: string; emailAddress: string }> = {
  'priya@example.com': {
    accountId: 'acc-priya',
    displayName: 'Priya Patel',
    emailAddress: 'priya@example.com',
  },
  admin: { accountId: 'acc-admin', displayName: 'Site, Admin', emailAddress: 'admin@example.com' },
};
const server = createServer((request, response) => {
  const auth = request.headers.authorization;
  const email = auth
    ? (Buffer.from(auth.replace('Basic ', ''), 'base64').toString().split(':')[0] ?? '')
    : 'admin';
  const person = people[email];
  response.writeHead(person ? 200 : 401, { 'content-type': 'application/json' });
  response.end(JSON.stringify(person ?? { errorMessages: [`No user with email ${email}`], errors: {} }));
});
let site = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('vertebra command line', () => {
  it('prints help listing the commands and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: vertebra/);
    expect(run.stdout).toMatch(/sandbox \[options\]/);
    expect(run.stdout).toMatch(/whoami \[options\]/);
  });

  it('shows the usage on stderr and exits 2 when no command is given', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Usage: vertebra/);
    expect(run.stdout).toBe('');
  });

  it.each([
    {
      argv: ['sandbox', '--help'],
      shows: [
        '--port <n>',
        '--seed <demo|file>',
        '--seed-number <n>',
        '--latency-ms <n>',
        '--fail-rate <r>',
        '--rate-limit <n>',
      ],
    },
    {
      argv: ['whoami', '--help'],
      shows: [
        '--site <url>',
        '--as <email>',
        '--format <format>',
        '(choices: "table", "json", "csv"',
        '--now <iso>',
      ],
    },
  ])('documents the options of `$argv.0`', async ({ argv, shows }) => {
    const run = await runCli(argv);
    expect(run.code).toBe(0);
    for (const text of shows) expect(run.stdout).toContain(text);
  });

  const usageErrors = [
    { name: 'an unknown command', argv: ['frobnicate'], message: "error: unknown command 'frobnicate'" },
    {
      name: 'a port that is not a number',
      argv: ['sandbox', '--port', 'abc'],
      message: 'expected a whole number, got "abc"',
    },
    {
      name: 'a fail rate above 1',
      argv: ['sandbox', '--fail-rate', '1.5'],
      message: 'expected a number between 0 and 1, got "1.5"',
    },
    {
      name: 'a --now that is not a date',
      argv: ['whoami', '--now', 'yesterday'],
      message: 'expected an ISO date',
    },
    {
      name: 'a --now that does not exist',
      argv: ['whoami', '--now', '2026-02-30'],
      message: 'is not a real date',
    },
    {
      name: 'a format the command does not print',
      argv: ['whoami', '--format', 'xml'],
      message: "argument 'xml' is invalid",
    },
    {
      name: 'a site that is not a URL',
      argv: ['whoami', '--site', 'jira.example.com'],
      message: 'expected a site URL',
    },
  ];
  it.each(usageErrors)('exits 2 with a one-line message for $name', async ({ argv, message }) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('tells the user to start the sandbox when nothing listens at the site', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = String((closed.address() as AddressInfo).port);
    await new Promise((resolve) => closed.close(resolve));
    const run = await runCli(['whoami', '--site', `http://localhost:${port}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `vertebra: cannot reach http://localhost:${port}: is the sandbox running? (vertebra sandbox)\n`,
    );
  }, 20_000);
});

describe('connecting to a site', () => {
  it('acts as the sandbox admin without --as', async () => {
    const run = await runCli(['whoami', '--site', site, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      site,
      accountId: 'acc-admin',
      displayName: 'Site, Admin',
      email: 'admin@example.com',
    });
  });

  it('acts as the --as user, and prints CSV with quoted commas', async () => {
    const run = await runCli(['whoami', '--site', site, '--as', 'priya@example.com', '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Site,Account id,Name,Email\r\n${site},acc-priya,Priya Patel,priya@example.com\r\n`,
    );
  });

  it('signs in with ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN for a real site', async () => {
    const run = await runCli(['whoami', '--site', site], {
      env: { ATLASSIAN_EMAIL: 'priya@example.com', ATLASSIAN_API_TOKEN: 'tok' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[2]).toMatch(/acc-priya\s+Priya Patel/);
  });

  it('refuses --as on a real site, whose API token belongs to one account', async () => {
    const run = await runCli(['whoami', '--site', site, '--as', 'priya@example.com'], {
      env: { ATLASSIAN_EMAIL: 'ops@example.com', ATLASSIAN_API_TOKEN: 'tok' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'vertebra: --as works with a sandbox only; on a real site commands act as ATLASSIAN_EMAIL\n',
    );
  });

  it("exits 2 with Jira's own message when the site refuses the user", async () => {
    const run = await runCli(['whoami', '--site', site, '--as', 'nobody@example.com']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'vertebra: Jira answered 401 to GET /rest/api/3/myself: No user with email nobody@example.com (check --as, or ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN)\n',
    );
  });
});
