import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSONTransformer } from '@atlaskit/editor-json-transformer';
import { WikiMarkupTransformer } from '@atlaskit/editor-wikimarkup-transformer';
import { describe, expect, it } from 'vitest';
import { wordsUpTo } from '../../../src/hygiene/description/model';
import { countWords, describe as describeText } from '../../../src/hygiene/description/read';
import { DEFAULT_ORG_CONFIG, effectiveRules } from '../../../src/hygiene/config';
import { evaluateIssues } from '../../../src/hygiene/evaluate';
import { viewIssue } from '../../../src/hygiene/view';
import { adf, bold, bullets, h, p } from './issues';

/** Real descriptions: the first few hundred non-empty ones of the shared tidev dump (Jira wiki markup). */
function realDescriptions(count: number): string[] {
  const file = path.resolve(import.meta.dirname, '../../../..', 'shared', 'data', 'tidev', 'issues.jsonl.gz');
  const out: string[] = [];
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (line.length === 0) continue;
    const description = (JSON.parse(line) as { fields?: { description?: unknown } }).fields?.description;
    if (typeof description === 'string' && description.trim() !== '') out.push(description);
    if (out.length >= count) break;
  }
  return out;
}

/** Wiki markup as Jira Cloud serves it, converted to ADF with Atlassian's own transformer (as the sandbox does). */
const wikiParser = new WikiMarkupTransformer();
const encoder = new JSONTransformer();
const toAdf = (markup: string): unknown => encoder.encode(wikiParser.parse(markup));

const sixteenWords =
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen';

describe('counting a description only as far as a rule needs', () => {
  it.each([
    ['an empty ADF document', 1, 0, adf()],
    ['a short ADF paragraph', 15, 4, adf(p('Checkout fails on retry'))],
    [
      'ADF read up to the paragraph that reaches the limit',
      15,
      16,
      adf(p(sixteenWords), h(2, 'More'), p('not read')),
    ],
    [
      'ADF words across a heading, a label and a list',
      64,
      5,
      adf(h(2, 'Scope'), bold('Steps'), bullets('a b', 'c')),
    ],
    ['wiki markup read up to the line that reaches the limit', 15, 16, `${sixteenWords}\nh2. More\nnot read`],
    ['wiki markup without its markers', 64, 7, 'h5. Steps to reproduce\n# open the app\n*Expected*'],
    ['a description holding only spaces', 1, 0, '   \n\t '],
    ['no description', 1, 0, null],
  ])('%s: counted up to %i words gives %i', (_name, limit, words, value) => {
    expect(countWords(value, limit)).toBe(words);
  });

  it('fails on an unreadable description as the full reading does', () => {
    expect(() => countWords(42, 15)).toThrow('unreadable description (number)');
  });

  it('agrees with the full reading below the limit on real wiki and ADF descriptions', () => {
    const disagreements: string[] = [];
    for (const [index, markup] of realDescriptions(150).entries()) {
      for (const value of [markup, toAdf(markup)]) {
        const full = describeText(value);
        for (const limit of [1, 15, 64]) {
          const counted = countWords(value, limit);
          const capped = wordsUpTo(describeText(value), limit);
          const agrees = (n: number) => (full.words < limit ? n === full.words : n >= limit);
          if (!agrees(counted) || !agrees(capped))
            disagreements.push(
              `#${String(index)} limit ${String(limit)}: ${String(full.words)} vs ${String(counted)}`,
            );
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('gives the same findings whether a view counts the words or reads the blocks', () => {
    const rules = effectiveRules(DEFAULT_ORG_CONFIG);
    const issues = realDescriptions(60).flatMap((markup, n) =>
      ['Task', 'Bug', 'Story'].map((type) => ({
        key: `REAL-${String(n)}-${type}`,
        fields: {
          summary: 'A real description',
          issuetype: { name: type },
          description: n % 2 ? markup : toAdf(markup),
        },
      })),
    );
    const counted = issues.map((issue) => viewIssue(issue, {}, () => false));
    const read = issues.map((issue) => viewIssue(issue, {}));
    expect(
      counted.map((view) => [Math.min(view.descriptionWords(1), 1), Math.min(view.descriptionWords(15), 15)]),
    ).toEqual(
      read.map((view) => [Math.min(view.description.words, 1), Math.min(view.description.words, 15)]),
    );
    // The engine counts for tasks and reads blocks for stories and bugs; the findings are the full reading's.
    const findings = evaluateIssues(issues, { rules, fieldMap: {}, context: { now: 0 } }).flatMap((r) =>
      r.findings.filter((f) => f.rule.startsWith('description-')).map((f) => `${r.issue} ${f.rule}`),
    );
    const expected = issues.flatMap((issue) => {
      const words = describeText(issue.fields.description).words;
      if (words === 0) return [`${issue.key} description-missing`];
      return words < 15 ? [`${issue.key} description-too-short`] : [];
    });
    expect(findings).toEqual(expected);
  });
});
