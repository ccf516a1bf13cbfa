/**
 * The site's word list of blocking wording: its rules, and the settings resolvers a Jira administrator uses to
 * change what every report of the site reads as blocking.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BLOCKING_WORDS, type BlockingWords } from '../../../src/dependencies/link-types';
import { DEFAULT_RISK_RULES } from '../../../src/dependencies/risk-rules';
import { checkBlockingWords, MAX_PHRASES } from '../../../src/dependencies/settings';
import { ADMIN, as, outcomeOf, PRIYA, useDemoResolvers } from './demo-site';

const words = (overrides: Partial<BlockingWords>): BlockingWords => ({
  ...DEFAULT_BLOCKING_WORDS,
  ...overrides,
});

describe('checking a word list', () => {
  it.each([
    { name: 'an empty line', list: { blockerPhrases: ['blocks', '  '] }, problem: 'empty' },
    {
      name: 'a phrase over 60 characters',
      list: { blockedPhrases: ['waits '.repeat(11)] },
      problem: 'too-long',
    },
    { name: 'a phrase with no letter', list: { symmetricWords: ['-->'] }, problem: 'no-letters' },
    {
      name: 'a phrase said by both sides',
      list: { blockerPhrases: ['blocks', 'Needs'], blockedPhrases: ['needs'] },
      problem: 'in-both-lists',
    },
    {
      name: 'more than 60 phrases in a list',
      list: { blockerPhrases: Array.from({ length: MAX_PHRASES + 1 }, (_, i) => `gates step ${String(i)}`) },
      problem: 'too-many',
    },
  ])('finds $name', ({ list, problem }) => {
    expect(checkBlockingWords(words(list)).problems.map((found) => found.problem)).toEqual([problem]);
  });

  it('trims phrases, folds spaces and drops repeats, whatever their case', () => {
    const checked = checkBlockingWords(
      words({ blockerPhrases: ['  is  triggering ', 'Is Triggering', 'blocks'] }),
    );
    expect(checked.problems).toEqual([]);
    expect(checked.words.blockerPhrases).toEqual(['is triggering', 'blocks']);
  });

  it('accepts the built-in list as it is', () => {
    expect(checkBlockingWords(DEFAULT_BLOCKING_WORDS)).toEqual({
      words: DEFAULT_BLOCKING_WORDS,
      problems: [],
    });
  });
});

describe('the settings resolvers on the demo site', () => {
  const demo = useDemoResolvers();
  const report = async () => {
    const result = await demo.resolvers['dependencies.report']({
      payload: {
        scope: { kind: 'jql', jql: 'project in (PAY, CHK, GRW, MOB, PLT, DAT)' },
        teamBy: 'project',
      },
      context: as(PRIYA),
    });
    return outcomeOf(result).report;
  };

  it('shows anyone how the link types read, and lets only a Jira administrator change the list', async () => {
    const seen = await demo.resolvers['dependencies.settings.get']({ payload: {}, context: as(PRIYA) });
    if (!seen.ok) throw new Error(seen.error.message);
    expect(seen.data.canEdit).toBe(false);
    // The demo's two blocking types of its five: Blocks ("blocks") and Dependency ("depends on").
    expect(seen.data.linkTypes.filter((type) => type.direction !== null).map((type) => type.name)).toEqual([
      'Blocks',
      'Dependency',
    ]);
    expect(seen.data.linkTypes).toHaveLength(5);
    const refused = await demo.resolvers['dependencies.settings.save']({
      payload: { words: DEFAULT_BLOCKING_WORDS },
      context: as(PRIYA),
    });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
    const admin = await demo.resolvers['dependencies.settings.get']({ payload: {}, context: as(ADMIN) });
    expect(admin.ok && admin.data.canEdit).toBe(true);
  });

  it('previews a site’s own wording as blocking before anything is saved', async () => {
    const preview = await demo.resolvers['dependencies.settings.preview']({
      payload: {
        words: words({ blockerPhrases: [...DEFAULT_BLOCKING_WORDS.blockerPhrases, 'relates to'] }),
      },
      context: as(PRIYA),
    });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.data.problems).toEqual([]);
    // "X relates to Y" now reads "X blocks Y".
    expect(preview.data.linkTypes.find((type) => type.name === 'Relates')?.direction).toBe('outward-blocks');
    const saved = await demo.resolvers['dependencies.settings.get']({ payload: {}, context: as(PRIYA) });
    expect(saved.ok && saved.data.words).toEqual(DEFAULT_BLOCKING_WORDS);
  });

  it('changes every report of the site once saved, and refuses a faulty list whole', async () => {
    const before = await report();
    expect(before.dependencies.some((d) => d.linkTypes.includes('Relates'))).toBe(false);
    // A site that means "needed by" when it says "relates to" (the demo relates issues of one team).
    const saved = await demo.resolvers['dependencies.settings.save']({
      payload: { words: words({ blockerPhrases: [...DEFAULT_BLOCKING_WORDS.blockerPhrases, 'relates to'] }) },
      context: as(ADMIN),
    });
    expect(saved.ok).toBe(true);
    const after = await report();
    const related = after.dependencies.filter((d) => d.linkTypes.includes('Relates'));
    expect(related.length).toBeGreaterThan(0);
    expect(after.totalDependencies).toBe(before.totalDependencies + related.length);
    expect(related.every((d) => !d.crossTeam)).toBe(true);

    const faulty = await demo.resolvers['dependencies.settings.save']({
      payload: {
        words: words({
          blockerPhrases: [...DEFAULT_BLOCKING_WORDS.blockerPhrases, 'relates to'],
          blockedPhrases: [...DEFAULT_BLOCKING_WORDS.blockedPhrases, 'relates to'],
        }),
      },
      context: as(ADMIN),
    });
    expect(faulty.ok ? 'ok' : faulty.error.code).toBe('INVALID_INPUT');
    expect((await report()).totalDependencies).toBe(after.totalDependencies);

    await demo.resolvers['dependencies.settings.save']({
      payload: { words: DEFAULT_BLOCKING_WORDS },
      context: as(ADMIN),
    });
    expect((await report()).totalDependencies).toBe(before.totalDependencies);
  });
  it('reads the risk rules product ops set: a reason turned off, a threshold changed, faults refused whole', async () => {
    const before = await report();
    const view = await demo.resolvers['dependencies.settings.get']({ payload: {}, context: as(ADMIN) });
    if (!view.ok) throw new Error(view.error.message);
    expect(view.data.riskRules).toEqual(DEFAULT_RISK_RULES);
    const watchedForNobody = before.dependencies.filter(
      (d) => d.risk === 'watch' && d.reasons.includes('unassigned'),
    );
    expect(watchedForNobody.length).toBeGreaterThan(0);

    const quiet = { ...DEFAULT_RISK_RULES, unassigned: { enabled: false, days: null } };
    const saved = await demo.resolvers['dependencies.settings.save']({
      payload: { words: DEFAULT_BLOCKING_WORDS, riskRules: quiet },
      context: as(ADMIN),
    });
    expect(saved.ok && saved.data.riskRules).toEqual(quiet);
    const after = await report();
    expect(after.dependencies.some((d) => d.reasons.includes('unassigned'))).toBe(false);
    // Nobody assigned is only a reason to watch: turned off, those dependencies stay to watch (the demo's
    // unassigned blockers are also not started) or become ok, and no conflict or risk moves.
    expect(after.counts.watch + after.counts.ok).toBe(before.counts.watch + before.counts.ok);
    expect([after.counts.conflict, after.counts['at-risk']]).toEqual([
      before.counts.conflict,
      before.counts['at-risk'],
    ]);

    // A threshold given to a reason that takes none, and one past a year: refused, the rules in force kept.
    for (const riskRules of [
      { ...quiet, unassigned: { enabled: true, days: 3 } },
      { ...quiet, stale: { enabled: true, days: 400 } },
    ]) {
      const refused = await demo.resolvers['dependencies.settings.save']({
        payload: { words: DEFAULT_BLOCKING_WORDS, riskRules },
        context: as(ADMIN),
      });
      expect(refused.ok ? 'ok' : refused.error.code).toBe('INVALID_INPUT');
    }
    // Saving the word list alone keeps the rules.
    await demo.resolvers['dependencies.settings.save']({
      payload: { words: DEFAULT_BLOCKING_WORDS },
      context: as(ADMIN),
    });
    const kept = await demo.resolvers['dependencies.settings.get']({ payload: {}, context: as(ADMIN) });
    expect(kept.ok && kept.data.riskRules).toEqual(quiet);

    const notAdmin = await demo.resolvers['dependencies.settings.save']({
      payload: { words: DEFAULT_BLOCKING_WORDS, riskRules: DEFAULT_RISK_RULES },
      context: as(PRIYA),
    });
    expect(notAdmin.ok ? 'ok' : notAdmin.error.code).toBe('FORBIDDEN');
    await demo.resolvers['dependencies.settings.save']({
      payload: { words: DEFAULT_BLOCKING_WORDS, riskRules: DEFAULT_RISK_RULES },
      context: as(ADMIN),
    });
    expect((await report()).counts).toEqual(before.counts);
  });
});
