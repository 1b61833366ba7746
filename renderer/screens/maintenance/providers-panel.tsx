// 3.6.2: the external service providers a repair needing special expertise can be assigned to.
import { Alert, Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { useSession } from '../../session/session.tsx';
import { Cell, HistoryDrawer, RowActions } from './parts.tsx';
import { ProviderFormModal, type Provider } from './provider-form.tsx';

export function ProvidersPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const keeper = can('providers.register');
  const updating = can('providers.update');
  const [includeInactive, setIncludeInactive] = useState(false);
  const list = useRouteQuery('providers.list', { include_inactive: includeInactive }, { placeholderData: keepPreviousData });
  const update = useRouteMutation('providers.update', ['providers.list']);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Provider | null>(null);
  const [viewing, setViewing] = useState<Provider | null>(null);
  const [toggleError, setToggleError] = useState<unknown>(null);

  const toggle = async (provider: Provider) => {
    setToggleError(null);
    const { id, active, created_at: _created, updated_at: _updated, ...fields } = provider;
    try {
      await update.mutateAsync({ ...fields, provider_id: id, active: active !== 1 });
      notifications.show({
        color: 'flag',
        message: t(active === 1 ? 'maintenanceUi.providers.deactivated' : 'maintenanceUi.providers.activated', { name: provider.name }),
      });
    } catch (error) {
      setToggleError(error);
    }
  };

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
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="register-provider">
            {t('maintenanceUi.providers.register')}
          </Button>
        ) : null}
      </Group>
      {toggleError ? <RefusalAlert error={toggleError} onClose={() => setToggleError(null)} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <RefusalAlert error={list.error} /> : null}
      {list.data && list.data.length === 0 ? (
        <Empty title={t('maintenanceUi.providers.empty')} hint={keeper ? t('maintenanceUi.providers.empty-hint') : undefined} />
      ) : null}
      {list.data && list.data.length > 0 ? (
        <Table.ScrollContainer minWidth={980}>
          <Table verticalSpacing="xs" striped="even" layout="fixed" data-testid="providers-table" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="20%">{t('maintenanceUi.providers.columns.name')}</Table.Th>
                <Table.Th w="10%">{t('maintenanceUi.providers.columns.registration')}</Table.Th>
                <Table.Th w="14%">{t('maintenanceUi.providers.columns.contact')}</Table.Th>
                <Table.Th w={172}>{t('maintenanceUi.providers.columns.phone')}</Table.Th>
                <Table.Th>{t('maintenanceUi.providers.columns.email')}</Table.Th>
                <Table.Th w={120}>{t('maintenanceUi.providers.columns.active')}</Table.Th>
                <Table.Th w={84} aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((provider) => (
                <Table.Tr key={provider.id} data-provider={provider.name} style={{ opacity: provider.active === 1 ? 1 : 0.65 }}>
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
                  <Cell value={provider.registration_number} mono fit="registration" />
                  <Cell value={provider.contact_name} fit="contact" />
                  <Cell value={provider.phone} fit="phone" />
                  <Cell value={provider.email} fit="email" />
                  <Table.Td>
                    <Switch
                      checked={provider.active === 1}
                      disabled={!updating}
                      onChange={() => void toggle(provider)}
                      aria-label={t('maintenanceUi.providers.columns.active')}
                      label={t(provider.active === 1 ? 'maintenanceUi.yes' : 'maintenanceUi.no')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <RowActions onEdit={updating ? () => setEditing(provider) : null} onHistory={() => setViewing(provider)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <ProviderFormModal opened={creating || editing !== null} provider={editing} onClose={() => (setCreating(false), setEditing(null))} />
      <HistoryDrawer entity={viewing?.id ?? null} name={viewing?.name ?? ''} onClose={() => setViewing(null)} />
    </Stack>
  );
}
