import { useState, type ReactNode } from 'react';
import type { IssueFindings } from '@contract/hygiene';
import { useProductContext } from '../shell/context';
import { useResolver } from '../shell/invoke';
import { WhenLoaded } from '../shell/placeholders';
import { useIssueChanges } from '../shell/use-issue-changes';

type Render = (
  findings: IssueFindings,
  setFindings: (next: IssueFindings) => void,
  /** Loads the findings again (the "Check again" button: Jira sends no event for the viewer's own edits). */
  reload: () => void,
) => ReactNode;

/**
 * Loads the findings of the issue in the context and holds them as acknowledging changes them (the issue panel
 * and the issue context both show them); a new answer from the resolver starts over from it. When the issue is
 * edited (Jira's JIRA_ISSUE_CHANGED) the findings load again, and the current ones stay on screen meanwhile.
 * Jira sends that event to everyone on the issue but the person who made the edit: for them, "Check again".
 */
export function WithIssueFindings({ children }: { children: Render }) {
  const { extension } = useProductContext();
  const issueKey = extension.issue?.key ?? '';
  const loaded = useResolver('hygiene.issueFindings', { issueKey });
  useIssueChanges(extension.issue?.id, loaded.reload);
  return (
    <WhenLoaded state={loaded}>
      {(data) => <Held key={JSON.stringify(data)} initial={data} render={children} reload={loaded.reload} />}
    </WhenLoaded>
  );
}

function Held({ initial, render, reload }: { initial: IssueFindings; render: Render; reload: () => void }) {
  const [findings, setFindings] = useState<IssueFindings>(initial);
  return render(findings, setFindings, reload);
}
