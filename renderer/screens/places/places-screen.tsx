// Departments and locations: the places equipment and people belong to. Both lists are short, so each
// is one filtered list rather than pages.
import { ActionIcon, Button, Drawer, Group, SegmentedControl, Stack, Switch, Table, Tabs, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconHistory, IconMapPin, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { HistoryTimeline } from '../../components/history-timeline.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { useSession } from '../../session/session.tsx';
import { DepartmentFormModal, LocationFormModal, type Department, type Location } from './place-forms.tsx';

type Status = 'active' | 'inactive' | 'all';
const SEARCH_DELAY_MS = 200;

export function PlacesScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="places-screen">
      <PageHeader title={t('places.title')} description={t('places.intro')} />
      <Tabs defaultValue="departments" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="departments" leftSection={<IconBuilding size={16} />} data-testid="tab-departments">
            {t('places.departments.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="locations" leftSection={<IconMapPin size={16} />} data-testid="tab-locations">
            {t('places.locations.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="departments">
          <DepartmentsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="locations">
          <LocationsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Toolbar({
  search,
  onSearch,
  status,
  onStatus,
  placeholder,
  kind,
  action,
}: {
  search: string;
  onSearch: (value: string) => void;
  status: Status;
  onStatus: (value: Status) => void;
  placeholder: string;
  kind: 'departments' | 'locations';
  action: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" mb="sm" wrap="nowrap">
      <TextInput
        style={{ flex: 1, maxWidth: 380 }}
        leftSection={<IconSearch size={16} />}
        placeholder={placeholder}
        aria-label={t('common.search')}
        value={search}
        onChange={(event) => onSearch(event.currentTarget.value)}
      />
      <SegmentedControl
        value={status}
        onChange={(value) => onStatus(value as Status)}
        data={[
          { value: 'active', label: t(`places.${kind}.status.active`) },
          { value: 'inactive', label: t(`places.${kind}.status.inactive`) },
          { value: 'all', label: t(`places.${kind}.status.all`) },
        ]}
      />
      <Group ml="auto">{action}</Group>
    </Group>
  );
}

function RowActions({ onEdit, onHistory, editable }: { onEdit: () => void; onHistory: () => void; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {editable ? (
        <Tooltip label={t('common.edit')}>
          <ActionIcon variant="subtle" color="gray" onClick={onEdit} aria-label={t('common.edit')}>
            <IconPencil size={16} />
          </ActionIcon>
        </Tooltip>
      ) : null}
      <Tooltip label={t('common.history')}>
        <ActionIcon variant="subtle" color="gray" onClick={onHistory} aria-label={t('common.history')}>
          <IconHistory size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function HistoryDrawer({ entity, title, onClose }: { entity: string | null; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer opened={entity !== null} onClose={onClose} position="right" size="lg" title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {entity ? <HistoryTimeline entity={entity} /> : null}
    </Drawer>
  );
}

function DepartmentsPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const keeper = can('departments.create');
  const updating = can('departments.update');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const [status, setStatus] = useState<Status>('active');
  const [editing, setEditing] = useState<Department | null>(null);
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<Department | null>(null);
  const [toggleError, setToggleError] = useState<unknown>(null);
  const list = useRouteQuery('departments.list', { search: debounced, status, limit: 200 }, { placeholderData: keepPreviousData });
  const update = useRouteMutation('departments.update', ['departments.list', 'people.list', 'people.get']);

  const toggle = async (department: Department) => {
    setToggleError(null);
    try {
      await update.mutateAsync({ department_id: department.id, name: department.name, code: department.code, active: department.active !== 1 });
      notifications.show({ color: 'flag', message: t(department.active === 1 ? 'places.departments.deactivated' : 'places.departments.reactivated', { name: department.name }) });
    } catch (error) {
      setToggleError(error);
    }
  };

  return (
    <>
      <Toolbar
        search={search}
        onSearch={setSearch}
        status={status}
        onStatus={setStatus}
        placeholder={t('places.departments.search-placeholder')}
        kind="departments"
        action={
          keeper ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="create-department">
              {t('places.departments.create')}
            </Button>
          ) : null
        }
      />
      {toggleError ? <RefusalAlert error={toggleError} onClose={() => setToggleError(null)} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <RefusalAlert error={list.error} /> : null}
      {list.data && list.data.length === 0 ? (
        <Empty
          title={t(debounced ? 'places.departments.empty-search' : 'places.departments.empty', { search: debounced })}
          hint={keeper && !debounced ? t('places.departments.empty-hint') : undefined}
        />
      ) : null}
      {list.data && list.data.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover verticalSpacing="xs" striped="even" layout="fixed" data-testid="departments-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="55%">{t('places.departments.name')}</Table.Th>
                <Table.Th w="20%">{t('places.departments.code')}</Table.Th>
                <Table.Th w={130}>{t('places.departments.in-use')}</Table.Th>
                <Table.Th w={96} aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((department) => (
                <Table.Tr key={department.id}>
                  <Table.Td>
                    <Text size="sm" fw={500} className="wrap-words" data-fit="department">
                      {department.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" className="wrap-words" c={department.code ? undefined : 'dimmed'} data-fit="code">
                      {department.code || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={department.active === 1}
                      disabled={!updating}
                      onChange={() => void toggle(department)}
                      aria-label={t('places.departments.in-use')}
                      label={t(department.active === 1 ? 'places.yes' : 'places.no')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <RowActions editable={updating} onEdit={() => setEditing(department)} onHistory={() => setViewing(department)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <DepartmentFormModal opened={creating || editing !== null} department={editing} onClose={() => (setCreating(false), setEditing(null))} />
      <HistoryDrawer entity={viewing?.id ?? null} title={viewing ? t('places.history-title', { name: viewing.name }) : ''} onClose={() => setViewing(null)} />
    </>
  );
}

function LocationsPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const keeper = can('locations.create');
  const updating = can('locations.update');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const [status, setStatus] = useState<Status>('active');
  const [editing, setEditing] = useState<Location | null>(null);
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<Location | null>(null);
  const [toggleError, setToggleError] = useState<unknown>(null);
  const list = useRouteQuery('locations.list', { search: debounced, status, limit: 200 }, { placeholderData: keepPreviousData });
  const update = useRouteMutation('locations.update', ['locations.list']);

  const toggle = async (location: Location) => {
    setToggleError(null);
    try {
      await update.mutateAsync({ location_id: location.id, name: location.name, building: location.building, region: location.region, active: location.active !== 1 });
      notifications.show({ color: 'flag', message: t(location.active === 1 ? 'places.locations.deactivated' : 'places.locations.reactivated', { name: location.name }) });
    } catch (error) {
      setToggleError(error);
    }
  };

  return (
    <>
      <Toolbar
        search={search}
        onSearch={setSearch}
        status={status}
        onStatus={setStatus}
        placeholder={t('places.locations.search-placeholder')}
        kind="locations"
        action={
          keeper ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="create-location">
              {t('places.locations.create')}
            </Button>
          ) : null
        }
      />
      {toggleError ? <RefusalAlert error={toggleError} onClose={() => setToggleError(null)} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <RefusalAlert error={list.error} /> : null}
      {list.data && list.data.length === 0 ? (
        <Empty
          title={t(debounced ? 'places.locations.empty-search' : 'places.locations.empty', { search: debounced })}
          hint={keeper && !debounced ? t('places.locations.empty-hint') : undefined}
        />
      ) : null}
      {list.data && list.data.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover verticalSpacing="xs" striped="even" layout="fixed" data-testid="locations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="35%">{t('places.locations.name')}</Table.Th>
                <Table.Th w="25%">{t('places.locations.building')}</Table.Th>
                <Table.Th w="20%">{t('places.locations.region')}</Table.Th>
                <Table.Th w={130}>{t('places.locations.in-use')}</Table.Th>
                <Table.Th w={96} aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((location) => (
                <Table.Tr key={location.id}>
                  <Table.Td>
                    <Text size="sm" fw={500} className="wrap-words" data-fit="location">
                      {location.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="wrap-words" c={location.building ? undefined : 'dimmed'} data-fit="building">
                      {location.building || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="wrap-words" c={location.region ? undefined : 'dimmed'} data-fit="region">
                      {location.region || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={location.active === 1}
                      disabled={!updating}
                      onChange={() => void toggle(location)}
                      aria-label={t('places.locations.in-use')}
                      label={t(location.active === 1 ? 'places.yes' : 'places.no')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <RowActions editable={updating} onEdit={() => setEditing(location)} onHistory={() => setViewing(location)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LocationFormModal opened={creating || editing !== null} location={editing} onClose={() => (setCreating(false), setEditing(null))} />
      <HistoryDrawer entity={viewing?.id ?? null} title={viewing ? t('places.history-title', { name: viewing.name }) : ''} onClose={() => setViewing(null)} />
    </>
  );
}
