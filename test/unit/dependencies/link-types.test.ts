import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  blockingTypesById,
  classifyLinkType,
  DEFAULT_BLOCKING_WORDS,
  type BlockingDirection,
  type LinkTypeWording,
} from '../../../src/dependencies/link-types';

const SHARED = path.resolve(import.meta.dirname, '../../../..', 'shared');
const LINK_TYPES = path.join(SHARED, 'data/jira-link-types/jira_issuelinktype_information.json');

function allSiteLinkTypes(): { site: string; type: LinkTypeWording }[] {
  if (!existsSync(LINK_TYPES)) throw new Error(`Shared link types missing: expected ${LINK_TYPES}`);
  const sites = JSON.parse(readFileSync(LINK_TYPES, 'utf8')) as Record<
    string,
    Record<string, LinkTypeWording>
  >;
  return Object.entries(sites).flatMap(([site, types]) =>
    Object.values(types).map((type) => ({ site, type })),
  );
}

/**
 * Every blocking wording found on the 15 public sites, read by hand: "X <outward> Y". Anything not listed
 * (relates, duplicates, clones, causes, Gantt, split, tests…) is not blocking.
 */
const BLOCKING_BY_HAND: Record<string, { direction: BlockingDirection; assumed?: boolean }> = {
  'is blocked by|blocks': { direction: 'outward-blocks' },
  'is blocked by|is blocking': { direction: 'outward-blocks' },
  'blocked|blocked': { direction: 'outward-is-blocker', assumed: true },
  'dependency|dependency': { direction: 'outward-is-blocker', assumed: true },
  'dependent|dependent': { direction: 'outward-is-blocker', assumed: true },
  'is required by|requires': { direction: 'outward-is-blocker' },
  'is depended upon by|depends upon': { direction: 'outward-is-blocker' },
  'is a precondition for|depends on': { direction: 'outward-is-blocker' },
  'depended on by|depends on': { direction: 'outward-is-blocker' },
  'is depended on by|depends on': { direction: 'outward-is-blocker' },
  'is required for|depends on': { direction: 'outward-is-blocker' },
  'depends on|is depended on by': { direction: 'outward-blocks' },
};

const wording = (type: LinkTypeWording): string =>
  `${type.inward.trim().toLowerCase()}|${type.outward.trim().toLowerCase()}`;

describe('blocking link types of real Jira sites', () => {
  const all = allSiteLinkTypes();

  it('reads every one of the shared link types the way a person reads its wording', () => {
    expect(all.length).toBeGreaterThan(100);
    const mismatches = all.flatMap(({ site, type }) => {
      const expected = BLOCKING_BY_HAND[wording(type)] ?? null;
      const actual = classifyLinkType(type);
      const same =
        expected === null
          ? actual === null
          : actual?.direction === expected.direction &&
            actual.assumedDirection === (expected.assumed ?? false);
      return same ? [] : [`${site} "${type.name}" (${wording(type)}): got ${JSON.stringify(actual)}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('finds blocking types on most sites, whatever they are named', () => {
    const sitesWithBlocking = new Set(
      all.filter(({ type }) => classifyLinkType(type) !== null).map(({ site }) => site),
    );
    const names = new Set(
      all.filter(({ type }) => classifyLinkType(type) !== null).map(({ type }) => type.name),
    );
    expect(sitesWithBlocking.size).toBeGreaterThanOrEqual(10);
    for (const name of ['Blocks', 'Blocker', 'Depends', 'Dependency', '5 - Depend', 'Required'])
      expect(names).toContain(name);
  });
});

describe('classifyLinkType', () => {
  const cases: { name: string; type: Omit<LinkTypeWording, 'id'>; expected: BlockingDirection | null }[] = [
    {
      name: 'Jira Cloud default Blocks: the outward issue is blocked',
      type: { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
      expected: 'outward-blocks',
    },
    {
      name: 'Appcelerator "Depends" with its loose inward wording: the outward issue is the blocker',
      type: { name: 'Depends', inward: 'is dependent of', outward: 'depends on' },
      expected: 'outward-is-blocker',
    },
    {
      name: 'a renamed type is still read from its wording',
      type: { name: 'Whatever', inward: 'Is Blocked By', outward: 'BLOCKS.' },
      expected: 'outward-blocks',
    },
    {
      name: 'only the inward side worded: "is blocked by" makes the outward issue blocked',
      type: { name: 'Half', inward: 'is blocked by', outward: 'goes with' },
      expected: 'outward-blocks',
    },
    {
      name: 'relates to is not blocking',
      type: { name: 'Relates', inward: 'relates to', outward: 'relates to' },
      expected: null,
    },
    {
      name: 'duplicates is not blocking',
      type: { name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
      expected: null,
    },
    {
      name: 'clones is not blocking',
      type: { name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
      expected: null,
    },
    {
      name: 'Gantt start-finish is not blocking by default',
      type: { name: 'Gantt: start-finish', inward: 'is triggered by', outward: 'is triggering' },
      expected: null,
    },
    {
      name: 'Gantt finish-start is not blocking by default',
      type: { name: 'Gantt: finish-start', inward: 'has to be done after', outward: 'has to be done before' },
      expected: null,
    },
  ];
  it.each(cases)('$name', ({ type, expected }) => {
    expect(classifyLinkType({ id: '1', ...type })?.direction ?? null).toBe(expected);
  });

  it('counts Gantt finish-start as blocking once a site lists its wording', () => {
    const words = {
      ...DEFAULT_BLOCKING_WORDS,
      blockerPhrases: [...DEFAULT_BLOCKING_WORDS.blockerPhrases, 'has to be done before'],
    };
    const gantt = {
      id: '9',
      name: 'Gantt: finish-start',
      inward: 'has to be done after',
      outward: 'has to be done before',
    };
    expect(classifyLinkType(gantt, words)?.direction).toBe('outward-blocks');
    expect(blockingTypesById([gantt], words).has('9')).toBe(true);
    expect(blockingTypesById([gantt]).has('9')).toBe(false);
  });
});
