// The people register: public servants who can be given ICT equipment. Search as you type, keyset
// paging, register and correct, mark as gone, and each person's history.
import { Anchor, Badge, Button, Drawer, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../client/call-error.ts';
import { useClient } from '../../client/context.tsx';
import { ExportRegister } from '../../components/export-register.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { useSession } from '../../session/session.tsx';
import { PersonDetail } from './person-detail.tsx';
import { PersonFormModal } from './person-form.tsx';

type Status = 'active' | 'inactive' | 'all';
const PAGE_SIZE = 50;
export const SEARCH_DELAY_MS = 200;

export function PeopleScreen() {
  const { t } = useTranslation();
  const { call } = useClient();
  const { can } = useSession();
  const keeper = can('people.register');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const [status, setStatus] = useState<Status>('active');
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);

  const people = useInfiniteQuery({
    queryKey: ['people.list', { search: debounced, status }],
    queryFn: ({ pageParam }) => call('people.list', { search: debounced, status, after: pageParam, limit: PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
  });
  const rows = people.data?.pages.flatMap((page) => page.items) ?? [];
  const total = people.data?.pages[0]?.total ?? 0;

  return (
    <Stack gap="md" data-testid="people-screen">
      <PageHeader
        title={t('people.title')}
        description={t('people.intro')}
        actions={
          <>
            <ExportRegister request={{ register: 'people', filters: { search: debounced, status } }} />
            {keeper ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="register-person">
                {t('people.register')}
              </Button>
            ) : null}
          </>
        }
      />
      <Group gap="sm" wrap="nowrap">
        <TextInput
          style={{ flex: 1, maxWidth: 460 }}
          leftSection={<IconSearch size={16} />}
          placeholder={t('people.search-placeholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          data-testid="people-search"
        />
        <SegmentedControl
          value={status}
          onChange={(value) => setStatus(value as Status)}
          data={[
            { value: 'active', label: t('people.status.active') },
            { value: 'inactive', label: t('people.status.inactive') },
            { value: 'all', label: t('people.status.all') },
          ]}
        />
        <Text size="sm" c="dimmed" ml="auto" data-testid="people-total">
          {people.data ? t('people.count', { count: total }) : ''}
        </Text>
      </Group>
      {people.isError ? <RefusalAlert error={people.error as CallError} /> : null}
      {people.isPending ? <Loading /> : null}
      {people.data && rows.length === 0 ? (
        debounced ? (
          <Empty title={t('people.empty-search-title', { search: debounced })} hint={t('people.empty-search-hint')} />
        ) : (
          <Empty
            title={t(status === 'inactive' ? 'people.empty-inactive-title' : 'people.empty-title')}
            hint={keeper && status !== 'inactive' ? t('people.empty-hint') : undefined}
          />
        )
      ) : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover verticalSpacing="xs" striped="even" layout="fixed" data-testid="people-table" style={{ opacity: people.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="22%">{t('people.columns.name')}</Table.Th>
                <Table.Th w="12%">{t('people.columns.check-number')}</Table.Th>
                <Table.Th w="17%">{t('people.columns.title')}</Table.Th>
                <Table.Th w="17%">{t('people.columns.department')}</Table.Th>
                <Table.Th w="16%">{t('people.columns.institution')}</Table.Th>
                <Table.Th w="16%">{t('people.columns.phone')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((person) => (
                <Table.Tr key={person.id} className="clickable-row" onClick={() => setSelected(person.id)} data-person={person.full_name}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        fw={500}
                        ta="left"
                        className="wrap-words"
                        data-fit="person"
                        onClick={(event) => {
                          event.stopPropagation();
                          setSelected(person.id);
                        }}
                      >
                        {person.full_name}
                      </Anchor>
                      {person.active ? null : (
                        <Badge size="xs" color="gray" variant="filled">
                          {t('people.gone')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Cell value={person.check_number} mono />
                  <Cell value={person.title} />
                  <Cell value={person.department_name ?? ''} fit="department" />
                  <Cell value={person.institution} />
                  <Cell value={person.phone} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {people.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" onClick={() => void people.fetchNextPage()} loading={people.isFetchingNextPage} data-testid="load-more">
            {t('common.load-more')}
          </Button>
        </Group>
      ) : null}
      <PersonFormModal opened={creating} person={null} onClose={() => setCreating(false)} onSaved={setSelected} />
      <Drawer opened={selected !== null} onClose={() => setSelected(null)} position="right" size="lg" title={t('people.detail.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {selected ? <PersonDetail id={selected} editable={can('people.update')} /> : null}
      </Drawer>
    </Stack>
  );
}

function Cell({ value, mono, fit }: { value: string; mono?: boolean; fit?: string }) {
  return (
    <Table.Td>
      <Text size="sm" className="wrap-words" ff={mono && value ? 'monospace' : undefined} c={value ? undefined : 'dimmed'} data-fit={fit}>
        {value || '—'}
      </Text>
    </Table.Td>
  );
}
