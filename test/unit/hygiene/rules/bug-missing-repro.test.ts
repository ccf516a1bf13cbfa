import { describe, expect, it } from 'vitest';
import { adf, bold, says, h, lines, numbered, p, type } from '../issues';

const bug = (description: unknown) => ({ issuetype: type('Bug'), description });

describe('bug-missing-repro', () => {
  it.each([
    [
      'accepts an ADF bug with the three headings',
      bug(
        adf(
          h(3, 'Steps to reproduce'),
          numbered('Open checkout', 'Pay'),
          h(3, 'Expected result'),
          p('Receipt'),
          h(3, 'Actual result'),
          p('Error 500'),
        ),
      ),
      null,
    ],
    [
      'flags a bug that only describes the symptom',
      bug(adf(p('Checkout crashes on Android when paying with a saved card.'))),
      { id: 'bug-missing-repro', params: { missing: 7 } },
    ],
    [
      'accepts "Expected:" and "Actual:" lines',
      bug(
        adf(bold('Steps'), numbered('Open app'), p('Expected: the list loads'), p('Actual: spinner forever')),
      ),
      null,
    ],
    [
      "flags a template's empty skeleton: headings with nothing under them",
      bug(adf(h(3, 'Steps to reproduce'), h(3, 'Expected result'), h(3, 'Actual result'))),
      { id: 'bug-missing-repro', params: { missing: 7 } },
    ],
    [
      'flags only the empty part of a report, empty labels included',
      bug('*Steps to reproduce*\n# build\n*Expected:*\n\n*Actual behavior*\ncrash'),
      { id: 'bug-missing-repro', params: { missing: 2 } },
    ],
    [
      'reads the text under a deeper heading as the section',
      bug(
        adf(
          h(2, 'Steps to reproduce'),
          h(3, 'On Android'),
          numbered('Open app'),
          h(2, 'Expected'),
          p('Loads'),
          h(2, 'Actual'),
          p('Spinner'),
        ),
      ),
      null,
    ],
    [
      'names only what is missing',
      bug(adf(h(2, 'Steps to reproduce'), numbered('Open app'), p('Expected: loads'))),
      { id: 'bug-missing-repro', params: { missing: 4 } },
    ],
    [
      'reads a real Titanium-style wiki-markup report',
      bug(
        'h5. Steps to Reproduce\n# Create a default app\n# Run on iOS 14\n\nh5. Expected Result\nApp launches\n\nh5. Actual Result\nApp crashes',
      ),
      null,
    ],
    [
      'reads bold wiki labels',
      bug('*Steps to reproduce*\n# build\n*Expected behavior*\nworks\n*Actual behavior*\ncrash'),
      null,
    ],
    [
      'accepts French headings',
      bug(
        adf(
          h(3, 'Étapes'),
          numbered('Ouvrir'),
          h(3, 'Résultat attendu'),
          p('ok'),
          h(3, 'Résultat obtenu'),
          p('ko'),
        ),
      ),
      null,
    ],
    [
      'reads parts written on consecutive lines of one wiki paragraph',
      bug('Steps to reproduce: open checkout, pay\nExpected: the receipt shows\nActual: error 500'),
      null,
    ],
    [
      'reads a report like AC-6185: numbered steps as lines, then "Expected behavior:" and "Actual behavior:"',
      bug(
        'Steps to reproduce:\n1) Open Studio\n2) Create a project\nExpected behavior: the project opens\nActual behavior: an error dialog',
      ),
      null,
    ],
    [
      'reads parts separated by hard breaks in one ADF paragraph',
      bug(adf(lines('Steps to reproduce: open checkout', 'Expected: the receipt', 'Actual: error 500'))),
      null,
    ],
    [
      'reads parts written as list items',
      bug('- Steps: open checkout and pay\n- Expected: the receipt\n- Actual: error 500'),
      null,
    ],
    [
      'reads an empty label whose text is on the next line',
      bug(
        adf(lines('Steps to reproduce: open checkout', 'Expected:', 'the receipt', 'Actual:', 'error 500')),
      ),
      null,
    ],
    [
      "flags a skeleton written as lines: each label's next line is the next label",
      bug('Steps to reproduce:\nExpected:\nActual:'),
      { id: 'bug-missing-repro', params: { missing: 7 } },
    ],
    [
      'flags the part missing from a multi-line report',
      bug('Steps to reproduce: open checkout\nExpected: the receipt'),
      { id: 'bug-missing-repro', params: { missing: 4 } },
    ],
    ['ignores stories', { description: adf(p('no steps here')) }, null],
  ])('%s', (_name, fields, expected) => {
    expect(says('bug-missing-repro', fields)).toEqual(expected);
  });
});
