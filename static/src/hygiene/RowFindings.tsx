import Lozenge from '@atlaskit/lozenge';
import { Inline } from '@atlaskit/primitives';
import type { ReportRow } from '@contract/hygiene';
import { useFindingText, useRuleText } from './rule-words';

const APPEARANCE = { error: 'removed', warning: 'moved', info: 'default' } as const;

/**
 * The findings of one report row: a lozenge per rule, coloured by severity, acknowledged ones apart with a check
 * mark. The rule's title names it; hovering says what it found, both in the reader's language.
 */
export function RowFindings({ row }: { row: Pick<ReportRow, 'findings' | 'acknowledged'> }) {
  const says = useFindingText();
  const ruleText = useRuleText();
  return (
    <Inline space="space.050" shouldWrap>
      {row.findings.map((finding) => (
        <span
          key={finding.rule}
          title={says(finding)}
          data-rule={finding.rule}
          data-testid="hygiene-report-finding"
        >
          <Lozenge appearance={APPEARANCE[finding.severity]}>{ruleText(finding.rule).title}</Lozenge>
        </span>
      ))}
      {row.acknowledged.map((finding) => (
        <span
          key={`ack-${finding.rule}`}
          title={says(finding)}
          data-rule={finding.rule}
          data-testid="hygiene-report-acknowledged"
        >
          <Lozenge appearance="success">{`${ruleText(finding.rule).title} ✓`}</Lozenge>
        </span>
      ))}
    </Inline>
  );
}
