import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Toggle from '@atlaskit/toggle';
import { useState } from 'react';
import type { GateView } from '@contract/gate';
import { useFailureFlag, useSuccessFlag } from '../shell/flags';
import { useT } from '../shell/i18n';
import { callResolver, ResolverFailure, useResolver } from '../shell/invoke';
import { WhenLoaded } from '../shell/placeholders';
import { draftOfGate, draftProblems, serverProblems, type GateDraft } from './gate-draft';

interface Option {
  readonly label: string;
  readonly value: string;
}

/** The project's Definition of Ready gate, on its settings tab: off until a project administrator turns it on. */
export function GateSettings({ projectKey }: { projectKey: string }) {
  const loaded = useResolver('hygiene.gate', { projectKey });
  return (
    <WhenLoaded state={loaded}>{(view) => <GateEditor projectKey={projectKey} initial={view} />}</WhenLoaded>
  );
}

function GateEditor({ projectKey, initial }: { projectKey: string; initial: GateView }) {
  const t = useT();
  const showFailure = useFailureFlag();
  const showSuccess = useSuccessFlag();
  const [view, setView] = useState<GateView>(initial);
  const [draft, setDraft] = useState<GateDraft>(() => draftOfGate(initial));
  const [refused, setRefused] = useState<ReturnType<typeof serverProblems>>({});
  const [saving, setSaving] = useState(false);
  const problems = draftProblems(draft);
  const canSave = view.canEdit && !saving && Object.keys(problems).length === 0;

  const statusOptions: Option[] = view.statuses.map((status) => ({ label: status.name, value: status.id }));
  // A guarded status since removed from the workflows stays visible (by its id), so it can be taken out.
  for (const id of draft.statuses)
    if (!statusOptions.some((option) => option.value === id)) statusOptions.push({ label: id, value: id });
  const ruleOptions: Option[] = view.rules.map((rule) => ({ label: rule.title, value: rule.id }));
  const chosen = (options: readonly Option[], values: readonly string[]) =>
    options.filter((option) => values.includes(option.value));

  const edit = (next: GateDraft) => {
    setDraft(next);
    setRefused({});
  };
  const save = () => {
    setSaving(true);
    callResolver('hygiene.saveGate', { projectKey, gate: draft })
      .then(
        (next) => {
          setView(next);
          setDraft(draftOfGate(next));
          showSuccess(t('gate.saved'));
        },
        (error: unknown) => {
          if (error instanceof ResolverFailure && error.code === 'INVALID_INPUT')
            setRefused(serverProblems(error.details));
          showFailure(error);
        },
      )
      .finally(() => {
        setSaving(false);
      });
  };

  const statusError =
    problems.statuses === 'needsStatus' ? t('gate.needsStatus') : (refused.statuses ?? undefined);
  const ruleError = problems.rules === 'needsRule' ? t('gate.needsRule') : (refused.rules ?? undefined);

  return (
    <Stack space="space.200" testId="hygiene-gate">
      <Heading size="small">{t('gate.heading')}</Heading>
      <Text>{t('gate.help')}</Text>
      {!view.canEdit && (
        <SectionMessage appearance="information" testId="hygiene-gate-read-only">
          <Text>{t('gate.readOnly')}</Text>
        </SectionMessage>
      )}
      <Inline space="space.100" alignBlock="center">
        <Toggle
          id="hygiene-gate-enabled"
          testId="hygiene-gate-enabled"
          isChecked={draft.enabled}
          isDisabled={!view.canEdit}
          onChange={() => {
            edit({ ...draft, enabled: !draft.enabled });
          }}
        />
        <Label htmlFor="hygiene-gate-enabled">{t('gate.enabled')}</Label>
      </Inline>
      <Box>
        <Label htmlFor="hygiene-gate-statuses">{t('gate.statuses')}</Label>
        <Select<Option, true>
          inputId="hygiene-gate-statuses"
          testId="hygiene-gate-statuses"
          isMulti
          isDisabled={!view.canEdit}
          options={statusOptions}
          value={chosen(statusOptions, draft.statuses)}
          isInvalid={statusError !== undefined}
          onChange={(options) => {
            edit({ ...draft, statuses: options.map((option) => option.value) });
          }}
        />
        {statusError === undefined ? (
          <HelperMessage>{t('gate.statusesHelp')}</HelperMessage>
        ) : (
          <ErrorMessage testId="hygiene-gate-statuses-error">{statusError}</ErrorMessage>
        )}
      </Box>
      <Box>
        <Label htmlFor="hygiene-gate-rules">{t('gate.rules')}</Label>
        <Select<Option, true>
          inputId="hygiene-gate-rules"
          testId="hygiene-gate-rules"
          isMulti
          isDisabled={!view.canEdit}
          options={ruleOptions}
          value={chosen(ruleOptions, draft.rules)}
          isInvalid={ruleError !== undefined}
          onChange={(options) => {
            const ids = new Set(options.map((option) => option.value));
            edit({ ...draft, rules: view.rules.filter((rule) => ids.has(rule.id)).map((rule) => rule.id) });
          }}
        />
        {ruleError === undefined ? (
          <HelperMessage>{t('gate.rulesHelp')}</HelperMessage>
        ) : (
          <ErrorMessage testId="hygiene-gate-rules-error">{ruleError}</ErrorMessage>
        )}
      </Box>
      <Text size="small" color="color.text.subtle">
        {t('gate.failOpen')}
      </Text>
      {view.canEdit && (
        <Box>
          <Button appearance="primary" onClick={save} isDisabled={!canSave} testId="hygiene-gate-save">
            {t('gate.save')}
          </Button>
        </Box>
      )}
    </Stack>
  );
}
