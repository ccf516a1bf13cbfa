import type { Defs, ErrorCode } from '../../src/contract';
import { appPayloads } from '../../src/contract/app';
import { dependenciesPayloads } from '../../src/contract/dependencies';
import { gatePayloads } from '../../src/contract/gate';
import { hygienePayloads } from '../../src/contract/hygiene';
import { templatesPayloads } from '../../src/contract/templates';
import { DEFAULT_BLOCKING_WORDS } from '../../src/dependencies/link-types';
import { as, CONTRACTOR, type LeakSite } from './site';

/** Every resolver key, read from the contract's payload schemas (what the resolvers parse at run time). */
export const CONTRACT_KEYS: readonly string[] = Object.keys({
  ...appPayloads,
  ...hygienePayloads,
  ...gatePayloads,
  ...templatesPayloads,
  ...dependenciesPayloads,
});

/** What the contractor started himself before the cases run. */
export interface ContractorTraces {
  /** His own queued hygiene scans (GRW). */
  readonly scanIds: readonly string[];
  /** His own dependency report job (a site-wide quarter by sprint). */
  readonly dependencyJobIds: readonly string[];
}

interface Case {
  readonly name: string;
  readonly payload: (site: LeakSite, mine: ContractorTraces) => unknown;
  /** `ok`, or the error code the contractor should be refused with. */
  readonly answers: 'ok' | ErrorCode;
  /**
   * The answer is the site's directory of people (a picker), which names every colleague whatever projects
   * they work on: a PAY engineer's name there says nothing of PAY, so assignee names are not looked for.
   */
  readonly peopleDirectory?: true;
  /** Set for a leak reported and not fixed here: the case is expected to fail until it is (names the leak). */
  readonly knownLeak?: string;
}

const Q4 = { kind: 'quarter', year: 2026, quarter: 4 } as const;
/** Closes the app's project narrowing and opens another: must not reach PAY or DAT (issue 13, item 4). */
const ESCAPING_JQL = 'resolution = EMPTY) OR (project in (PAY, DAT)';
const VARIABLES = {
  orgName: 'Northwind',
  opsLead: CONTRACTOR,
  teams: 'Checkout',
  quarterStart: '2027-01-04',
};
const LENA = '712020:a0000000-0000-4000-8000-000000000007';

/** A rule the contractor's panel shows on the visible issue linked to PAY or DAT. */
async function aRuleOf(site: LeakSite, issueKey: string): Promise<string> {
  const panel = await site.resolvers['hygiene.issueFindings']({
    payload: { issueKey },
    context: as(CONTRACTOR),
  });
  const rule = panel.ok ? [...panel.data.findings, ...panel.data.acknowledged][0]?.rule : undefined;
  if (rule === undefined) throw new Error(`${issueKey} shows the contractor no finding`);
  return rule;
}

const adminScan = (index: number) => (site: LeakSite) => ({ scanId: site.admin.scanIds[index] });

/**
 * Contractor payloads per resolver key: what a contractor could send from the app's pages or by hand. Typed
 * against `Defs` so a resolver added to the contract is a compile error here too.
 */
