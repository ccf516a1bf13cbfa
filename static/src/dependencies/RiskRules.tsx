import { Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
// The contract lists the reasons in the order the settings show them: the conflict, then at risk, then watch.
import { RISK_REASONS, type RiskRules } from '@contract/dependency-report';
import { useT } from '../shell/i18n';
import { RiskLegend } from './parts';

/**
 * The risk rules editor: each reason on or off, and its threshold in days where it has one. The service checks
 * the thresholds again on save; the field only keeps what is typed to whole days.
 */
export function RiskRulesEditor({
  rules,
  canEdit,
  onChange,
}: {
  rules: RiskRules;
  canEdit: boolean;
  onChange: (rules: RiskRules) => void;
}) {
  const t = useT();
  return (
    <Stack space="space.100" testId="dependencies-risk-rules">
      <Text>{t('dependencies.settings.risk.help')}</Text>
      <RiskLegend />
      {RISK_REASONS.map((reason) => {
        const rule = rules[reason];
        return (
          <Inline key={reason} space="space.100" alignBlock="center" shouldWrap>
            <Toggle
              id={`dependencies-risk-${reason}`}
              testId={`dependencies-risk-${reason}`}
              isChecked={rule.enabled}
              isDisabled={!canEdit}
              onChange={() => {
                onChange({ ...rules, [reason]: { ...rule, enabled: !rule.enabled } });
              }}
            />
            <label htmlFor={`dependencies-risk-${reason}`}>{t(`dependencies.settings.risk.${reason}`)}</label>
            {rule.days === null ? null : (
              <Inline space="space.050" alignBlock="center">
                <Textfield
                  testId={`dependencies-risk-${reason}-days`}
                  aria-label={t(`dependencies.settings.risk.${reason}`)}
                  type="number"
                  min={0}
                  max={365}
                  width={80}
                  isReadOnly={!canEdit}
                  isDisabled={!rule.enabled}
                  value={String(rule.days)}
                  onChange={(event) => {
                    const days = Math.trunc(Number(event.currentTarget.value));
                    if (Number.isFinite(days)) onChange({ ...rules, [reason]: { ...rule, days } });
                  }}
                />
                <Text>{t('dependencies.settings.risk.days')}</Text>
              </Inline>
            )}
          </Inline>
        );
      })}
    </Stack>
  );
}
