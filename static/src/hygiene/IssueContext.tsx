import Badge from '@atlaskit/badge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { IssueFindings } from '../../../src/contract/hygiene';
import { useProductContext } from '../shell/context';
import { useT } from '../shell/i18n';
import { useResolver } from '../shell/invoke';
import { Loading } from '../shell/placeholders';
import { FindingsView } from './FindingsView';

/**
 * The issue context: a count badge ("3 hygiene warnings"); Jira shows it in the collapsed context item (through
 * the hygiene-badge dynamic properties) and this body when the item is opened.
 */
export default function IssueContext() {
  const { extension } = useProductContext();
  const issueKey = extension.issue?.key ?? '';
  const loaded = useResolver('hygiene.issueFindings', { issueKey });
  if (loaded.data === undefined) return loaded.loading ? <Loading /> : null;
  return <Body key={JSON.stringify(loaded.data)} initial={loaded.data} />;
}

/** Holds the findings as acknowledging changes them, starting from what the resolver answered. */
function Body({ initial }: { initial: IssueFindings }) {
  const t = useT();
  const [findings, setFindings] = useState<IssueFindings>(initial);
  const open = findings.findings.filter((f) => f.kind === 'violation').length;
  const label =
    open === 0
      ? t('hygiene.badge.none')
      : open === 1
        ? t('hygiene.badge.one')
        : t('hygiene.badge.count', { count: open });
  return (
    <Box padding="space.100" testId="hygiene-issue-context">
      <Stack space="space.150">
        <Inline space="space.100" alignBlock="center">
          <Badge appearance={open === 0 ? 'default' : 'important'} testId="hygiene-badge">
            {open}
          </Badge>
          <Text testId="hygiene-badge-label">{label}</Text>
        </Inline>
        <FindingsView findings={findings} onChange={setFindings} />
      </Stack>
    </Box>
  );
}
