import { Box } from '@atlaskit/primitives';
import { FindingsView } from './FindingsView';
import { WithIssueFindings } from './issue-findings';

/** The hygiene issue panel: this issue's findings, grouped by severity, with acknowledge. */
export default function IssuePanel() {
  return (
    <WithIssueFindings>
      {(findings, setFindings, reload) => (
        <Box padding="space.100" testId="hygiene-issue-panel">
          <FindingsView findings={findings} onChange={setFindings} onCheckAgain={reload} />
        </Box>
      )}
    </WithIssueFindings>
  );
}
