// Choosing one device from the register by typing part of its tag, make, model or serial: the search
// runs in the core (assets.list), so it stays quick however long the register grows.
import { Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteQuery } from '../../client/context.tsx';

export interface DeviceSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  placeholder?: string;
  error?: ReactNode;
  withAsterisk?: boolean;
  'data-testid'?: string;
}

export function deviceLabel(device: { tag: string; make: string; model: string }): string {
  return [device.tag, [device.make, device.model].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
}

export function DeviceSelect({ label, value, onChange, onBlur, placeholder, error, withAsterisk, ...rest }: DeviceSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 200);
  // Once a device is picked the box shows its label; searching for that label again would find nothing.
  const query = chosen && debounced === chosen.label ? '' : debounced;
  const devices = useRouteQuery('assets.list', { search: query, limit: 30 }, { placeholderData: keepPreviousData });
  const serials = new Map<string, string>();
  const options = (devices.data?.items ?? [])
    .filter((device) => device.status !== 'disposed')
    .map((device) => {
      serials.set(device.id, device.serial);
      return { value: device.id, label: deviceLabel(device) };
    });
  if (chosen && chosen.value === value && !options.some((option) => option.value === chosen.value)) options.unshift(chosen);
  return (
    <Select
      label={label}
      placeholder={placeholder}
      withAsterisk={withAsterisk}
      data={options}
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
      nothingFoundMessage={t('maintenanceUi.device.nothing')}
      error={error}
      renderOption={({ option }) => (
        <div>
          <Text size="sm">{option.label}</Text>
          {serials.get(option.value) ? (
            <Text size="xs" c="dimmed" ff="monospace">
              {serials.get(option.value)}
            </Text>
          ) : null}
        </div>
      )}
      comboboxProps={{ withinPortal: true }}
      data-testid={rest['data-testid']}
    />
  );
}
