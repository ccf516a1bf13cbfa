import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { ModalTransition } from '@atlaskit/modal-dialog';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { IssueFindings, PanelFinding } from '@contract/hygiene';
import { useFailureFlag, useSuccessFlag } from '../shell/flags';
import { FormDialog } from '../shell/form-dialog';
import { useT, type MessageKey } from '../shell/i18n';
import { useFindingText, useRuleText } from './rule-words';
import { useProductContext } from '../shell/context';
import { callResolver } from '../shell/invoke';
import { siteLink } from '../shell/product-context';

const SEVERITIES = ['error', 'warning', 'info'] as const;
const GROUP_TITLE: Record<(typeof SEVERITIES)[number], MessageKey> = {
  error: 'hygiene.severity.error',
  warning: 'hygiene.severity.warning',
  info: 'hygiene.severity.info',
};
const LOZENGE: Record<(typeof SEVERITIES)[number], 'removed' | 'moved' | 'default'> = {
  error: 'removed',
  warning: 'moved',
  info: 'default',
};

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function AcknowledgeDialog({
  issueKey,
  finding,
  onClose,
  onDone,
}: {
  issueKey: string;
  finding: PanelFinding;
  onClose: () => void;
  onDone: (findings: IssueFindings) => void;
}) {
  const t = useT();
  const showFailure = useFailureFlag();
  const showSuccess = useSuccessFlag();
  const ruleText = useRuleText();
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState(inDays(14));
  const [busy, setBusy] = useState(false);
  const submit = () => {
    setBusy(true);
    callResolver('hygiene.acknowledge', { issueKey, rule: finding.rule, reason, expires }).then(
      (findings) => {
        showSuccess(t('hygiene.ack.done'));
        onDone(findings);
      },
      (error: unknown) => {
        setBusy(false);
        showFailure(error);
      },
    );
  };
  return (
    <FormDialog
      title={t('hygiene.ack.title', { rule: ruleText(finding.rule, finding).title })}
      testId="hygiene-ack-dialog"
      onClose={onClose}
      cancelLabel={t('hygiene.ack.cancel')}
      submitLabel={t('hygiene.ack.submit')}
      submitTestId="hygiene-ack-submit"
      onSubmit={submit}
      isSubmitDisabled={busy || reason.trim().length < 3}
    >
      <label htmlFor="hygiene-ack-reason">
        <Text weight="bold">{t('hygiene.ack.reason')}</Text>
      </label>
      <TextArea
        id="hygiene-ack-reason"
        testId="hygiene-ack-reason"
        value={reason}
        onChange={(event) => {
          setReason(event.currentTarget.value);
        }}
      />
      <Text size="small" color="color.text.subtle">
        {t('hygiene.ack.reasonHelp')}
      </Text>
      <label htmlFor="hygiene-ack-expires">
        <Text weight="bold">{t('hygiene.ack.expires')}</Text>
      </label>
      <Textfield
        id="hygiene-ack-expires"
        testId="hygiene-ack-expires"
        type="date"
        value={expires}
        onChange={(event) => {
          setExpires(event.currentTarget.value);
        }}
      />
    </FormDialog>
  );
}

/** A small subtle line led by a bold label ("Why it matters: …"). */
function Labelled({ label, children }: { label: string; children: string }) {
  return (
    <Text size="small" color="color.text.subtle">
      <Text weight="bold" size="small">
        {label}:{' '}
      </Text>
      {children}
    </Text>
  );
}

function FindingCard({
  finding,
  onAcknowledge,
}: {
  finding: PanelFinding;
  onAcknowledge?: (() => void) | undefined;
}) {
  const t = useT();
  const text = useRuleText()(finding.rule, finding);
  const says = useFindingText()(finding);
  const { siteUrl } = useProductContext();
  return (
    <Box
      testId={`hygiene-finding-${finding.rule}`}
      padding="space.150"
      style={{ border: `1px solid ${token('color.border')}`, borderRadius: 4 }}
    >
      <Stack space="space.075">
        <Inline space="space.100" alignBlock="center">
          <Lozenge appearance={LOZENGE[finding.severity]}>
            {finding.kind === 'not-evaluated'
              ? t('hygiene.finding.notEvaluated')
              : t(`hygiene.severity.one.${finding.severity}`)}
          </Lozenge>
          <Text weight="bold">{text.title}</Text>
        </Inline>
        <Text testId={`hygiene-finding-${finding.rule}-message`}>{says}</Text>
        <Labelled label={t('hygiene.finding.why')}>{text.rationale}</Labelled>
        <Labelled label={t('hygiene.finding.fix')}>{text.fixHint}</Labelled>
        <Inline space="space.100" alignBlock="center">
          {finding.processUrl !== null && (
            <a href={siteLink(siteUrl, finding.processUrl)} target="_blank" rel="noreferrer">
              {t('hygiene.finding.process')}
            </a>
          )}
          {onAcknowledge !== undefined && finding.kind === 'violation' && (
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={onAcknowledge}
              testId={`hygiene-ack-${finding.rule}`}
            >
              {t('hygiene.finding.acknowledge')}
            </Button>
          )}
        </Inline>
      </Stack>
    </Box>
  );
}

