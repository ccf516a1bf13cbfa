import { Box } from '@atlaskit/primitives';
import { useState } from 'react';
import type { IssueFindings } from '../../../src/contract/hygiene';
import { useProductContext } from '../shell/context';
import { useResolver } from '../shell/invoke';
import { Loading } from '../shell/placeholders';
import { FindingsView } from './FindingsView';

/** The hygiene issue panel: this issue's findings, grouped by severity, with acknowledge. */
export default function IssuePanel() {
  const { extension } = useProductContext();
  const issueKey = extension.issue?.key ?? '';
  const loaded = useResolver('hygiene.issueFindings', { issueKey });
  if (loaded.data === undefined) return loaded.loading ? <Loading /> : null;
  return <Body key={JSON.stringify(loaded.data)} initial={loaded.data} />;
}

/** Holds the findings as acknowledging changes them, starting from what the resolver answered. */
function Body({ initial }: { initial: IssueFindings }) {
  const [findings, setFindings] = useState<IssueFindings>(initial);
  return (
    <Box padding="space.100" testId="hygiene-issue-panel">
      <FindingsView findings={findings} onChange={setFindings} />
    </Box>
  );
}
