import { Inline, Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
import { useState } from 'react';
import type { OptionField } from '@contract/hygiene';
import { useT } from '../shell/i18n';
import { parseOptions } from './rule-drafts';
import { useOptionLabel, useRuleText } from './rule-words';

/** The options of a draft (JSON text); an unreadable draft shows the fields empty. */
const valuesOf = (json: string): Record<string, unknown> => parseOptions(json) ?? {};

/** The whole number `text` holds (spaces around allowed), or undefined. */
function wholeNumber(text: string): number | undefined {
  const trimmedText = text.trim();
  return /^-?\d+$/.test(trimmedText) ? Number(trimmedText) : undefined;
}

/** One phrase per line; blank lines and surrounding spaces dropped. */
const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

const textOfList = (value: unknown): string =>
  Array.isArray(value) ? value.filter((item) => typeof item === 'string').join('\n') : '';

const textOfNumber = (value: unknown): string =>
  typeof value === 'number' || typeof value === 'string' ? String(value) : '';

/**
 * Text the person is typing, kept while it means the same as `value` (a list with a trailing new line, a number
 * being retyped), replaced when `value` changes from outside (back to the organisation's settings).
 */
function useTyped(value: string, same: (typed: string) => string): [string, (typed: string) => void] {
  const [typed, setTyped] = useState(value);
  // React's way to follow a prop: compare with the value last seen, during render.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (same(typed) !== value) setTyped(value);
  }
  return [typed, setTyped];
}

const joinedLines = (text: string): string => linesOf(text).join('\n');
const trimmed = (text: string): string => text.trim();

function ListOption({
  id,
  label,
  value,
  maxItems,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  value: unknown;
  maxItems: number | undefined;
  disabled: boolean;
  onChange: (next: string[]) => void;
}) {
  const t = useT();
  const [typed, setTyped] = useTyped(textOfList(value), joinedLines);
  const count = linesOf(typed).length;
  return (
    <TextArea
      aria-label={label}
      testId={id}
      isDisabled={disabled}
      isInvalid={maxItems !== undefined && count > maxItems}
      isCompact
      minimumRows={2}
      maxHeight="8em"
      resize="vertical"
      placeholder={t('hygiene.rules.onePerLine')}
      value={typed}
      onChange={(event) => {
        setTyped(event.currentTarget.value);
        onChange(linesOf(event.currentTarget.value));
      }}
    />
  );
}

function IntegerOption({
  id,
  label,
  field,
  value,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  field: Extract<OptionField, { kind: 'integer' }>;
  value: unknown;
  disabled: boolean;
  onChange: (next: number | string) => void;
}) {
  const t = useT();
  const [typed, setTyped] = useTyped(textOfNumber(value), trimmed);
  const number = wholeNumber(typed);
  const valid =
    number !== undefined &&
    (field.min === undefined || number >= field.min) &&
    (field.max === undefined || number <= field.max);
  return (
    <Inline space="space.100" alignBlock="center">
      <Textfield
        aria-label={label}
        testId={id}
        type="number"
        width="xsmall"
        isCompact
        isDisabled={disabled}
        isInvalid={!valid}
        min={field.min}
        max={field.max}
        value={typed}
        onChange={(event) => {
          const text = event.currentTarget.value;
          setTyped(text);
          // Anything else than a whole number is saved as typed: the save then names the rule and the option.
          onChange(wholeNumber(text) ?? text);
        }}
      />
      {field.min !== undefined && field.max !== undefined && (
        <Text size="small" color="color.text.subtle">
          {t('hygiene.rules.between', { min: field.min, max: field.max })}
        </Text>
      )}
    </Inline>
  );
}

/**
 * A rule's options as a small form, one field per option (a number within its bounds, a switch, a list of
 * phrases one per line), editing the draft's JSON key by key.
 */
export function OptionsEditor({
  ruleId,
  fields,
  options,
  disabled,
  onChange,
}: {
  ruleId: string;
  fields: readonly OptionField[];
  /** The draft's options, as JSON text. */
  options: string;
  disabled: boolean;
  onChange: (options: string) => void;
}) {
  const t = useT();
  const optionLabel = useOptionLabel();
  const ruleTitle = useRuleText()(ruleId).title;
  if (fields.length === 0) {
    return (
      <Text size="small" color="color.text.subtle">
        {t('hygiene.rules.noOptions')}
      </Text>
    );
  }
  const values = valuesOf(options);
  const set = (key: string, value: unknown) => {
    onChange(JSON.stringify({ ...values, [key]: value }));
  };
  return (
    <Stack space="space.100">
      {fields.map((field) => {
        const id = `hygiene-rule-option-${ruleId}-${field.key}`;
        const name = optionLabel(ruleId, field.key);
        const label = `${ruleTitle}: ${name}`;
        return (
          <Stack key={field.key} space="space.025">
            <Text size="small" weight="medium">
              {name}
            </Text>
            {field.kind === 'integer' && (
              <IntegerOption
                id={id}
                label={label}
                field={field}
                value={values[field.key]}
                disabled={disabled}
                onChange={(next) => {
                  set(field.key, next);
                }}
              />
            )}
            {field.kind === 'boolean' && (
              <Toggle
                label={label}
                testId={id}
                isDisabled={disabled}
                isChecked={values[field.key] === true}
                onChange={() => {
                  set(field.key, values[field.key] !== true);
                }}
              />
            )}
            {field.kind === 'list' && (
              <ListOption
                id={id}
                label={label}
                value={values[field.key]}
                maxItems={field.maxItems}
                disabled={disabled}
                onChange={(next) => {
                  set(field.key, next);
                }}
              />
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
