import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES } from '../../../src/hygiene/rules';
import { RULE_LANGUAGES } from '../../../src/hygiene/words';

const root = path.resolve(import.meta.dirname, '../../..');
const names = (dir: string, ext: string) =>
  readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith(ext) && f !== `index${ext}`)
    .map((f) => f.slice(0, -ext.length))
    .sort();

/**
 * The ids promised in issue 3: removing or renaming one breaks saved configs and JQL on the entity property. A new
 * rule need not be added here; a promised one may never leave.
 */
const PROMISED = [
  'description-missing',
  'description-too-short',
  'acceptance-criteria-missing',
  'acceptance-criteria-vague',
  'assignee-missing',
  'estimate-missing',
  'parent-missing',
  'stale-in-progress',
  'long-in-progress',
  'due-date-passed',
  'resolution-mismatch',
  'blocked-without-link',
  'blocker-resolved',
  'bug-missing-repro',
  'sprint-carry-over',
  'summary-placeholder',
  'epic-empty',
];

describe('the rule registry', () => {
  it('still holds every promised rule id', () => {
    expect(RULE_IDS).toEqual(expect.arrayContaining(PROMISED));
  });
  it('has exactly one rule file per registered rule, named after its id', () => {
    expect(names('src/hygiene/rules', '.ts')).toEqual([...RULE_IDS].sort());
  });
  it('has exactly one table test per rule', () => {
    expect(names('test/unit/hygiene/rules', '.test.ts')).toEqual([...RULE_IDS].sort());
  });
  it('has exactly one doc per rule', () => {
    expect(names('docs/hygiene', '.md')).toEqual([...RULE_IDS].sort());
  });
  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    'gives %s its words in every language, translated',
    (_id, rule) => {
      for (const language of RULE_LANGUAGES) {
        const text = rule.words[language];
        for (const part of [text.title, text.agreement, text.rationale, text.fixHint])
          expect(part.trim().length).toBeGreaterThan(3);
      }
      expect(rule.words.fr.title).not.toBe(rule.words.en.title);
      expect(rule.words.fr.rationale).not.toBe(rule.words.en.rationale);
      expect(Object.keys(rule.words.fr.messages)).toEqual(Object.keys(rule.words.en.messages));
    },
  );
  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    'names each option of %s on the settings pages, in every language',
    (_id, rule) => {
      const keys = Object.keys(rule.options.parse({})).sort();
      for (const language of RULE_LANGUAGES)
        expect(Object.keys(rule.words[language].options).sort()).toEqual(keys);
    },
  );
  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    'documents %s with its title and every option',
    (id, rule) => {
      const doc = readFileSync(path.join(root, 'docs/hygiene', `${id}.md`), 'utf8');
      expect(doc).toContain(`\`${id}\``);
      expect(doc).toContain(rule.title);
      for (const option of Object.keys(rule.options.parse({}))) expect(doc).toContain(`\`${option}\``);
      expect(doc).not.toContain('<!-- details -->');
    },
  );
  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    'says in the doc of %s whether the evidence measures it, as the rule declares',
    (id, rule) => {
      const doc = readFileSync(path.join(root, 'docs/hygiene', `${id}.md`), 'utf8');
      expect(doc).toContain('## Evidence');
      expect(doc.includes('Not measurable on resolved issues')).toBe(rule.evidence === undefined);
    },
  );
  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    'gives %s a rationale, a fix hint and working defaults',
    (_id, rule) => {
      expect(rule.rationale.length).toBeGreaterThan(20);
      expect(rule.fixHint.length).toBeGreaterThan(10);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(() => rule.options.parse({})).not.toThrow();
    },
  );
});
