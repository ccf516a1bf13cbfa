import { describe, expect, it } from 'vitest';
import { JiraClient } from '../../../src/atlassian/jira';
import type { Transport, TransportRequest } from '../../../src/atlassian/transport';
import { AppError } from '../../../src/contract/result';
import { agreeOnDependency } from '../../../src/services/dependencies/agreement';

/**
 * A Jira that answers GRW-39 (blocking PAY-38) and PAY-38 as Jira would, where the acting user holds EDIT_ISSUES
 * only on the issues in `editable`: the sandbox lets everyone who browses a project edit it, so the refusal is
 * checked here. Every request is recorded, so that a refused change can be seen to write nothing.
 */
function siteWhereUserEdits(editable: readonly string[]) {
  const requests: TransportRequest[] = [];
  const status = { name: 'In Progress', statusCategory: { key: 'indeterminate' } };
  const issues: Record<string, unknown> = {
    'GRW-39': {
      id: '10039',
      key: 'GRW-39',
      fields: {
        status,
        issuelinks: [
          { id: '1', type: { id: '10000', name: 'Blocks' }, outwardIssue: { id: '10038', key: 'PAY-38' } },
        ],
      },
    },
    'PAY-38': { id: '10038', key: 'PAY-38', fields: { status } },
  };
  const transport: Transport = {
    request: (request) => {
      requests.push(request);
      const answer = (body: unknown, code = 200) => Promise.resolve({ status: code, headers: {}, body });
      if (request.path === '/rest/api/3/issueLinkType')
        return answer({
          issueLinkTypes: [{ id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }],
        });
      if (request.path === '/rest/api/3/mypermissions') {
        const held = editable.includes(String(request.query?.['issueKey']));
        return answer({ permissions: { EDIT_ISSUES: { key: 'EDIT_ISSUES', havePermission: held } } });
      }
      const key = /^\/rest\/api\/3\/issue\/([^/]+)$/.exec(request.path)?.[1];
      if (key !== undefined && issues[key]) return answer(issues[key]);
      return answer(undefined, request.method === 'PUT' ? 200 : 404);
    },
  };
  return { jira: new JiraClient(transport), requests };
}

const NOW = new Date('2026-11-16T09:00:00Z');
const request = (kind: 'ask' | 'commit') => ({
  blockerKey: 'GRW-39',
  blockedKey: 'PAY-38',
  change:
    kind === 'ask'
      ? ({ kind: 'ask', neededBy: '2026-12-01' } as const)
      : ({ kind: 'commit', committedBy: '2026-12-01' } as const),
});

describe('who may ask or commit', () => {
  it.each([
    ['asking, by someone who may edit only the blocker', 'ask', ['GRW-39'], 'PAY-38'],
    ['committing, by someone who may edit only the blocked issue', 'commit', ['PAY-38'], 'GRW-39'],
  ] as const)('refuses %s, and writes nothing', async (_name, kind, editable, side) => {
    const site = siteWhereUserEdits(editable);
    const refused = await agreeOnDependency(site.jira, request(kind), { now: NOW }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(side) as string });
    expect(site.requests.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it.each([
    ['asks when they may edit the blocked issue', 'ask', ['PAY-38']],
    ['commits when they may edit the blocker', 'commit', ['GRW-39']],
  ] as const)('%s, writing the blocker’s property', async (_name, kind, editable) => {
    const site = siteWhereUserEdits(editable);
    await agreeOnDependency(site.jira, request(kind), { now: NOW });
    const puts = site.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual(['/rest/api/3/issue/10039/properties/vertebra.agreements']);
    expect(puts[0]?.body).toMatchObject({ agreements: [{ blocked: '10038' }] });
  });
});
