// Accounts (3.1.1): the administrator opens, changes and closes them; an auditor reads the list.
import { ActionIcon, Badge, Button, Drawer, Group, Menu, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconHistory, IconKey, IconPencil, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { HistoryTimeline } from '../../components/history-timeline.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { formatDate } from '../../../db/contract/days.ts';
import { useSession } from '../../session/session.tsx';
import { useOpenedRecord } from '../../shell/opened-record.ts';
import { ACCOUNT_MANAGERS } from '../../../db/contract/roles.ts';
import { accountStatus, STATUS_COLOURS } from './account-status.ts';
import { CreateUserModal, DeactivateUserModal, EditUserModal, ResetPasswordModal, type UserView } from './user-forms.tsx';

export function UsersScreen() {
  const { t } = useTranslation();
  const { user, can } = useSession();
  const manage = can('users.create');
  const users = useRouteQuery('users.list', {});
  const reactivate = useRouteMutation('users.reactivate', ['users.list']);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [deactivating, setDeactivating] = useState<UserView | null>(null);
  // `#/users/<account id>` opens that account's history, as its row's menu does; an unknown id opens nothing.
  const [named, setViewing] = useOpenedRecord('users');
  const viewing = users.data?.find((account) => account.id === named) ?? null;
  const [actionError, setActionError] = useState<unknown>(null);
  const now = new Date();

  const restore = async (target: UserView) => {
    setActionError(null);
    try {
      await reactivate.mutateAsync({ user_id: target.id });
      notifications.show({ color: 'flag', message: t('users.reactivate.done', { name: target.display_name }) });
    } catch (error) {
      setActionError(error);
    }
  };

  return (
    <Stack gap="md" data-testid="users-screen">
      <PageHeader
        title={t('users.title')}
        description={t(manage ? 'users.intro' : 'users.intro-read-only')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="create-user">
              {t('users.create.open')}
            </Button>
          ) : null
        }
      />
      {actionError ? <RefusalAlert error={actionError} onClose={() => setActionError(null)} /> : null}
      {users.isPending ? <Loading /> : null}
      {users.isError ? <RefusalAlert error={users.error} /> : null}
      {users.data && users.data.length === 0 ? <Empty title={t('users.empty')} /> : null}
      {users.data && users.data.length > 0 ? (
        <Table.ScrollContainer minWidth={1040}>
          <Table highlightOnHover verticalSpacing="xs" striped="even" data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.columns.name')}</Table.Th>
                <Table.Th>{t('users.columns.username')}</Table.Th>
                <Table.Th>{t('users.columns.person')}</Table.Th>
                <Table.Th>{t('users.columns.roles')}</Table.Th>
                <Table.Th>{t('users.columns.status')}</Table.Th>
                <Table.Th>{t('users.columns.last-sign-in')}</Table.Th>
                <Table.Th w={48} aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((account) => {
                const status = accountStatus(account, now);
                return (
                  <Table.Tr key={account.id} data-username={account.username}>
                    <Table.Td maw={240}>
                      <Text size="sm" fw={500} className="wrap-words">
                        {account.display_name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {account.username}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={220}>
                      <Text size="sm" c={account.person_name ? undefined : 'dimmed'} className="wrap-words" data-testid="person">
                        {account.person_name ?? t('users.fields.no-person')}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Group gap={4}>
                        {account.roles.map((role) => (
                          <Badge key={role} size="md" variant="light" color={ACCOUNT_MANAGERS.includes(role) ? 'flag' : 'blue'}>
                            {t(`roles.${role}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={account.deactivation_reason ? t(`reasons.${account.deactivation_reason}`) : t(`users.status-hint.${status}`)} withinPortal>
                        <Badge size="md" color={STATUS_COLOURS[status]} variant={status === 'active' ? 'light' : 'filled'} data-testid="status">
                          {t(`users.status.${status}`)}
                        </Badge>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={account.last_sign_in_at ? undefined : 'dimmed'}>
                        {account.last_sign_in_at ? formatDate(account.last_sign_in_at) : t('users.never')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('common.actions')} data-testid="row-actions">
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconHistory size={16} />} onClick={() => setViewing(account.id)}>
                            {t('common.history')}
                          </Menu.Item>
                          {can('users.update') ? (
                            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(account)}>
                              {t('users.edit.open')}
                            </Menu.Item>
                          ) : null}
                          {can('users.reset-password') ? (
                            <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setResetting(account)}>
                              {t('users.reset.open')}
                            </Menu.Item>
                          ) : null}
                          {account.active && account.id !== user.id && can('users.deactivate') ? (
                            <Menu.Item color="red" leftSection={<IconUserOff size={16} />} onClick={() => setDeactivating(account)}>
                              {t('users.deactivate.open')}
                            </Menu.Item>
                          ) : null}
                          {!account.active && can('users.reactivate') ? (
                            <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => void restore(account)}>
                              {t('users.reactivate.open')}
                            </Menu.Item>
                          ) : null}
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      <EditUserModal target={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal target={resetting} onClose={() => setResetting(null)} />
      <DeactivateUserModal target={deactivating} onClose={() => setDeactivating(null)} />
      <Drawer
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        position="right"
        size="lg"
        title={viewing ? t('users.history-title', { name: viewing.display_name }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {viewing ? <HistoryTimeline entity={viewing.id} /> : null}
      </Drawer>
    </Stack>
  );
}
