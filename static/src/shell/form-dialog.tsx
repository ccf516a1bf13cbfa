import Button from '@atlaskit/button/new';
import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Stack } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

export interface FormDialogProps {
  readonly title: string;
  readonly testId: string;
  readonly onClose: () => void;
  readonly cancelLabel: string;
  readonly submitLabel: string;
  readonly submitTestId: string;
  readonly onSubmit: () => void;
  readonly isSubmitDisabled: boolean;
  /** Shows the spinner on the submit button while the action runs. */
  readonly isSubmitting?: boolean | undefined;
  /** The fields, stacked. */
  readonly children: ReactNode;
}

/**
 * A small form in a modal: a title, the fields stacked, and Cancel / the primary action at the bottom, as the
 * acknowledge and publish dialogs both ask for something before they act.
 */
export function FormDialog({
  title,
  testId,
  onClose,
  cancelLabel,
  submitLabel,
  submitTestId,
  onSubmit,
  isSubmitDisabled,
  isSubmitting,
  children,
}: FormDialogProps) {
  return (
    <ModalDialog onClose={onClose} testId={testId}>
      <ModalHeader>
        <ModalTitle>{title}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.150">{children}</Stack>
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={onClose}>
          {cancelLabel}
        </Button>
        <Button
          appearance="primary"
          testId={submitTestId}
          isLoading={isSubmitting}
          isDisabled={isSubmitDisabled}
          onClick={onSubmit}
        >
          {submitLabel}
        </Button>
      </ModalFooter>
    </ModalDialog>
  );
}
