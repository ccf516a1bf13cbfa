import { Label } from '@atlaskit/form';
import { Box } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { ReactNode } from 'react';

/** A field under its label; `id` is the input's id, which the label names. */
export function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <Box>
      <Label htmlFor={id}>{label}</Label>
      {children}
    </Box>
  );
}

/** A labelled text (or date) field; its id is also its test id. */
export function TextInput({
  id,
  label,
  value,
  onChange,
  type = 'text',
  isInvalid = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date';
  isInvalid?: boolean;
}) {
  return (
    <Labelled id={id} label={label}>
      <Textfield
        id={id}
        testId={id}
        type={type}
        value={value}
        isInvalid={isInvalid}
        onChange={(event) => {
          onChange(event.currentTarget.value);
        }}
      />
    </Labelled>
  );
}
