import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
import { useState } from 'react';
import type { EvidenceData, HygieneSeverity, RuleSettingsData } from '@contract/hygiene';
import { useT } from '../shell/i18n';
import { RuleEvidence } from './Evidence';
import { OptionsEditor } from './OptionsEditor';
import { differsFromInherited, inheritedDraft, type RuleDraft, type RuleDrafts } from './rule-drafts';
import { useRuleText } from './rule-words';

const SEVERITIES: readonly HygieneSeverity[] = ['error', 'warning', 'info'];

/** The rules table of the admin page and of the project overrides. */
export function RulesEditor({
  rules,
  drafts,
  onChange,
  canEdit,
  mode,
  onSave,
  saving,
  evidence,
}: {
  rules: readonly RuleSettingsData[];
  drafts: RuleDrafts;
  onChange: (next: RuleDrafts) => void;
  canEdit: boolean;
  mode: 'org' | 'project';
  onSave: () => void;
  saving: boolean;
  /** The figures the admin measured, shown beside each rule's switch. */
  evidence?: EvidenceData | undefined;
}) {
  const t = useT();
  const ruleText = useRuleText();
  const severityOptions = SEVERITIES.map((value) => ({ label: t(`hygiene.severity.one.${value}`), value }));
  const [, force] = useState(0);
  const set = (id: string, patch: Partial<RuleDraft>) => {
    const current = drafts[id];
    if (current === undefined) return;
    onChange({ ...drafts, [id]: { ...current, ...patch } });
    force((n) => n + 1);
  };
  const head = {
    cells: [
      { key: 'rule', content: t('hygiene.rules.rule') },
      { key: 'enabled', content: t('hygiene.rules.enabled') },
      { key: 'severity', content: t('hygiene.rules.severity') },
      { key: 'options', content: t('hygiene.rules.options') },
      { key: 'process', content: t('hygiene.rules.processUrl') },
      ...(mode === 'org' ? [{ key: 'override', content: t('hygiene.rules.teamsMayOverride') }] : []),
    ],
  };
  const rows = rules.map((rule) => {
    const draft = drafts[rule.id];
    const locked = !canEdit || (mode === 'project' && !rule.teamsMayOverride);
    return {
      key: rule.id,
      testId: `hygiene-rule-${rule.id}`,
      cells: [
        {
          key: 'rule',
          content: (
            <Stack space="space.050">
              <Text weight="bold">{ruleText(rule.id, rule).title}</Text>
              <Text size="small" color="color.text.subtle">
                {rule.id}
              </Text>
              {mode === 'project' && !rule.teamsMayOverride && <Lozenge>{t('hygiene.rules.locked')}</Lozenge>}
              {mode === 'project' && !locked && draft !== undefined && differsFromInherited(rule, draft) && (
                <Button
                  appearance="subtle"
                  spacing="compact"
                  testId={`hygiene-rule-reset-${rule.id}`}
                  onClick={() => {
                    set(rule.id, inheritedDraft(rule));
                  }}
                >
                  {t('hygiene.rules.useOrganisation')}
                </Button>
              )}
            </Stack>
          ),
        },
        {
          key: 'enabled',
          content: (
            <Stack space="space.050">
              <Toggle
                label={`${ruleText(rule.id, rule).title} ${t('hygiene.rules.enabled')}`}
                isChecked={draft?.enabled ?? rule.enabled}
                isDisabled={locked}
                testId={`hygiene-rule-enabled-${rule.id}`}
                onChange={() => {
                  set(rule.id, { enabled: !(draft?.enabled ?? rule.enabled) });
                }}
              />
              {evidence !== undefined && <RuleEvidence ruleId={rule.id} evidence={evidence} />}
            </Stack>
          ),
        },
        {
          key: 'severity',
          content: (
            <Select
              inputId={`hygiene-severity-${rule.id}`}
              label={`${ruleText(rule.id, rule).title} ${t('hygiene.rules.severity')}`}
              isDisabled={locked}
              options={severityOptions}
              value={severityOptions.find((o) => o.value === (draft?.severity ?? rule.severity))}
              onChange={(option) => {
                if (option) set(rule.id, { severity: option.value });
              }}
            />
          ),
        },
        {
          key: 'options',
          content: (
            <OptionsEditor
              ruleId={rule.id}
              fields={rule.optionFields}
              options={draft?.options ?? '{}'}
              disabled={locked}
              onChange={(options) => {
                set(rule.id, { options });
              }}
            />
          ),
        },
        {
          key: 'process',
          content: (
            <Textfield
              aria-label={`${rule.id} ${t('hygiene.rules.processUrl')}`}
              isDisabled={locked}
              isCompact
              placeholder="https://"
              value={draft?.processUrl ?? ''}
              onChange={(event) => {
                set(rule.id, { processUrl: event.currentTarget.value });
              }}
            />
          ),
        },
        ...(mode === 'org'
          ? [
              {
                key: 'override',
                content: (
                  <Toggle
                    label={`${rule.id} ${t('hygiene.rules.teamsMayOverride')}`}
                    isChecked={draft?.teamsMayOverride ?? rule.teamsMayOverride}
                    isDisabled={locked}
                    onChange={() => {
                      set(rule.id, { teamsMayOverride: !(draft?.teamsMayOverride ?? rule.teamsMayOverride) });
                    }}
                  />
                ),
              },
            ]
          : []),
      ],
    };
  });
  return (
    <Stack space="space.150">
      {!canEdit && <Text color="color.text.subtle">{t('hygiene.rules.readOnly')}</Text>}
      <DynamicTable head={head} rows={rows} testId={`hygiene-rules-${mode}`} />
      {canEdit && (
        <Button
          appearance="primary"
          isDisabled={saving}
          onClick={onSave}
          testId={`hygiene-rules-save-${mode}`}
        >
          {t('hygiene.rules.save')}
        </Button>
      )}
    </Stack>
  );
}
