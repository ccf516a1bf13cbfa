import { describe, expect, it } from 'vitest';
import { says, DONE, status, TO_DO } from '../issues';

describe('resolution-mismatch', () => {
  it.each([
    [
      'flags a done issue with no resolution',
      { status: DONE, resolution: null },
      { id: 'resolution-mismatch.done-unresolved', params: { status: 'done' } },
    ],
    [
      'flags a reopened issue still resolved',
      { status: status('Reopened', 'new'), resolution: { name: 'Fixed' } },
      { id: 'resolution-mismatch.open-resolved', params: { status: 'reopened', resolution: 'Fixed' } },
    ],
    [
      'flags an in-progress issue with a resolution',
      { resolution: { name: "Won't Do" } },
      { id: 'resolution-mismatch.open-resolved', params: { status: 'in progress', resolution: "Won't Do" } },
    ],
    [
      'accepts a closed issue resolved as fixed',
      { status: status('Closed', 'done'), resolution: { name: 'Fixed' } },
      null,
    ],
    ['accepts an open issue with no resolution', { status: TO_DO }, null],
    [
      'stays silent when the status category is unknown',
      { status: { name: 'Weird' }, resolution: null },
      null,
    ],
  ])('%s', (_name, fields, expected) => {
    expect(says('resolution-mismatch', fields)).toEqual(expected);
  });
});