export const CASES: { readonly [K in keyof Defs]: readonly Case[] } = {
  'app.whoami': [{ name: 'says who he is', payload: () => ({}), answers: 'ok' }],

  'hygiene.issueFindings': [
    {
      name: 'an issue of his linked to PAY or DAT shows its findings',
      payload: (site) => ({ issueKey: site.secrets.linkedVisibleIssue }),
      answers: 'ok',
    },
    {
      name: 'a PAY issue answers as a missing one',
      payload: (site) => ({ issueKey: site.secrets.restrictedIssue }),
      answers: 'NOT_FOUND',
    },
  ],
  'hygiene.acknowledge': [
    {
      name: 'acknowledging a finding of his issue linked to PAY or DAT',
      payload: async (site) => {
        const issueKey = site.secrets.linkedVisibleIssue;
        return {
          issueKey,
          rule: await aRuleOf(site, issueKey),
          reason: 'Waiting on them',
          expires: '2027-01-31',
        };
      },
      answers: 'ok',
    },
  ],
  'hygiene.withdrawAcknowledgement': [
    {
      name: 'withdrawing an acknowledgement on his issue linked to PAY or DAT',
      payload: async (site) => {
        const issueKey = site.secrets.linkedVisibleIssue;
        return { issueKey, rule: await aRuleOf(site, issueKey) };
      },
      answers: 'ok',
    },
  ],
  'hygiene.projectReport': [
    { name: 'the CHK report', payload: () => ({ projectKey: 'CHK' }), answers: 'ok' },
    {
      name: 'a CHK report whose JQL tries to close the narrowing and add PAY and DAT',
      payload: () => ({ projectKey: 'CHK', jql: ESCAPING_JQL }),
      answers: 'INVALID_INPUT',
    },
    {
      name: 'the PAY report answers as a missing project',
      payload: () => ({ projectKey: 'PAY' }),
      answers: 'NOT_FOUND',
    },
  ],
  'hygiene.scanProgress': [
    { name: "the admin's PAY scan", payload: adminScan(0), answers: 'NOT_FOUND' },
    { name: "the admin's DAT scan", payload: adminScan(1), answers: 'NOT_FOUND' },
    { name: "the admin's CHK scan", payload: adminScan(2), answers: 'NOT_FOUND' },
    {
      name: 'his own GRW scan',
      payload: (_site, mine) => ({ scanId: mine.scanIds[0] }),
      answers: 'ok',
    },
  ],
  'hygiene.latestScan': [
    { name: 'CHK, which only the admin scanned', payload: () => ({ projectKey: 'CHK' }), answers: 'ok' },
    { name: 'GRW, which he scanned', payload: () => ({ projectKey: 'GRW' }), answers: 'ok' },
    {
      name: 'PAY answers as a missing project',
      payload: () => ({ projectKey: 'PAY' }),
      answers: 'NOT_FOUND',
    },
  ],
  'hygiene.exportCsv': [
    { name: 'the CHK CSV', payload: () => ({ projectKey: 'CHK' }), answers: 'ok' },
    {
      name: "the admin's PAY scan asked for under CHK",
      payload: (site) => ({ projectKey: 'CHK', scanId: site.admin.scanIds[0] }),
      answers: 'NOT_FOUND',
    },
    {
      name: "the admin's CHK scan",
      payload: (site) => ({ projectKey: 'CHK', scanId: site.admin.scanIds[2] }),
      answers: 'NOT_FOUND',
    },
    {
      name: 'his own GRW scan, first piece',
      payload: (_site, mine) => ({ projectKey: 'GRW', scanId: mine.scanIds[0], piece: 0 }),
      answers: 'ok',
    },
  ],
  'hygiene.trend': [
    { name: "CHK's nightly trend", payload: () => ({ projectKey: 'CHK' }), answers: 'ok' },
    {
      name: "PAY's answers as a missing project",
      payload: () => ({ projectKey: 'PAY' }),
      answers: 'NOT_FOUND',
    },
  ],
  'hygiene.orgConfig': [{ name: 'the organisation rules', payload: () => ({}), answers: 'ok' }],
  'hygiene.saveOrgConfig': [
    { name: 'saving them is refused', payload: () => ({ config: {} }), answers: 'FORBIDDEN' },
  ],
  'hygiene.projectConfig': [
    { name: "CHK's rules", payload: () => ({ projectKey: 'CHK' }), answers: 'ok' },
    {
      name: "PAY's rules, which the admin saved",
      payload: () => ({ projectKey: 'PAY' }),
      answers: 'NOT_FOUND',
    },
  ],
  'hygiene.saveProjectConfig': [
    {
      name: "saving CHK's is refused",
      payload: () => ({ projectKey: 'CHK', config: {} }),
      answers: 'FORBIDDEN',
    },
  ],
  'hygiene.gate': [
    { name: "CHK's gate and statuses", payload: () => ({ projectKey: 'CHK' }), answers: 'ok' },
    {
      name: "PAY's gate answers as a missing project",
      payload: () => ({ projectKey: 'PAY' }),
      answers: 'NOT_FOUND',
    },
  ],
  'hygiene.saveGate': [
    {
      name: "turning CHK's gate on is refused (not its administrator)",
      payload: () => ({
        projectKey: 'CHK',
        gate: { enabled: true, statuses: ['10001'], rules: ['assignee-missing'] },
      }),
      answers: 'FORBIDDEN',
    },
    {
      name: "turning PAY's gate off answers as a missing project",
      payload: () => ({ projectKey: 'PAY', gate: { enabled: false, statuses: [], rules: [] } }),
      answers: 'NOT_FOUND',
    },
  ],
  'hygiene.evidence': [
    {
      name: 'the evidence of PAY and DAT is refused (administrators only)',
      payload: () => ({ jql: 'project in (PAY, DAT)' }),
      answers: 'FORBIDDEN',
    },
  ],
  'hygiene.words': [
    {
      name: "the rules' words, the same for everyone and nothing of the site",
      payload: () => ({}),
      answers: 'ok',
    },
  ],

  'dependencies.report': [
    ...['project', 'team', 'component', 'field:customfield_10001'].map((teamBy) => ({
      name: `the quarter's report, teams by ${teamBy}`,
      payload: () => ({ scope: Q4, teamBy }),
      answers: 'ok' as const,
    })),
    ...(['sprint', 'fixVersion'] as const).map((by) => ({
      name: `the quarter by ${by}`,
      payload: () => ({ scope: { ...Q4, by }, teamBy: 'project' }),
      answers: 'ok' as const,
    })),
    {
      name: 'the quarter with an extra JQL that tries to add PAY and DAT',
      payload: () => ({ scope: { ...Q4, jql: ESCAPING_JQL }, teamBy: 'project' }),
      answers: 'INVALID_INPUT',
    },
    {
      name: "CHK's page with a JQL that closes its project narrowing",
      payload: () => ({ scope: { kind: 'jql', jql: ESCAPING_JQL }, teamBy: 'project', projectKey: 'CHK' }),
      answers: 'INVALID_INPUT',
    },
    {
      name: 'a JQL scope of his projects',
      payload: () => ({ scope: { kind: 'jql', jql: 'project in (CHK, GRW, MOB, PLT)' }, teamBy: 'team' }),
      answers: 'ok',
    },
    {
      name: "CHK's project page",
      payload: () => ({ scope: Q4, teamBy: 'project', projectKey: 'CHK' }),
      answers: 'ok',
    },
  ],
  'dependencies.issue': (['project', 'team', 'component'] as const).map((teamBy) => ({
    name: `the panel of his issue linked to PAY or DAT, teams by ${teamBy}`,
    payload: (site: LeakSite) => ({ issueKey: site.secrets.linkedVisibleIssue, teamBy }),
    answers: 'ok' as const,
  })),
  'dependencies.agree': [
    {
      name: 'asking for a PAY issue a visible one blocks answers as an issue that does not exist',
      payload: () => ({
        blockerKey: 'GRW-39',
        blockedKey: 'PAY-38',
        change: { kind: 'ask', neededBy: '2026-12-01' },
      }),
      answers: 'NOT_FOUND',
    },
    {
      name: 'declining for a visible blocker of a PAY issue answers as an issue that does not exist',
      payload: () => ({
        blockerKey: 'MOB-120',
        blockedKey: 'PAY-77',
        change: { kind: 'decline', reason: 'No' },
      }),
      answers: 'NOT_FOUND',
    },
    {
      name: 'asking for a DAT blocker of a visible issue answers as an issue that does not exist',
      payload: () => ({
        blockerKey: 'DAT-219',
        blockedKey: 'CHK-233',
        change: { kind: 'ask', neededBy: '2026-12-01' },
      }),
      answers: 'NOT_FOUND',
    },
    {
      name: 'committing on a pair of his projects',
      payload: () => ({
        blockerKey: 'MOB-57',
        blockedKey: 'CHK-197',
        change: { kind: 'commit', committedBy: '2026-12-04' },
      }),
      answers: 'ok',
    },
  ],
  'dependencies.snapshot.save': [
    {
      name: 'saving a review of the quarter',
      payload: () => ({ scope: Q4, teamBy: 'component' }),
      answers: 'ok',
    },
  ],
  'dependencies.snapshot.compare': (['project', 'team', 'component'] as const).map((teamBy) => ({
    name: `comparing with the admin's review, teams by ${teamBy}`,
    payload: () => ({ scope: Q4, teamBy }),
    answers: 'ok' as const,
  })),
  'dependencies.publish': [
    {
      name: 'publishing the quarter into ENG',
      payload: () => ({
        scope: Q4,
        teamBy: 'project',
        spaceKey: 'ENG',
        title: 'Alignment as the contractor sees it',
        shownProjects: ['CHK', 'GRW', 'MOB', 'PLT'],
      }),
      answers: 'ok',
    },
  ],
  'dependencies.job': [
    {
      name: "the admin's report job is not found",
      payload: (site) => ({ jobId: site.admin.dependencyJobId }),
      answers: 'NOT_FOUND',
    },
    {
      name: 'his own report job, read as he sees Jira',
      payload: (_site, mine) => ({ jobId: mine.dependencyJobIds[0] }),
      answers: 'ok',
    },
  ],
  'dependencies.latest': [
    ...(['report', 'snapshot', 'compare', 'publish'] as const).map((action) => ({
      name: `his latest ${action} on the global page`,
      payload: () => ({ action }),
      answers: 'ok' as const,
    })),
    { name: "CHK's latest report", payload: () => ({ action: 'report', projectKey: 'CHK' }), answers: 'ok' },
    {
      name: "PAY's latest report answers as a project that does not exist",
      payload: () => ({ action: 'report', projectKey: 'PAY' }),
      answers: 'NOT_FOUND',
    },
  ],
  'dependencies.fields': [{ name: 'the team fields', payload: () => ({}), answers: 'ok' }],
  'dependencies.settings.get': [{ name: 'the blocking words', payload: () => ({}), answers: 'ok' }],
  'dependencies.settings.preview': [
    { name: 'a preview of the word list', payload: () => ({ words: DEFAULT_BLOCKING_WORDS }), answers: 'ok' },
  ],
  'dependencies.settings.save': [
    {
      name: 'saving it is refused',
      payload: () => ({ words: DEFAULT_BLOCKING_WORDS }),
      answers: 'FORBIDDEN',
    },
  ],

  'templates.bundles': [{ name: 'the bundles', payload: () => ({}), answers: 'ok' }],
  'templates.plan': [
    {
      name: 'a plan for ENG, where the admin installed and published, is refused',
      payload: () => ({ spaceKey: 'ENG', bundleId: 'product-ops', variables: VARIABLES }),
      answers: 'FORBIDDEN',
    },
  ],
  'templates.install': [
    {
      name: 'installing into ENG is refused',
      payload: () => ({ spaceKey: 'ENG', bundleId: 'product-ops', variables: VARIABLES }),
      answers: 'FORBIDDEN',
    },
  ],
  'templates.uninstall': [
    {
      name: 'uninstalling from ENG is refused',
      payload: () => ({ spaceKey: 'ENG', bundleId: 'product-ops' }),
      answers: 'FORBIDDEN',
    },
  ],
  'templates.catalogue': [
    { name: 'the catalogue (Confluence admins) is refused', payload: () => ({}), answers: 'FORBIDDEN' },
  ],
  'templates.adoption': [
    { name: "ENG's adoption", payload: () => ({ spaceKey: 'ENG', bundleId: 'product-ops' }), answers: 'ok' },
  ],
  'templates.space': [{ name: 'the ENG installer', payload: () => ({ spaceKey: 'ENG' }), answers: 'ok' }],
  'templates.findPeople': [
    { name: 'people named like "a"', payload: () => ({ query: 'a' }), answers: 'ok', peopleDirectory: true },
  ],
  'templates.people': [
    {
      name: 'a PAY engineer by account id',
      payload: () => ({ accountIds: [LENA] }),
      answers: 'ok',
      peopleDirectory: true,
    },
  ],
  'templates.pages': [{ name: "ENG's pages", payload: () => ({ spaceKey: 'ENG' }), answers: 'ok' }],
  'templates.import': [
    {
      name: 'importing a bundle is refused',
      payload: () => ({ text: '{"id":"x"}', format: 'json' }),
      answers: 'FORBIDDEN',
    },
  ],
  'templates.export': [
    {
      name: "exporting the admin's published alignment page",
      payload: (site) => ({
        spaceKey: 'ENG',
        rootPageId: site.admin.publishedPageId,
        id: 'alignment',
        title: 'Alignment',
      }),
      answers: 'ok',
    },
  ],
};
