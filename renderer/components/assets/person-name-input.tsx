// A person's name as typed text, offered from what the installation knows first: the device's custodian,
// then the people register as the user types (the search runs in the core). Any other name may still be
// typed, for a visitor who is in no register (issue 7: "Reported by" was free text only).
import { Autocomplete, type ComboboxData } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteQuery } from '../../client/context.tsx';

const SUGGESTIONS = 12;

export interface PersonNameInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Offered first, under its own heading: the device's custodian. */
  custodian?: string | null;
  placeholder?: string;
  description?: string;
  error?: ReactNode;
  withAsterisk?: boolean;
  'data-testid'?: string;
}

/**
 * The options in order: the custodian, then people the core found, each only while every typed word is
 * part of the name (the core's answer lags the typing by the debounce, so its list is matched again here).
 */
export function personSuggestions(typed: string, custodian: string | null | undefined, found: readonly string[], headings: { custodian: string; people: string }): ComboboxData {
  const words = typed.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (name: string) => words.every((word) => name.toLowerCase().includes(word));
  const groups: { group: string; items: string[] }[] = [];
  const first = custodian?.trim();
  if (first && matches(first)) groups.push({ group: headings.custodian, items: [first] });
  const people = [...new Set(found)].filter((name) => name !== first && matches(name));
  if (people.length > 0) groups.push({ group: headings.people, items: people });
  return groups;
}

export function PersonNameInput({ label, value, onChange, onBlur, custodian, placeholder, description, error, withAsterisk, ...rest }: PersonNameInputProps) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(value.trim(), 200);
  const people = useRouteQuery('people.list', { search: debounced, status: 'active', limit: SUGGESTIONS }, { placeholderData: keepPreviousData });
  const data = personSuggestions(
    value,
    custodian,
    (people.data?.items ?? []).map((person) => person.full_name),
    { custodian: t('logbookUi.report.reported-by-custodian'), people: t('logbookUi.report.reported-by-people') },
  );
  return (
    <Autocomplete
      label={label}
      description={description}
      placeholder={placeholder}
      withAsterisk={withAsterisk}
      data={data}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      // The core already searched the register; only the custodian is matched here.
      filter={({ options }) => options}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid={rest['data-testid']}
    />
  );
}
