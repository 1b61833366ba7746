// Departments and locations: the places equipment and people belong to. Both lists are short, so each
// is one filtered list rather than pages.
import { Button, Group, SegmentedControl, Stack, Tabs, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconMapPin, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ActiveRecordTable, HistoryDrawer, QueryRows, TextCell, useActiveToggle, useRecordDialogs, type Column } from '../../components/record-list.tsx';
import { Empty } from '../../components/states.tsx';
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

type Kind = 'departments' | 'locations';

/** The search box and the in-use filter a places list is read through. */
function usePlaceFilter() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const [status, setStatus] = useState<Status>('active');
  return { search, setSearch, debounced, status, setStatus, input: { search: debounced, status, limit: 200 } };
}

type PlaceFilter = ReturnType<typeof usePlaceFilter>;
type Dialogs<Row> = ReturnType<typeof useRecordDialogs<Row>>;

function Toolbar({ filter, kind, keeper, onCreate }: { filter: PlaceFilter; kind: Kind; keeper: boolean; onCreate: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" mb="sm" wrap="nowrap">
      <TextInput
        style={{ flex: 1, maxWidth: 380 }}
        leftSection={<IconSearch size={16} />}
        placeholder={t(`places.${kind}.search-placeholder`)}
        aria-label={t('common.search')}
        value={filter.search}
        onChange={(event) => filter.setSearch(event.currentTarget.value)}
      />
      <SegmentedControl
        value={filter.status}
        onChange={(value) => filter.setStatus(value as Status)}
        data={[
          { value: 'active', label: t(`places.${kind}.status.active`) },
          { value: 'inactive', label: t(`places.${kind}.status.inactive`) },
          { value: 'all', label: t(`places.${kind}.status.all`) },
        ]}
      />
      <Group ml="auto">
        {keeper ? (
          <Button leftSection={<IconPlus size={16} />} onClick={onCreate} data-testid={kind === 'departments' ? 'create-department' : 'create-location'}>
            {t(`places.${kind}.create`)}
          </Button>
        ) : null}
      </Group>
    </Group>
  );
}

interface Place {
  id: string;
  name: string;
  active: number;
}

/** One places list: toolbar, in-use switch, edit and history per row; `cells` are the kind's own columns. */
function PlacePanel<Row extends Place>({
  kind,
  filter,
  list,
  keeper,
  updating,
  save,
  dialogs,
  columns,
  minWidth,
  cells,
  form,
}: {
  kind: Kind;
  filter: PlaceFilter;
  list: { isPending: boolean; isError: boolean; error: unknown; data: readonly Row[] | undefined };
  keeper: boolean;
  updating: boolean;
  save: (row: Row, active: boolean) => Promise<unknown>;
  dialogs: Dialogs<Row>;
  columns: readonly Column[];
  minWidth: number;
  cells: (row: Row) => ReactNode;
  form: ReactNode;
}) {
  const { t } = useTranslation();
  const { debounced } = filter;
  const toggler = useActiveToggle<Row>(save, (row) => t(row.active === 1 ? `places.${kind}.deactivated` : `places.${kind}.reactivated`, { name: row.name }));
  return (
    <>
      <Toolbar filter={filter} kind={kind} keeper={keeper} onCreate={dialogs.create} />
      {toggler.alert}
      <QueryRows
        query={list}
        empty={<Empty title={t(debounced ? `places.${kind}.empty-search` : `places.${kind}.empty`, { search: debounced })} hint={keeper && !debounced ? t(`places.${kind}.empty-hint`) : undefined} />}
      >
        {(rows) => (
          <ActiveRecordTable
            rows={rows}
            columns={columns}
            cells={cells}
            activeLabel={t(`places.${kind}.in-use`)}
            yes={t('places.yes')}
            no={t('places.no')}
            widths={[130, 96]}
            updating={updating}
            onToggle={(row) => void toggler.toggle(row)}
            onEdit={dialogs.edit}
            onHistory={dialogs.view}
            minWidth={minWidth}
            testId={`${kind}-table`}
            highlight
          />
        )}
      </QueryRows>
      {form}
      <HistoryDrawer entity={dialogs.viewing?.id ?? null} title={dialogs.viewing ? t('places.history-title', { name: dialogs.viewing.name }) : ''} onClose={dialogs.closeHistory} />
    </>
  );
}

function DepartmentsPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const filter = usePlaceFilter();
  const dialogs = useRecordDialogs<Department>();
  const list = useRouteQuery('departments.list', filter.input, { placeholderData: keepPreviousData });
  const update = useRouteMutation('departments.update', ['departments.list', 'people.list', 'people.get']);
  return (
    <PlacePanel
      kind="departments"
      filter={filter}
      list={list}
      keeper={can('departments.create')}
      updating={can('departments.update')}
      save={(department, active) => update.mutateAsync({ department_id: department.id, name: department.name, code: department.code, active })}
      dialogs={dialogs}
      minWidth={640}
      columns={[
        { label: t('places.departments.name'), w: '55%' },
        { label: t('places.departments.code'), w: '20%' },
      ]}
      cells={(department) => (
        <>
          <TextCell value={department.name} strong fit="department" />
          <TextCell value={department.code} mono fit="code" />
        </>
      )}
      form={<DepartmentFormModal opened={dialogs.formOpen} department={dialogs.editing} onClose={dialogs.closeForm} />}
    />
  );
}

function LocationsPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const filter = usePlaceFilter();
  const dialogs = useRecordDialogs<Location>();
  const list = useRouteQuery('locations.list', filter.input, { placeholderData: keepPreviousData });
  const update = useRouteMutation('locations.update', ['locations.list']);
  return (
    <PlacePanel
      kind="locations"
      filter={filter}
      list={list}
      keeper={can('locations.create')}
      updating={can('locations.update')}
      save={(location, active) => update.mutateAsync({ location_id: location.id, name: location.name, building: location.building, region: location.region, active })}
      dialogs={dialogs}
      minWidth={720}
      columns={[
        { label: t('places.locations.name'), w: '35%' },
        { label: t('places.locations.building'), w: '25%' },
        { label: t('places.locations.region'), w: '20%' },
      ]}
      cells={(location) => (
        <>
          <TextCell value={location.name} strong fit="location" />
          <TextCell value={location.building} fit="building" />
          <TextCell value={location.region} fit="region" />
        </>
      )}
      form={<LocationFormModal opened={dialogs.formOpen} location={dialogs.editing} onClose={dialogs.closeForm} />}
    />
  );
}