/** The findings of one issue grouped by severity, acknowledged ones apart, or the all-clear. */
export function FindingsView({
  findings,
  onChange,
  onCheckAgain,
}: {
  findings: IssueFindings;
  onChange: (next: IssueFindings) => void;
  /** Loads the findings again after the viewer's own edit. */
  onCheckAgain?: () => void;
}) {
  const t = useT();
  const showFailure = useFailureFlag();
  const ruleText = useRuleText();
  const [acknowledging, setAcknowledging] = useState<PanelFinding | undefined>(undefined);
  const withdraw = (rule: string) => {
    callResolver('hygiene.withdrawAcknowledgement', { issueKey: findings.issue, rule }).then(
      onChange,
      showFailure,
    );
  };
  return (
    <Stack space="space.200" testId="hygiene-findings">
      <Inline space="space.100" alignBlock="center" spread="space-between">
        <Heading size="small">{t('hygiene.panel.heading', { key: findings.issue })}</Heading>
        <Inline space="space.100" alignBlock="center">
          <Text testId="hygiene-score">{t('hygiene.panel.score', { score: findings.score })}</Text>
          {onCheckAgain !== undefined && (
            <Button appearance="subtle" spacing="compact" testId="hygiene-check-again" onClick={onCheckAgain}>
              {t('hygiene.panel.checkAgain')}
            </Button>
          )}
        </Inline>
      </Inline>
      {findings.findings.length === 0 && (
        <EmptyState
          testId="hygiene-all-clear"
          headingLevel={3}
          header={t('hygiene.panel.allClear.title')}
          description={t('hygiene.panel.allClear.description')}
        />
      )}
      {SEVERITIES.map((severity) => {
        const group = findings.findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <Stack key={severity} space="space.100" testId={`hygiene-group-${severity}`}>
            <Heading size="xsmall">{`${t(GROUP_TITLE[severity])} (${String(group.length)})`}</Heading>
            {group.map((finding) => (
              <FindingCard
                key={finding.rule}
                finding={finding}
                onAcknowledge={() => {
                  setAcknowledging(finding);
                }}
              />
            ))}
          </Stack>
        );
      })}
      {findings.acknowledged.length > 0 && (
        <SectionMessage
          appearance="information"
          title={t('hygiene.acknowledged.heading', { count: findings.acknowledged.length })}
          testId="hygiene-acknowledged"
        >
          <Stack space="space.100">
            {findings.acknowledged.map((finding) => (
              <Inline key={finding.rule} space="space.100" alignBlock="center" shouldWrap>
                <Text weight="bold">{ruleText(finding.rule, finding).title}</Text>
                <Text size="small">
                  {t('hygiene.acknowledged.by', {
                    reason: finding.acknowledgement?.reason ?? '',
                    expires: (finding.acknowledgement?.expires ?? '').slice(0, 10),
                  })}
                </Text>
                <Button
                  appearance="subtle"
                  spacing="compact"
                  onClick={() => {
                    withdraw(finding.rule);
                  }}
                >
                  {t('hygiene.finding.withdraw')}
                </Button>
              </Inline>
            ))}
          </Stack>
        </SectionMessage>
      )}
      <ModalTransition>
        {acknowledging !== undefined && (
          <AcknowledgeDialog
            issueKey={findings.issue}
            finding={acknowledging}
            onClose={() => {
              setAcknowledging(undefined);
            }}
            onDone={(next) => {
              setAcknowledging(undefined);
              onChange(next);
            }}
          />
        )}
      </ModalTransition>
    </Stack>
  );
}
