import { events } from '@forge/bridge';
import { useEffect, useRef } from 'react';
import { watchIssueChanges, type Listen } from './issue-changes';

const listen: Listen = (event, callback) => events.on(event, callback);

/**
 * Calls `onChange` after the issue `issueId` is edited (Jira's JIRA_ISSUE_CHANGED, bursts folded into one call),
 * for as long as the component is mounted. No issue id, no subscription.
 */
export function useIssueChanges(issueId: string | undefined, onChange: () => void): void {
  // The latest callback, so a new function each render does not resubscribe.
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    if (issueId === undefined || issueId === '') return undefined;
    return watchIssueChanges(listen, issueId, () => {
      latest.current();
    });
  }, [issueId]);
}
