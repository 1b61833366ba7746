// 3.6.2: the external service providers a repair needing special expertise can be assigned to.
import { Alert, Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { ActiveRecordTable, HistoryDrawer, QueryRows, TextCell, useActiveToggle, useRecordDialogs } from '../../components/record-list.tsx';
import { Empty } from '../../components/states.tsx';
import { useSession } from '../../session/session.tsx';
import { ProviderFormModal, type Provider } from './provider-form.tsx';

export function ProvidersPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const keeper = can('providers.register');
  const updating = can('providers.update');
  const [includeInactive, setIncludeInactive] = useState(false);
  const list = useRouteQuery('providers.list', { include_inactive: includeInactive }, { placeholderData: keepPreviousData });
  const update = useRouteMutation('providers.update', ['providers.list']);
  const dialogs = useRecordDialogs<Provider>();
  const toggler = useActiveToggle<Provider>(
    ({ id, active: _active, created_at: _created, updated_at: _updated, ...fields }, active) => update.mutateAsync({ ...fields, provider_id: id, active }),
    (provider) => t(provider.active === 1 ? 'maintenanceUi.providers.deactivated' : 'maintenanceUi.providers.activated', { name: provider.name }),
  );

  return (
    <Stack gap="md" data-testid="providers-panel">
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
        {t('maintenanceUi.providers.explain')}
      </Alert>
      <Group justify="space-between" align="center">
        <Switch
          checked={includeInactive}
          onChange={(event) => setIncludeInactive(event.currentTarget.checked)}
          label={t('maintenanceUi.providers.show-inactive')}
          data-testid="providers-include-inactive"
        />
        {keeper ? (
          <Button leftSection={<IconPlus size={16} />} onClick={dialogs.create} data-testid="register-provider">
            {t('maintenanceUi.providers.register')}
          </Button>
        ) : null}
      </Group>
      {toggler.alert}
      <QueryRows query={list} empty={<Empty title={t('maintenanceUi.providers.empty')} hint={keeper ? t('maintenanceUi.providers.empty-hint') : undefined} />}>
        {(rows) => (
          <ActiveRecordTable
            rows={rows}
            columns={[
              { label: t('maintenanceUi.providers.columns.name'), w: '20%' },
              { label: t('maintenanceUi.providers.columns.registration'), w: '10%' },
              { label: t('maintenanceUi.providers.columns.contact'), w: '14%' },
              { label: t('maintenanceUi.providers.columns.phone'), w: 172 },
              { label: t('maintenanceUi.providers.columns.email') },
            ]}
            rowProps={(provider) => ({ 'data-provider': provider.name })}
            cells={(provider) => (
              <>
                <Table.Td>
                  <Text size="sm" fw={500} className="wrap-words" data-fit="provider">
                    {provider.name}
                  </Text>
                  {provider.address ? (
                    <Text size="xs" c="dimmed" className="wrap-words" data-fit="address">
                      {provider.address}
                    </Text>
                  ) : null}
                </Table.Td>
                <TextCell value={provider.registration_number} mono fit="registration" />
                <TextCell value={provider.contact_name} fit="contact" />
                <TextCell value={provider.phone} fit="phone" />
                <TextCell value={provider.email} fit="email" />
              </>
            )}
            activeLabel={t('maintenanceUi.providers.columns.active')}
            yes={t('maintenanceUi.yes')}
            no={t('maintenanceUi.no')}
            widths={[120, 84]}
            updating={updating}
            onToggle={(provider) => void toggler.toggle(provider)}
            onEdit={dialogs.edit}
            onHistory={dialogs.view}
            dimInactive
            minWidth={980}
            testId="providers-table"
            style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
          />
        )}
      </QueryRows>
      <ProviderFormModal opened={dialogs.formOpen} provider={dialogs.editing} onClose={dialogs.closeForm} />
      <HistoryDrawer entity={dialogs.viewing?.id ?? null} title={t('maintenanceUi.history-title', { name: dialogs.viewing?.name ?? '' })} onClose={dialogs.closeHistory} />
    </Stack>
  );
}
