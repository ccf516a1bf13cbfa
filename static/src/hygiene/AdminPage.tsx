import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Toggle from '@atlaskit/toggle';
import { useState } from 'react';
import type { EvidenceData, OrgConfigView } from '@contract/hygiene';
import { useFailureFlag, useSuccessFlag } from '../shell/flags';
import { useT } from '../shell/i18n';
import { callResolver, useResolver } from '../shell/invoke';
import { WhenLoaded } from '../shell/placeholders';
import { EvidenceForm } from './Evidence';
import { FieldMapEditor, fieldDraftsOf, fieldMapOfDrafts } from './FieldMapEditor';
import { draftsOf, settingsOf, type RuleDrafts } from './rule-drafts';
import { RulesEditor } from './RulesEditor';

/** The admin page: the organisation's rules, field mapping, process links and what teams may override. */
export default function AdminPage() {
  const loaded = useResolver('hygiene.orgConfig', {});
  return <WhenLoaded state={loaded}>{(data) => <Editor initial={data} />}</WhenLoaded>;
}

const fieldsOf = (view: OrgConfigView) => fieldDraftsOf(view.config.fieldMap);

function Editor({ initial }: { initial: OrgConfigView }) {
  const t = useT();
  const showFailure = useFailureFlag();
  const showSuccess = useSuccessFlag();
  const [view, setView] = useState<OrgConfigView>(initial);
  const [drafts, setDrafts] = useState<RuleDrafts>(() => draftsOf(initial.rules));
  const [fields, setFields] = useState<Record<string, string>>(() => fieldsOf(initial));
  const [defaultOverride, setDefaultOverride] = useState(initial.config.teamsMayOverride);
  const [saving, setSaving] = useState(false);
  const [evidence, setEvidence] = useState<EvidenceData | undefined>();
  const adopt = (next: OrgConfigView) => {
    setView(next);
    setDrafts(draftsOf(next.rules));
    setFields(fieldsOf(next));
    setDefaultOverride(next.config.teamsMayOverride);
  };
  const save = () => {
    const built = settingsOf(view.rules, drafts, 'org', defaultOverride);
    if ('badJson' in built) {
      showFailure(new Error(t('hygiene.rules.badJson', { rule: built.badJson })));
      return;
    }
    const fieldMap = fieldMapOfDrafts(fields);
    setSaving(true);
    callResolver('hygiene.saveOrgConfig', {
      config: { rules: built.settings, fieldMap, teamsMayOverride: defaultOverride },
    })
      .then((next) => {
        adopt(next);
        showSuccess(t('hygiene.rules.saved'));
      }, showFailure)
      .finally(() => {
        setSaving(false);
      });
  };
  const found = Object.entries(view.discoveredFields)
    .map(([role, id]) => `${role}: ${id ?? '—'}`)
    .join(', ');
  return (
    <Box padding="space.200" testId="hygiene-admin-page">
      <Stack space="space.300">
        <Heading size="large">{t('hygiene.admin.heading')}</Heading>
        <FieldMapEditor
          heading={t('hygiene.admin.fields')}
          help={t('hygiene.admin.fieldsHelp', { found })}
          drafts={fields}
          inherited={view.discoveredFields}
          canEdit={view.canEdit}
          onChange={setFields}
        />
        <Inline space="space.100" alignBlock="center">
          <Toggle
            label={t('hygiene.admin.defaultOverride')}
            isChecked={defaultOverride}
            isDisabled={!view.canEdit}
            onChange={() => {
              // Every rule follows the new default on screen; the admin then sets the exceptions.
              const next = !defaultOverride;
              setDefaultOverride(next);
              setDrafts(
                Object.fromEntries(
                  Object.entries(drafts).map(([id, draft]) => [id, { ...draft, teamsMayOverride: next }]),
                ),
              );
            }}
          />
          <Text>{t('hygiene.admin.defaultOverride')}</Text>
        </Inline>
        {view.canEdit && <EvidenceForm onMeasured={setEvidence} />}
        <Heading size="small">{t('hygiene.rules.heading')}</Heading>
        <RulesEditor
          evidence={evidence}
          rules={view.rules}
          drafts={drafts}
          onChange={setDrafts}
          canEdit={view.canEdit}
          mode="org"
          onSave={save}
          saving={saving}
        />
      </Stack>
    </Box>
  );
}
