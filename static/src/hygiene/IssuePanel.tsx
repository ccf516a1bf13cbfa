import { Box } from '@atlaskit/primitives';
import { useEffect, useState } from 'react';
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
  const [findings, setFindings] = useState<IssueFindings | undefined>(undefined);
  useEffect(() => {
    setFindings(loaded.data);
  }, [loaded.data]);
  if (findings === undefined) return loaded.loading ? <Loading /> : null;
  return (
    <Box padding="space.100" testId="hygiene-issue-panel">
      <FindingsView findings={findings} onChange={setFindings} />
    </Box>
  );
}
