// A shillings field: whole shillings with thousands separated as the user types (TSh 2,450,000).
import { NumberInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseShillings } from './money.ts';

export interface MoneyInputProps {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  onBlur?: () => void;
  error?: ReactNode;
  description?: string;
  withAsterisk?: boolean;
  'aria-label'?: string;
  'data-testid'?: string;
}

export function MoneyInput({ label, value, onChange, onBlur, error, description, withAsterisk, ...rest }: MoneyInputProps) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={label}
      description={description}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      withAsterisk={withAsterisk}
      aria-label={rest['aria-label']}
      value={value ?? ''}
      onChange={(next) => onChange(parseShillings(next))}
      onBlur={onBlur}
      error={error}
      thousandSeparator=","
      allowDecimal={false}
      allowNegative={false}
      hideControls
      inputMode="numeric"
      leftSection={t('assetsUi.currency')}
      leftSectionWidth={46}
      data-testid={rest['data-testid']}
    />
  );
}
