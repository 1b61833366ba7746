// One person: their particulars, the actions on them, and their history.
import { Badge, Button, Divider, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { HistoryTimeline } from '../../components/history-timeline.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Loading } from '../../components/states.tsx';
import { formatDate } from '../../../db/contract/days.ts';
import { PersonFormModal } from './person-form.tsx';

export function PersonDetail({ id, editable }: { id: string; editable: boolean }) {
  const { t } = useTranslation();
  const person = useRouteQuery('people.get', { person_id: id });
  const deactivate = useRouteMutation('people.deactivate', ['people.list', 'people.get']);
  const reactivate = useRouteMutation('people.reactivate', ['people.list', 'people.get']);
  const [editing, setEditing] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);

  if (person.isPending) return <Loading />;
  if (person.isError) return <RefusalAlert error={person.error} />;
  const p = person.data;

  const toggle = async () => {
    setActionError(null);
    try {
      if (p.active) await deactivate.mutateAsync({ person_id: p.id });
      else await reactivate.mutateAsync({ person_id: p.id });
      notifications.show({ color: 'flag', message: t(p.active ? 'people.detail.deactivated' : 'people.detail.reactivated', { name: p.full_name }) });
    } catch (error) {
      setActionError(error);
    }
  };

  const rows: [string, string][] = [
    [t('people.fields.check-number'), p.check_number],
    [t('people.fields.title'), p.title],
    [t('people.fields.department'), p.department_name ?? ''],
    [t('people.fields.institution'), p.institution],
    [t('people.fields.phone'), p.phone],
    [t('people.fields.email'), p.email],
    [t('people.detail.registered-on'), formatDate(p.created_at)],
  ];

  return (
    <Stack gap="md" data-testid="person-detail">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
          {p.full_name}
        </Title>
        <Badge color={p.active ? 'flag' : 'gray'} variant={p.active ? 'light' : 'filled'}>
          {t(p.active ? 'people.detail.present' : 'people.gone')}
        </Badge>
      </Group>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={200}>{label}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {value || (
                  <Text span c="dimmed" size="sm">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {actionError ? <RefusalAlert error={actionError} onClose={() => setActionError(null)} /> : null}
      {editable ? (
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
          <Button
            variant="light"
            color={p.active ? 'red' : 'flag'}
            leftSection={p.active ? <IconUserOff size={16} /> : <IconUserCheck size={16} />}
            loading={deactivate.isPending || reactivate.isPending}
            onClick={() => void toggle()}
          >
            {t(p.active ? 'people.detail.deactivate' : 'people.detail.reactivate')}
          </Button>
        </Group>
      ) : null}
      <Divider label={t('common.history')} labelPosition="left" />
      <HistoryTimeline entity={p.id} />
      <PersonFormModal opened={editing} person={p} onClose={() => setEditing(false)} />
    </Stack>
  );
}
