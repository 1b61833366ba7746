import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorValueOf, type ErrorValue } from '../client/call-error.ts';

/** A refusal or failure as one sentence in the user's language. Accepts an ErrorValue or anything thrown. */
export function RefusalAlert({ error, onClose }: { error: ErrorValue | unknown; onClose?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const value = isErrorValue(error) ? error : errorValueOf(error);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      role="alert"
      data-testid="refusal"
      data-code={value.code}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
      closeButtonLabel={t('common.close')}
    >
      {t(value.message, value.params ?? {})}
    </Alert>
  );
}

function isErrorValue(value: unknown): value is ErrorValue {
  return typeof value === 'object' && value !== null && typeof (value as ErrorValue).code === 'string' && typeof (value as ErrorValue).message === 'string' && !(value instanceof Error);
}
