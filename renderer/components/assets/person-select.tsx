// Choosing a public servant from the people register by typing part of a name: the search runs in the
// core, so it stays quick however long the register grows.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteQuery } from '../../client/context.tsx';

export interface PersonSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  /** The name of the person already chosen, when the form opens on a saved record. */
  currentName?: string | null;
  placeholder?: string;
  description?: string;
  error?: ReactNode;
  'data-testid'?: string;
}

export function PersonSelect({ label, value, onChange, onBlur, currentName, placeholder, description, error, ...rest }: PersonSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(value && currentName ? { value, label: currentName } : null);
  const [debounced] = useDebouncedValue(search.trim(), 200);
  // The search box shows the chosen name once picked; searching for it again would be wasted work.
  const query = chosen && debounced === chosen.label ? '' : debounced;
  const people = useRouteQuery('people.list', { search: query, status: 'active', limit: 30 }, { placeholderData: keepPreviousData });
  const options = (people.data?.items ?? []).map((person) => ({
    value: person.id,
    label: person.full_name,
    hint: [person.title, person.department_name].filter(Boolean).join(' · '),
  }));
  if (chosen && chosen.value === value && !options.some((option) => option.value === chosen.value)) options.unshift({ ...chosen, hint: '' });
  const hints = new Map(options.map((option) => [option.value, option.hint]));
  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      data={options.map(({ value: id, label: name }) => ({ value: id, label: name }))}
      value={value}
      onChange={(next, option) => {
        setChosen(next && option ? { value: next, label: option.label } : null);
        onChange(next);
      }}
      onBlur={onBlur}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('common.nothing-found')}
      error={error}
      renderOption={({ option }) => (
        <div>
          <div>{option.label}</div>
          {hints.get(option.value) ? <div style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{hints.get(option.value)}</div> : null}
        </div>
      )}
      data-testid={rest['data-testid']}
    />
  );
}
