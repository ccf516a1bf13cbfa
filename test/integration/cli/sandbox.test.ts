import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

describe('vertebra sandbox', () => {
  it('serves the demo site at the URL it prints until stopped, then exits 0', async () => {
    const stop = new AbortController();
    let announced: (url: string) => void = () => undefined;
    const url = new Promise<string>((resolve) => (announced = resolve));
    const running = runCli(['sandbox', '--port', '0', '--seed', 'demo', '--now', '2026-11-25'], {
      signal: stop.signal,
      onStdout: (text) => {
        const match = /Sandbox running at (http:\/\/\S+)/.exec(text);
        if (match?.[1]) announced(match[1]);
      },
    });
    const site = await url;
    const projects = (await (await fetch(`${site}/rest/api/3/project/search`)).json()) as {
      values: unknown[];
    };
    expect(projects.values.length).toBeGreaterThan(0);

    const whoami = await runCli([
      'whoami',
      '--site',
      site,
      '--as',
      'alex.contractor@example.com',
      '--format',
      'json',
    ]);
    expect(whoami.code).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ site, displayName: 'Alex Reed (Contractor)' });

    stop.abort();
    const run = await running;
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('Sandbox stopped.\n');
    await expect(fetch(`${site}/rest/api/3/project/search`)).rejects.toThrow();
  }, 60_000);

  it('exits 2 with one line when the port is taken', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = String((busy.address() as AddressInfo).port);
    try {
      const run = await runCli(['sandbox', '--port', port]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`vertebra: port ${port} is in use: stop what runs there or pass --port\n`);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  }, 60_000);

  it('exits 2 with one line when a seed file does not exist', async () => {
    const run = await runCli(['sandbox', '--port', '0', '--seed', 'no-such-file.jsonl']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^vertebra: cannot seed the sandbox from no-such-file\.jsonl: ENOENT[^\n]*\n$/,
    );
  }, 60_000);
});
