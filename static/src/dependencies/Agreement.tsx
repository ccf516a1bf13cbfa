import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { Agreement, AgreementStatus, Dependency } from '@contract/dependency-report';
import { failureMessage } from '../shell/failure-flag';
import { useT } from '../shell/i18n';
import { callResolver, ResolverFailure } from '../shell/invoke';

const STATUS_APPEARANCE = {
  asked: 'inprogress',
  committed: 'success',
  declined: 'moved',
  broken: 'removed',
} as const satisfies Record<AgreementStatus, string>;

/** What the user is filling in: the blocked team asks, the blocker's team commits or declines. */
type Action = 'ask' | 'commit' | 'decline';

/** The most a decline reason may hold, as the service keeps it. */
const MAX_REASON = 500;

/** The agreement as text: its status, the days and the reason of a decline. */
function AgreementSummary({ agreement }: { agreement: Agreement | null | undefined }) {
  const t = useT();
  if (!agreement) return <Text color="color.text.subtlest">{t('dependencies.agreement.none')}</Text>;
  const parts = [
    agreement.neededBy === null ? null : t('dependencies.agreement.neededBy', { day: agreement.neededBy }),
    agreement.committedBy === null
      ? null
      : t('dependencies.agreement.committedBy', { day: agreement.committedBy }),
    agreement.declined === null
      ? null
      : t('dependencies.agreement.declinedBecause', { reason: agreement.declined }),
  ].filter((part) => part !== null);
  return (
    <Inline space="space.075" alignBlock="center" shouldWrap>
      <Lozenge appearance={STATUS_APPEARANCE[agreement.status]}>
        {t(`dependencies.agreement.status.${agreement.status}`)}
      </Lozenge>
      <Text size="small">{parts.join(' · ')}</Text>
    </Inline>
  );
}

/** Why what was typed cannot be sent, or null; the service checks the same and whether the day has passed. */
function problemOf(action: Action, value: string): 'day' | 'reason' | null {
  if (action === 'decline') {
    const reason = value.replace(/\s+/g, ' ').trim();
    return reason === '' || reason.length > MAX_REASON ? 'reason' : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? 'day' : null;
}

/**
 * A dependency's agreement with the actions on it: ask (the blocked team), commit or decline (the blocker's
 * team), each in a small inline form. Jira decides who may: the answer's message says so when it refuses.
 * Nothing is offered on a dependency with a side the user may not see.
 */
export function AgreementCell({ dependency }: { dependency: Dependency }) {
  const t = useT();
  const [agreement, setAgreement] = useState<Agreement | null>(dependency.agreement ?? null);
  const [action, setAction] = useState<Action | null>(null);
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { blocker, blocked } = dependency;
  if (blocker === null || blocked === null) return null;
  const testId = `agreement-${blocker.key}-${blocked.key}`;
  const problem = action === null ? null : problemOf(action, value);

  const open = (next: Action) => {
    setAction(next);
    setValue('');
    setTouched(false);
    setRefusal(null);
  };
  const submit = () => {
    setTouched(true);
    if (action === null || problem !== null) return;
    const change =
      action === 'ask'
        ? ({ kind: 'ask', neededBy: value } as const)
        : action === 'commit'
          ? ({ kind: 'commit', committedBy: value } as const)
          : ({ kind: 'decline', reason: value } as const);
    setSaving(true);
    callResolver('dependencies.agree', { blockerKey: blocker.key, blockedKey: blocked.key, change })
      .then(
        (saved) => {
          setAgreement(saved.agreement);
          setAction(null);
        },
        (error: unknown) => {
          setRefusal(
            error instanceof ResolverFailure ? failureMessage(t, error) : t('dependencies.agreement.failed'),
          );
        },
      )
      .finally(() => {
        setSaving(false);
      });
  };

  return (
    <Stack space="space.075" testId={testId}>
      <AgreementSummary agreement={agreement} />
      {action === null ? (
        <Inline space="space.050" shouldWrap>
          {(['ask', 'commit', 'decline'] as const).map((next) => (
            <Button
              key={next}
              appearance="subtle"
              spacing="compact"
              testId={`${testId}-${next}`}
              onClick={() => {
                open(next);
              }}
            >
              {t(`dependencies.agreement.action.${next}`)}
            </Button>
          ))}
        </Inline>
      ) : (
        <Stack space="space.050">
          <Text size="small" weight="medium">
            {t(`dependencies.agreement.label.${action}`)}
          </Text>
          {action === 'decline' ? (
            <TextArea
              aria-label={t('dependencies.agreement.label.decline')}
              minimumRows={2}
              value={value}
              isInvalid={touched && problem !== null}
              testId={`${testId}-reason`}
              onChange={(event) => {
                setValue(event.currentTarget.value);
              }}
              onBlur={() => {
                setTouched(true);
              }}
            />
          ) : (
            <Textfield
              type="date"
              aria-label={t(`dependencies.agreement.label.${action}`)}
              value={value}
              isInvalid={touched && problem !== null}
              testId={`${testId}-day`}
              onChange={(event) => {
                setValue(event.currentTarget.value);
              }}
              onBlur={() => {
                setTouched(true);
              }}
            />
          )}
          {touched && problem !== null ? (
            <Text size="small" color="color.text.danger">
              {t(`dependencies.agreement.invalid.${problem}`, { max: String(MAX_REASON) })}
            </Text>
          ) : null}
          {refusal !== null ? (
            <Text size="small" color="color.text.danger" testId={`${testId}-refusal`}>
              {refusal}
            </Text>
          ) : null}
          <Inline space="space.050">
            <Button
              appearance="primary"
              spacing="compact"
              isDisabled={saving}
              onClick={submit}
              testId={`${testId}-save`}
            >
              {t('dependencies.agreement.save')}
            </Button>
            <Button
              appearance="subtle"
              spacing="compact"
              onClick={() => {
                setAction(null);
              }}
            >
              {t('dependencies.agreement.cancel')}
            </Button>
          </Inline>
        </Stack>
      )}
    </Stack>
  );
}
