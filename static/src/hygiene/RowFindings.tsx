import Lozenge from '@atlaskit/lozenge';
import { Inline } from '@atlaskit/primitives';
import type { ReportRow } from '@contract/hygiene';
import { useFindingText } from './finding-text';

const APPEARANCE = { error: 'removed', warning: 'moved', info: 'default' } as const;

/**
 * The findings of one report row: a lozenge per rule, coloured by severity, acknowledged ones apart with a check
 * mark. The rule's id names it; hovering says what it found, in the reader's language.
 */
export function RowFindings({ row }: { row: Pick<ReportRow, 'findings' | 'acknowledged'> }) {
  const says = useFindingText();
  return (
    <Inline space="space.050" shouldWrap>
      {row.findings.map((finding) => (
        <span key={finding.rule} title={says(finding)} data-testid="hygiene-report-finding">
          <Lozenge appearance={APPEARANCE[finding.severity]}>{finding.rule}</Lozenge>
        </span>
      ))}
      {row.acknowledged.map((finding) => (
        <span key={`ack-${finding.rule}`} title={says(finding)} data-testid="hygiene-report-acknowledged">
          <Lozenge appearance="success">{`${finding.rule} ✓`}</Lozenge>
        </span>
      ))}
    </Inline>
  );
}
