import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';

let sandbox: RunningSandbox;

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const target = () => [
  '--site',
  sandbox.url,
  '--as',
  'priya.patel@example.com',
  '--space',
  'OPS',
  '--bundle',
  'product-ops',
  '--var',
  'orgName=Globex',
  '--var',
  'opsLead=712020:a0000000-0000-4000-8000-000000000002',
  '--var',
  'teams=Payments, Growth',
  '--var',
  'quarterStart=2027-01-04',
];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seeds: ['demo'] });
});
afterAll(async () => {
  await sandbox.close();
});

describe('vertebra templates', () => {
  it('list shows the shipped bundles with their variables', async () => {
    const { code, stdout } = await run('templates', 'list', '--site', sandbox.url);
    expect(code).toBe(0);
    expect(stdout).toContain('product-ops');
    expect(stdout).toContain('orgName:text opsLead:user teams:teamList quarterStart:date');
  });

  it('plan, install, then install again: the JSON says what was created, then that nothing changed', async () => {
    const planned = await run('templates', 'plan', ...target(), '--format', 'json');
    expect(planned.code).toBe(0);
    expect(JSON.parse(planned.stdout)).toMatchObject({
      created: 9,
      updated: 0,
      skipped: 0,
      conflicts: [],
      summary: { create: 9, update: 0, skip: 0, conflict: 0 },
    });
    expect(sandbox.confluence.state.templates.size).toBe(0); // a plan writes nothing

    const first = await run('templates', 'install', ...target(), '--format', 'json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ created: 9, updated: 0, skipped: 0, conflicts: [] });

    const again = await run('templates', 'install', ...target(), '--format', 'json');
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, skipped: 9, conflicts: [] });
  });

  it('keeps its install records in --store between runs, so list shows where a bundle went', async () => {
    const store = await mkdtemp(path.join(tmpdir(), 'vertebra-store-'));
    // The product-ops bundle, in ENG this time (the other tests use OPS), by the site admin.
    const swap: Record<string, string> = { OPS: 'ENG', 'priya.patel@example.com': 'admin@example.com' };
    const inEng = [...target().map((arg) => swap[arg] ?? arg), '--store', store];
    const listed = async (...extra: string[]) => {
      const { code, stdout } = await run(
        'templates',
        'list',
        '--site',
        sandbox.url,
        '--format',
        'json',
        ...extra,
      );
      expect(code).toBe(0);
      const entries = JSON.parse(stdout) as { id: string; installations: { spaceKey: string }[] }[];
      return entries.find((entry) => entry.id === 'product-ops')?.installations.map((i) => i.spaceKey);
    };
    expect(await listed('--store', store)).toEqual([]);
    const installed = await run('templates', 'install', ...inEng, '--format', 'json');
    expect(installed.code).toBe(0);
    // A later run with the same store knows the install; a run keeping nothing (the sandbox default) does not.
    expect(await listed('--store', store)).toEqual(['ENG']);
    expect(await listed()).toEqual([]);
  });

  it('plan and install name, in JSON, the page people edited that an upgrade leaves alone', async () => {
    const home = [...sandbox.confluence.state.pages.values()].find(
      (page) => page.title === 'Globex product operations' && page.status === 'current',
    );
    if (!home) throw new Error('the home page of the bundle was not installed');
    home.body = '<p>Our own home page.</p>';
    home.version.number += 1;
    // Other teams: the home page and the rituals calendar (both list the teams) would change.
    const upgrade = target().map((arg) => (arg === 'teams=Payments, Growth' ? 'teams=Payments' : arg));
    const conflict = {
      page: 'Globex product operations',
      id: home.id,
      reason: 'edited-since-install',
      compareUrl: `${sandbox.url}/wiki/pages/diffpagesbyversion.action?pageId=${home.id}&selectedPageVersions=1&selectedPageVersions=2`,
    };

    const planned = await run('templates', 'plan', ...upgrade, '--format', 'json');
    expect(JSON.parse(planned.stdout)).toMatchObject({
      created: 0,
      updated: 1,
      skipped: 7,
      conflicts: [conflict],
    });
    const installed = await run('templates', 'install', ...upgrade, '--format', 'json');
    expect(JSON.parse(installed.stdout)).toMatchObject({
      created: 0,
      updated: 1,
      skipped: 7,
      conflicts: [conflict],
    });
    expect(home.body).toBe('<p>Our own home page.</p>');
  });

  it('installs a custom bundle from a YAML file, in French', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vertebra-templates-'));
    const file = path.join(dir, 'bundle.yaml');
    await writeFile(
      file,
      'id: equipe\nversion: 1.0.0\nlanguage: fr\ntitle: Équipe\nvariables:\n  - { name: nom, type: text, label: Nom }\npages:\n  - key: accueil\n    title: "Accueil {{nom}}"\n    body: "<p>Bienvenue chez {{nom}}</p>"\n',
    );
    const result = await run(
      'templates',
      'install',
      '--site',
      sandbox.url,
      '--space',
      'ENG',
      '--bundle-file',
      file,
      '--var',
      'nom=R&D <Lab>',
      '--format',
      'json',
    );
    expect(result.code).toBe(0);
    const page = [...sandbox.confluence.state.pages.values()].find(
      (candidate) => candidate.title === 'Accueil R&D <Lab>',
    );
    expect(page?.body).toBe('<p>Bienvenue chez R&amp;D &lt;Lab&gt;</p>');
  });

  it.each([
    [
      'a variable of the wrong type',
      ['--var', 'quarterStart=soon'],
      'quarterStart must be a date written YYYY-MM-DD',
    ],
    [
      'a space the user may not administer',
      ['--space', 'ENG'],
      'Only administrators of space ENG can install, upgrade or uninstall bundles',
    ],
    ['a malformed --var', ['--var', 'no-equals'], 'expected name=value'],
    ['a space that does not exist', ['--space', 'NOPE'], 'Space NOPE does not exist'],
  ])('refuses %s in one line, with exit code 2', async (_name, extra, message) => {
    const args = [...target()];
    if (extra[0] === '--space') args.splice(args.indexOf('OPS'), 1, extra[1] ?? '');
    else args.push(...extra);
    const result = await run('templates', 'install', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  describe('a person variable (type user) given by email address or display name', () => {
    const PRIYA = '712020:a0000000-0000-4000-8000-000000000002';
    let bundleFile = '';
    beforeAll(async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'vertebra-templates-'));
      bundleFile = path.join(dir, 'handover.yaml');
      await writeFile(
        bundleFile,
        'id: handover\nversion: 1.0.0\nlanguage: en\ntitle: Handover\nvariables:\n  - { name: topic, type: text, label: Topic }\n  - { name: owner, type: user, label: Owner }\npages:\n  - key: handover\n    title: "Handover {{topic}}"\n    body: "<p>Owner: {{owner}}</p>"\n',
      );
    });
    // ENG, as the site admin (no --as): the product-ops tests above keep OPS to themselves.
    const handover = (command: 'plan' | 'install', topic: string, owner: string) =>
      run(
        'templates',
        command,
        '--site',
        sandbox.url,
        '--space',
        'ENG',
        '--bundle-file',
        bundleFile,
        '--var',
        `topic=${topic}`,
        '--var',
        `owner=${owner}`,
        '--format',
        'json',
      );
    const pageTitled = (title: string) =>
      [...sandbox.confluence.state.pages.values()].find((page) => page.title === title);

    it.each([
      ['her email address', 'by email', 'priya.patel@example.com'],
      ['her email address, in capitals', 'by email in capitals', 'Priya.Patel@Example.COM'],
      ['her display name', 'by name', 'Priya Patel'],
      ['her display name, in any case and spacing', 'by loose name', '  priya   PATEL '],
      ['her account id, as before', 'by account id', PRIYA],
    ])('installs Priya as a mention when given %s', async (_name, topic, owner) => {
      const result = await handover('install', topic, owner);
      expect(result.code, result.stderr).toBe(0);
      expect(pageTitled(`Handover ${topic}`)?.body).toBe(
        `<p>Owner: <ac:link><ri:user ri:account-id="${PRIYA}" /></ac:link></p>`,
      );
    });

    it('plans with a person given by name', async () => {
      const result = await handover('plan', 'planned by name', 'Marcus Chen');
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ created: 1, updated: 0, skipped: 0 });
    });

    it.each([
      [
        'a name several people start with, naming them',
        'Sa',
        '--var owner: no one matches "Sa" (a person is an account id, an email address or a full display name); did you mean Diego Santos, Hana Sato?',
      ],
      [
        'a first name alone, naming whom it could be',
        'Priya',
        '--var owner: no one matches "Priya" (a person is an account id, an email address or a full display name); did you mean Priya Patel?',
      ],
      [
        'a name nobody has',
        'Zebedee Quist',
        '--var owner: no one matches "Zebedee Quist" (a person is an account id, an email address or a full display name)',
      ],
      [
        'an email address nobody has',
        'zebedee@example.com',
        '--var owner: no one on the site shows the email address "zebedee@example.com" (a person is an account id, an email address or a full display name)',
      ],
      [
        "a namesake's address at another domain",
        'priya.patel@elsewhere.org',
        '--var owner: no one on the site shows the email address "priya.patel@elsewhere.org" (a person is an account id, an email address or a full display name); did you mean Priya Patel?',
      ],
    ])('refuses %s in one line, with exit code 2, and writes nothing', async (_name, owner, message) => {
      for (const command of ['plan', 'install'] as const) {
        const before = sandbox.confluence.state.pages.size;
        sandbox.resetStats();
        const result = await handover(command, `refused ${owner}`, owner);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(`vertebra: ${message}\n`);
        expect(sandbox.confluence.state.pages.size).toBe(before);
        expect(
          Object.keys(sandbox.stats().byEndpoint).filter((endpoint) => !endpoint.startsWith('GET')),
        ).toEqual([]);
      }
    });
  });

  describe('an upgrade whose conflicting block is settled with --resolve', () => {
    const rows = (teams: string) =>
      `<table><tbody><tr><td>Lead</td><td>Sam</td></tr><tr><td>Teams</td><td>${teams}</td></tr></tbody></table>`;
    const runbook = (version: string, teams: string) =>
      `id: runbook\nversion: ${version}\nlanguage: en\ntitle: Runbook\nvariables: []\npages:\n  - key: runbook-home\n    title: "Runbook home"\n    body: "<h2>Who</h2>${rows(teams)}"\n`;
    let dir = '';
    const upgrade = (...extra: string[]) =>
      run(
        'templates',
        ...extra,
        '--site',
        sandbox.url,
        '--space',
        'ENG',
        '--bundle-file',
        path.join(dir, 'runbook-1.1.0.yaml'),
        '--store',
        path.join(dir, 'store'),
      );
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'vertebra-runbook-'));
      await writeFile(path.join(dir, 'runbook-1.0.0.yaml'), runbook('1.0.0', 'Payments'));
      await writeFile(path.join(dir, 'runbook-1.1.0.yaml'), runbook('1.1.0', 'Payments, Growth'));
    });

    it('shows the block side by side, refuses to install without a choice, then writes the choice once', async () => {
      const first = await run(
        'templates',
        'install',
        '--site',
        sandbox.url,
        '--space',
        'ENG',
        '--bundle-file',
        path.join(dir, 'runbook-1.0.0.yaml'),
        '--store',
        path.join(dir, 'store'),
      );
      expect(first.code, first.stderr).toBe(0);
      const home = [...sandbox.confluence.state.pages.values()].find((page) => page.title === 'Runbook home');
      if (!home) throw new Error('the runbook was not installed');
      home.body = home.body.replace('<td>Payments</td>', '<td>Payments, Ops</td>');
      home.version.number += 1;
      const theirs = home.body;

      const planned = await upgrade('plan');
      expect(planned.code, planned.stderr).toBe(0);
      expect(planned.stdout).toMatch(
        /runbook-home:1\s+<tr><td>Teams<\/td><td>Payments, Ops<\/td><\/tr>\s+<tr><td>Teams<\/td><td>Payments, Growth<\/td><\/tr>/,
      );

      // The plan read 1.1.0 into the store: the list says ENG is behind.
      const listed = await run(
        'templates',
        'list',
        '--site',
        sandbox.url,
        '--store',
        path.join(dir, 'store'),
      );
      expect(listed.stdout).toMatch(/runbook\s+1\.1\.0\s+en\s+1\s+0\s+ENG \(1\.0\.0\)/);

      sandbox.resetStats();
      const refused = await upgrade('install');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        '1 page people edited has blocks the new version also changed: Runbook home',
      );
      expect(
        Object.keys(sandbox.stats().byEndpoint).filter((endpoint) => !endpoint.startsWith('GET')),
      ).toEqual([]);

      const settled = await upgrade('install', '--resolve', 'runbook-home:1=both', '--format', 'json');
      expect(settled.code, settled.stderr).toBe(0);
      expect(JSON.parse(settled.stdout)).toMatchObject({ updated: 1, merged: 1, conflicts: [] });
      expect(home.body).toBe(
        theirs.replace(
          '<tr><td>Teams</td><td>Payments, Ops</td></tr>',
          '<tr><td>Teams</td><td>Payments, Ops</td></tr><tr><td>Teams</td><td>Payments, Growth</td></tr>',
        ),
      );

      sandbox.resetStats();
      const again = await upgrade('install', '--format', 'json');
      expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, skipped: 1, conflicts: [] });
      expect(
        Object.keys(sandbox.stats().byEndpoint).filter((endpoint) => !endpoint.startsWith('GET')),
      ).toEqual([]);
    });

    it.each([
      ['a block with no number', 'runbook-home=ours'],
      ['an unknown choice', 'runbook-home:1=mine'],
    ])('refuses %s in one line, with exit code 2', async (_name, resolve) => {
      const result = await upgrade('install', '--resolve', resolve);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('expected PAGE_KEY:BLOCK=theirs|ours|both');
    });
  });

  it('refuses a parent page of another space, and writes nothing', async () => {
    const engHome = sandbox.confluence.state.spaceByKey('ENG')?.homepageId ?? '';
    const before = sandbox.confluence.state.pages.size;
    sandbox.resetStats();
    const result = await run('templates', 'install', ...target(), '--parent', engHome);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `Page ${engHome} is not a current page of space OPS; pick a parent page in this space.`,
    );
    expect(sandbox.confluence.state.pages.size).toBe(before);
    expect(Object.keys(sandbox.stats().byEndpoint).filter((endpoint) => !endpoint.startsWith('GET'))).toEqual(
      [],
    );
  });
});
