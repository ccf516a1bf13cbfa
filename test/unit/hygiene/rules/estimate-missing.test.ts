import { describe, expect, it } from 'vitest';
import { says, DONE, TO_DO, type } from '../issues';

describe('estimate-missing', () => {
  it.each([
    [
      'flags an in-progress story with no story points',
      { customfield_10016: null },
      { id: 'estimate-missing.in-progress', params: {} },
    ],
    [
      'flags a to-do task in the open sprint',
      { issuetype: type('Task'), status: TO_DO, customfield_10016: null },
      { id: 'estimate-missing.open-sprint', params: { sprint: 'PAY Sprint 12' } },
    ],
    [
      'ignores a to-do story only in future sprints',
      {
        status: TO_DO,
        customfield_10016: null,
        customfield_10020: [{ id: 9, name: 'S13', state: 'future' }],
      },
      null,
    ],
    ['accepts zero points as an estimate', { customfield_10016: 0 }, null],
    [
      'accepts an original time estimate instead of points',
      { customfield_10016: null, timeoriginalestimate: 14400 },
      null,
    ],
    ['ignores bugs by default', { issuetype: type('Bug'), customfield_10016: null }, null],
    ['ignores done stories', { status: DONE, customfield_10016: null }, null],
    [
      'reads the legacy sprint string format',
      {
        status: TO_DO,
        customfield_10016: null,
        customfield_10020: [
          'com.atlassian.greenhopper.service.sprint.Sprint@1a[id=3,rapidViewId=1,state=ACTIVE,name=Mobile 4,startDate=2026-11-10]',
        ],
      },
      { id: 'estimate-missing.open-sprint', params: { sprint: 'Mobile 4' } },
    ],
  ])('%s', (_name, fields, expected) => {
    expect(says('estimate-missing', fields)).toEqual(expected);
  });
});
