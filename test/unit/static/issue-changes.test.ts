import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ISSUE_CHANGED_EVENT, watchIssueChanges, type Listen } from '../../../static/src/shell/issue-changes';

/** A stand-in for `events.on`: records the subscription and lets the test send events and answer late. */
function fakeBridge() {
  const bridge = {
    callback: undefined as ((payload?: unknown) => void) | undefined,
    event: undefined as string | undefined,
    unsubscribed: 0,
    answer: (): void => undefined,
  };
  const listen: Listen = (event, callback) => {
    bridge.event = event;
    bridge.callback = callback;
    return new Promise((resolve) => {
      bridge.answer = () => {
        resolve({
          unsubscribe: () => {
            bridge.unsubscribed += 1;
          },
        });
      };
    });
  };
  const send = (payload: unknown): void => {
    bridge.callback?.(payload);
  };
  return { bridge, listen, send };
}

const change = (issueId: string | number) => ({
  issueId,
  projectId: '10000',
  changes: [{ changeType: 'updated', atlassianId: 'a1' }],
});

describe('refreshing on Jira issue changes', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('listens to JIRA_ISSUE_CHANGED and reloads once after a burst of events for this issue has settled', async () => {
    const { bridge, listen, send } = fakeBridge();
    const reload = vi.fn();
    watchIssueChanges(listen, '10042', reload, 500);
    bridge.answer();
    await Promise.resolve();
    expect(bridge.event).toBe(ISSUE_CHANGED_EVENT);
    send(change('10042'));
    await vi.advanceTimersByTimeAsync(300);
    send(change(10042));
    await vi.advanceTimersByTimeAsync(300);
    expect(reload).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['another issue', change('10043')],
    ['a payload without an issue id', { changes: [] }],
    ['no payload at all', undefined],
  ])('ignores an event about %s', async (_name, payload) => {
    const { bridge, listen, send } = fakeBridge();
    const reload = vi.fn();
    watchIssueChanges(listen, '10042', reload, 500);
    bridge.answer();
    send(payload);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reload).not.toHaveBeenCalled();
  });

  it('stops listening when stopped, even before the bridge answered, and drops a pending reload', async () => {
    const early = fakeBridge();
    const stopEarly = watchIssueChanges(early.listen, '10042', vi.fn(), 500);
    stopEarly();
    early.bridge.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(early.bridge.unsubscribed).toBe(1);

    const late = fakeBridge();
    const reload = vi.fn();
    const stop = watchIssueChanges(late.listen, '10042', reload, 500);
    late.bridge.answer();
    await vi.advanceTimersByTimeAsync(0);
    late.send(change('10042'));
    stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(late.bridge.unsubscribed).toBe(1);
    expect(reload).not.toHaveBeenCalled();
  });

  it('stays quiet when the host has no such event', async () => {
    const reload = vi.fn();
    const stop = watchIssueChanges(() => Promise.reject(new Error('not emulated')), '10042', reload);
    await vi.advanceTimersByTimeAsync(1000);
    stop();
    expect(reload).not.toHaveBeenCalled();
  });
});
