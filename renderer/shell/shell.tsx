// The work areas: header (institution, who is signed in, language, sign-out) and the navigation of the
// areas the route table lets this user open (access.ts). Areas not built yet are absent, not dead links.
import { AppShell, Avatar, Badge, Box, Group, Menu, Modal, NavLink, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconBook, IconBuilding, IconChevronDown, IconDevices, IconFileImport, IconKey, IconLogout, IconRefresh, IconSettings, IconTool, IconUserCog, IconUsers } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteQuery } from '../client/context.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { EquipmentScreen } from '../screens/equipment/equipment-screen.tsx';
import { ImportScreen } from '../screens/import/import-screen.tsx';
import { LogBookScreen } from '../screens/logbook/logbook-screen.tsx';
import { MaintenanceScreen } from '../screens/maintenance/maintenance-screen.tsx';
import { PeopleScreen } from '../screens/people/people-screen.tsx';
import { PlacesScreen } from '../screens/places/places-screen.tsx';
import { SettingsScreen } from '../screens/settings/settings-screen.tsx';
import { SyncScreen } from '../screens/sync/sync-screen.tsx';
import { ChangePasswordForm } from '../screens/sign-in/change-password.tsx';
import { UsersScreen } from '../screens/users/users-screen.tsx';
import { useSession } from '../session/session.tsx';
import { areaFromHash, areasFor, hashOf, type Area } from './access.ts';
import { useHash } from './use-hash.ts';

const ICONS: Record<Area, ReactNode> = {
  equipment: <IconDevices size={18} />,
  logbook: <IconBook size={18} />,
  maintenance: <IconTool size={18} />,
  import: <IconFileImport size={18} />,
  people: <IconUsers size={18} />,
  places: <IconBuilding size={18} />,
  sync: <IconRefresh size={18} />,
  users: <IconUserCog size={18} />,
  settings: <IconSettings size={18} />,
};

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

const HEADER_HEIGHT = 60;

export function Shell() {
  const { t } = useTranslation();
  const { user, can, signOut } = useSession();
  const institution = useRouteQuery('institution.get', {});
  const allowed = areasFor(can);
  const [hash, setHash] = useHash();
  const area = areaFromHash(hash, allowed);
  const [changingPassword, setChangingPassword] = useState(false);
  // Dialogs and drawers open below the header (app.css), so the language switch stays in reach (3.5.2).
  useEffect(() => {
    document.documentElement.style.setProperty('--app-header-height', `${HEADER_HEIGHT}px`);
    return () => {
      document.documentElement.style.removeProperty('--app-header-height');
    };
  }, []);

  return (
    <AppShell header={{ height: HEADER_HEIGHT }} navbar={{ width: 240, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <div className="flag-band" />
        <Group h={56} px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Title order={3} c="flag.8">
              {t('app.name')}
            </Title>
            <Text c="dimmed" size="sm" truncate maw={520} data-testid="institution-name">
              {institution.data?.name ?? ''}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end" width={260} withinPortal>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu" aria-label={t('shell.account-menu')}>
                  <Group gap="xs" wrap="nowrap">
                    <Avatar color="flag" radius="xl" size={32}>
                      {initials(user.display_name)}
                    </Avatar>
                    <Box style={{ minWidth: 0 }} maw={220}>
                      <Text size="sm" fw={600} truncate data-testid="user-name">
                        {user.display_name}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {user.roles.map((role) => t(`roles.${role}`)).join(', ')}
                      </Text>
                    </Box>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.username}</Menu.Label>
                <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setChangingPassword(true)}>
                  {t('shell.change-password')}
                </Menu.Item>
                <Menu.Item leftSection={<IconLogout size={16} />} onClick={signOut} data-testid="sign-out">
                  {t('common.sign-out')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4} component="nav" aria-label={t('shell.navigation')}>
            {allowed.map((item) => (
              <NavLink
                key={item}
                href={hashOf(item)}
                label={t(`nav.${item}`)}
                leftSection={ICONS[item]}
                active={item === area}
                onClick={(event) => {
                  event.preventDefault();
                  setHash(hashOf(item));
                }}
                data-testid={`nav-${item}`}
                variant="light"
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Group gap={6} px="xs">
            {user.roles.map((role) => (
              <Badge key={role} size="xs" variant="outline" color="gray">
                {t(`roles.${role}`)}
              </Badge>
            ))}
          </Group>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Box maw={1400}>
          {area === 'equipment' ? <EquipmentScreen /> : null}
          {area === 'logbook' ? <LogBookScreen /> : null}
          {area === 'maintenance' ? <MaintenanceScreen /> : null}
          {area === 'import' ? <ImportScreen /> : null}
          {area === 'people' ? <PeopleScreen /> : null}
          {area === 'places' ? <PlacesScreen /> : null}
          {area === 'sync' ? <SyncScreen /> : null}
          {area === 'users' ? <UsersScreen /> : null}
          {area === 'settings' ? <SettingsScreen /> : null}
        </Box>
      </AppShell.Main>
      <Modal opened={changingPassword} onClose={() => setChangingPassword(false)} title={t('shell.change-password')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <ChangePasswordForm onChanged={() => setChangingPassword(false)} onCancel={() => setChangingPassword(false)} />
      </Modal>
    </AppShell>
  );
}
