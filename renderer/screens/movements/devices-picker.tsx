// Choosing the devices a permit covers by typing part of a tag, make, model or serial (the search runs
// in the core). A device classified secret or top secret is marked as it is chosen (3.2.3).
import { Badge, Group, MultiSelect, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteQuery } from '../../client/context.tsx';
import { needsJustification } from '../../../db/movements/contract.ts';

export interface PickedDevice {
  id: string;
  tag: string;
  label: string;
  classification: string;
}

export function DevicesPicker({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (ids: string[], devices: PickedDevice[]) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Map<string, PickedDevice>>(new Map());
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const devices = useRouteQuery('assets.list', { search: debounced, limit: 30 }, { placeholderData: keepPreviousData });
  const found = new Map(picked);
  for (const device of devices.data?.items ?? []) {
    if (device.status === 'disposed') continue;
    found.set(device.id, { id: device.id, tag: device.tag, label: [device.make, device.model].filter(Boolean).join(' '), classification: device.classification });
  }
  const options = [...found.values()].map((device) => ({ value: device.id, label: device.tag }));
  return (
    <MultiSelect
      label={t('movements_ui.request.devices')}
      description={t('movements_ui.request.devices-hint')}
      placeholder={t('movements_ui.request.devices-placeholder')}
      withAsterisk
      data={options}
      value={value}
      onChange={(ids) => {
        const next = new Map<string, PickedDevice>();
        for (const id of ids) {
          const device = found.get(id);
          if (device) next.set(id, device);
        }
        setPicked(next);
        onChange(ids, [...next.values()]);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('common.nothing-found')}
      error={error}
      renderOption={({ option }) => {
        const device = found.get(option.value);
        return (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" ff="monospace" fw={600}>
              {option.label}
            </Text>
            <Text size="xs" c="dimmed">
              {device?.label}
            </Text>
            {device && needsJustification(device.classification) ? (
              <Badge size="xs" color="red" variant="light">
                {t(`classifications.${device.classification}`)}
              </Badge>
            ) : null}
          </Group>
        );
      }}
      data-testid="request-devices"
    />
  );
}
