import { describe, expect, it } from 'vitest';
import { draftProblems, serverProblems, type GateDraft } from '../../../static/src/hygiene/gate-draft';

describe('the gate form, before saving', () => {
  it.each<{ name: string; draft: GateDraft; problems: ReturnType<typeof draftProblems> }>([
    {
      name: 'a gate that is off needs nothing chosen',
      draft: { enabled: false, statuses: [], rules: [] },
      problems: {},
    },
    {
      name: 'a gate turned on with nothing chosen asks for a status and a rule',
      draft: { enabled: true, statuses: [], rules: [] },
      problems: { statuses: 'needsStatus', rules: 'needsRule' },
    },
    {
      name: 'a gate with a status but no rule asks for a rule',
      draft: { enabled: true, statuses: ['10001'], rules: [] },
      problems: { rules: 'needsRule' },
    },
    {
      name: 'a gate with a status and a rule may be saved',
      draft: { enabled: true, statuses: ['10001'], rules: ['assignee-missing'] },
      problems: {},
    },
  ])('$name', ({ draft, problems }) => {
    expect(draftProblems(draft)).toEqual(problems);
  });
});

describe('a refused save, shown under its fields', () => {
  it.each([
    {
      name: "puts the server's words under the field each problem names",
      details: {
        problems: [
          { field: 'statuses', message: "Status 424242 is not in this project's workflows." },
          { field: 'rules', message: 'Choose at least one rule that must pass.' },
        ],
      },
      shown: {
        statuses: "Status 424242 is not in this project's workflows.",
        rules: 'Choose at least one rule that must pass.',
      },
    },
    { name: 'shows nothing under the fields when the refusal names none', details: undefined, shown: {} },
  ])('$name', ({ details, shown }) => {
    expect(serverProblems(details)).toEqual(shown);
  });
});
