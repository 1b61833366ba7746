// A date field that reads and writes the way offices do: shown dd/MM/yyyy (typed that way too), held
// and sent as YYYY-MM-DD; month names in the interface's language.
import '@mantine/dates/styles.css';
import 'dayjs/locale/sw.js';
import { DateInput, DatesProvider } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedDay } from '../../../db/contract/days.ts';
import { todayInDar } from './days.ts';

export interface DateFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: ReactNode;
  description?: string;
  withAsterisk?: boolean;
  /** Dates of things that happened: the core refuses a day that has not come yet. */
  notAfterToday?: boolean;
  clearable?: boolean;
  'data-testid'?: string;
}

export function DateField({ label, value, onChange, onBlur, error, description, withAsterisk, notAfterToday, clearable, ...rest }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'sw', firstDayOfWeek: 1 }}>
      <DateInput
        label={label}
        description={description}
        withAsterisk={withAsterisk}
        placeholder={t('assetsUi.date-example')}
        value={value || null}
        onChange={(next) => onChange(next ?? '')}
        onBlur={onBlur}
        error={error}
        valueFormat="DD/MM/YYYY"
        dateParser={parseTypedDay}
        maxDate={notAfterToday ? todayInDar() : undefined}
        clearable={clearable}
        leftSection={<IconCalendar size={16} />}
        popoverProps={{ withinPortal: true }}
        data-testid={rest['data-testid']}
      />
    </DatesProvider>
  );
}
