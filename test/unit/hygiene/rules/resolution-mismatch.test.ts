import { describe, expect, it } from 'vitest';
import { check, DONE, status, TO_DO } from '../issues';

describe('resolution-mismatch', () => {
  it.each([
    [
      'flags a done issue with no resolution',
      { status: DONE, resolution: null },
      '"done" (done) but has no resolution',
    ],
    [
      'flags a reopened issue still resolved',
      { status: status('Reopened', 'new'), resolution: { name: 'Fixed' } },
      'resolved as "Fixed"',
    ],
    ['flags an in-progress issue with a resolution', { resolution: { name: "Won't Do" } }, "Won't Do"],
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
    const message = check('resolution-mismatch', fields);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toContain(expected);
  });
});
