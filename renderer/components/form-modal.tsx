// The frame every record dialog shares: a modal whose form mounts only while it is open (so it starts
// from the record each time), the refusal alert at the top, and Cancel / submit at the bottom.
import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorValue } from '../client/call-error.ts';
import { RefusalAlert } from './refusal-alert.tsx';

export function FormModal({
  opened,
  onClose,
  title,
  size = 'lg',
  closeOnClickOutside,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: ModalProps['size'];
  closeOnClickOutside?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} closeOnClickOutside={closeOnClickOutside} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? children : null}
    </Modal>
  );
}

export function FormButtons({
  onCancel,
  submitLabel,
  busy,
  danger,
  icon,
  onSubmit,
  sticky,
}: {
  onCancel: () => void;
  submitLabel: string;
  busy: boolean;
  danger?: boolean;
  icon?: ReactNode;
  /** For a dialog that is not a `<form>`: the button acts on click instead of submitting. */
  onSubmit?: () => void;
  /** Issue 7: a long form keeps its buttons in view (app.css: .sticky-actions). */
  sticky?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm" className={sticky ? 'sticky-actions' : undefined} data-testid={sticky ? 'form-actions' : undefined}>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button
        type={onSubmit ? 'button' : 'submit'}
        onClick={onSubmit}
        loading={busy}
        color={danger ? 'red' : undefined}
        leftSection={icon}
        data-testid="submit"
      >
        {submitLabel}
      </Button>
    </Group>
  );
}

/** A record form: `lead` stands above the refusal alert (an intro or a warning), the fields below it. */
export function RecordForm({
  testId,
  onSubmit,
  refusal,
  lead,
  children,
  buttons,
}: {
  testId: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  refusal: ErrorValue | unknown;
  lead?: ReactNode;
  children: ReactNode;
  buttons: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate data-testid={testId}>
      <Stack gap="sm">
        {lead}
        <RefusalAlert error={refusal} />
        {children}
        {buttons}
      </Stack>
    </form>
  );
}
