import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';

/** The fields hygiene reads through a mapping (FieldMap in src/hygiene/types.ts). */
const FIELD_ROLES = [
  'storyPoints',
  'sprint',
  'team',
  'flagged',
  'acceptanceCriteria',
  'stepsToReproduce',
] as const;

export type FieldDrafts = Record<string, string>;

/** The drafts of a stored mapping: one text per role, empty where nothing is set. */
export function fieldDraftsOf(map: Readonly<Record<string, string | undefined>>): FieldDrafts {
  return Object.fromEntries(FIELD_ROLES.map((role) => [role, map[role] ?? '']));
}

/** The mapping to store: the roles given an id. */
export function fieldMapOfDrafts(drafts: FieldDrafts): Record<string, string> {
  return Object.fromEntries(
    Object.entries(drafts)
      .map(([role, id]) => [role, id.trim()] as const)
      .filter(([, id]) => id !== ''),
  );
}

/**
 * Field ids per role, as on the admin page (over what the site's fields revealed) and on a project page (over the
 * organisation's mapping): an empty box keeps the id shown as its placeholder.
 */
export function FieldMapEditor({
  heading,
  help,
  drafts,
  inherited,
  canEdit,
  onChange,
}: {
  heading: string;
  help: string;
  drafts: FieldDrafts;
  inherited: Readonly<Record<string, string | undefined>>;
  canEdit: boolean;
  onChange: (drafts: FieldDrafts) => void;
}) {
  return (
    <Stack space="space.100">
      <Heading size="small">{heading}</Heading>
      <Text size="small" color="color.text.subtle">
        {help}
      </Text>
      <Inline space="space.150" shouldWrap>
        {FIELD_ROLES.map((role) => (
          <Stack key={role} space="space.050">
            <Text size="small" weight="bold">
              {role}
            </Text>
            <Textfield
              aria-label={role}
              testId={`hygiene-field-${role}`}
              isCompact
              isDisabled={!canEdit}
              placeholder={inherited[role] ?? 'customfield_…'}
              value={drafts[role] ?? ''}
              onChange={(event) => {
                onChange({ ...drafts, [role]: event.currentTarget.value });
              }}
            />
          </Stack>
        ))}
      </Inline>
    </Stack>
  );
}
