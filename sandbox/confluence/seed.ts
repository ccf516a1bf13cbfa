/**
 * The demo organisation's Confluence: three spaces with a few pages each. Contractors see only ENG; each
 * space has its own admins so the installer's "space admin only" rule can be tried with real people.
 */
import { GROUPS, type UserDirectory } from '../users';
import type { ConfluenceState } from './state';

const PRIYA = '712020:a0000000-0000-4000-8000-000000000002';
const MARCUS = '712020:a0000000-0000-4000-8000-000000000003';
const JAMES = '712020:a0000000-0000-4000-8000-000000000006';

const paragraph = (text: string): string => `<p>${text}</p>`;

/** Fills the state with the demo spaces and pages (idempotent: does nothing when spaces exist). */
export function seedConfluenceDemo(state: ConfluenceState, users: UserDirectory): void {
  if (state.spaces.size > 0) return;
  const admin = users.admin.accountId;
  const prod = state.addSpace(
    {
      key: 'PROD',
      name: 'Product Knowledge',
      description: 'What we build and why: product areas, PRDs, decisions.',
      authorId: MARCUS,
      viewGroups: [GROUPS.employees],
      adminUsers: [MARCUS],
      adminGroups: [GROUPS.productOps],
    },
    paragraph('Welcome to the product knowledge space.'),
  );
  const ops = state.addSpace(
    {
      key: 'OPS',
      name: 'Product Operations',
      description: 'Working agreements, rituals and planning.',
      authorId: PRIYA,
      viewGroups: [GROUPS.employees],
      adminUsers: [PRIYA],
      adminGroups: [],
    },
    paragraph('Product operations: how we work together.'),
  );
  const eng = state.addSpace(
    {
      key: 'ENG',
      name: 'Engineering',
      description: 'Architecture, runbooks and on-call.',
      authorId: JAMES,
      viewGroups: [GROUPS.employees, GROUPS.contractors],
      adminUsers: [JAMES],
      adminGroups: [],
    },
    paragraph('Engineering handbook.'),
  );
  const pages: [string, string, string, number][] = [
    [
      prod.id,
      'Payments overview',
      '<h2>What it does</h2><p>Card and wallet payments for the storefront.</p>',
      42,
    ],
    [
      prod.id,
      'Checkout roadmap',
      '<ac:structured-macro ac:name="toc" ac:schema-version="1" /><h2>Now</h2><p>One-page checkout.</p>',
      17,
    ],
    [
      ops.id,
      'Team directory',
      '<table><tbody><tr><th>Team</th><th>Lead</th></tr><tr><td>Payments</td><td>Marcus Chen</td></tr></tbody></table>',
      8,
    ],
    [
      eng.id,
      'On-call runbook',
      '<ac:structured-macro ac:name="info" ac:schema-version="1"><ac:rich-text-body><p>Page the on-call first.</p></ac:rich-text-body></ac:structured-macro>',
      63,
    ],
    [eng.id, 'Architecture decisions', '<p>See the ADR index.</p>', 5],
  ];
  for (const [spaceId, title, body, views] of pages) {
    const space = state.spaces.get(spaceId);
    const page = state.addPage({
      spaceId,
      title,
      parentId: space?.homepageId ?? null,
      body,
      authorId: admin,
    });
    page.views = views;
  }
}
