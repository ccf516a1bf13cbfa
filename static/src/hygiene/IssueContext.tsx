import Badge from '@atlaskit/badge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { IssueFindings } from '@contract/hygiene';
import { useT } from '../shell/i18n';
import { FindingsView } from './FindingsView';
import { WithIssueFindings } from './issue-findings';

/**
 * The issue context: a count badge ("3 hygiene warnings"); Jira shows it in the collapsed context item (through
 * the hygiene-badge dynamic properties) and this body when the item is opened.
 */
export default function IssueContext() {
  return (
    <WithIssueFindings>
      {(findings, setFindings, reload) => (
        <Body findings={findings} onChange={setFindings} onCheckAgain={reload} />
      )}
    </WithIssueFindings>
  );
}

/** The badge and the findings; acknowledging one lowers the count at once. */
function Body({
  findings,
  onChange,
  onCheckAgain,
}: {
  findings: IssueFindings;
  onChange: (next: IssueFindings) => void;
  onCheckAgain: () => void;
}) {
  const t = useT();
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
        <FindingsView findings={findings} onChange={onChange} onCheckAgain={onCheckAgain} />
      </Stack>
    </Box>
  );
}
