// The work areas: header (institution, who is signed in, language, sign-out) and the navigation of the
// areas the route table lets this user open (access.ts). Areas not built yet are absent, not dead links.
import { AppShell, Avatar, Badge, Box, Group, Menu, Modal, NavLink, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteQuery } from '../client/context.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { countsByScreen } from '../screens/inbox/inbox-view.ts';
import { useInbox } from '../screens/inbox/use-inbox.ts';
import { ChangePasswordForm } from '../screens/sign-in/change-password.tsx';
import { useSession } from '../session/session.tsx';
import { areaFromHash, areasFor, hashOf, screensOf, type ScreenModule } from './access.ts';
import { StartupWarning } from './startup-warning.tsx';
import { useHash } from './use-hash.ts';

// Every work area's screen, found in its folder: a new area's screen is a folder, not an edit here.
const SCREENS = screensOf(import.meta.glob<{ screen?: ScreenModule }>('../screens/*/index.tsx', { eager: true }));

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
  const { user, screens, signOut } = useSession();
  const institution = useRouteQuery('institution.get', {});
  const allowed = areasFor(screens, SCREENS);
  const [hash, setHash] = useHash();
  const area = areaFromHash(hash, allowed);
  const Current = SCREENS[area]?.Screen;
  // Counts of what waits, beside each screen and in all beside the inbox (issue 10).
  const inbox = useInbox(allowed.includes('inbox'));
  const waiting = countsByScreen(inbox.data?.items ?? []);
  const waitingAt = (item: string) => (item === 'inbox' ? inboxTotal(waiting) : waiting.get(item));
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
      <AppShell.Navbar p="xs">
        {/* The roles follow the last entry inside the scrolled part, so they never sit over an entry; the
            scrollbar shows whenever the list is longer than the window, so nothing below waits unseen. */}
        <AppShell.Section grow component={ScrollArea} type="auto">
          <Stack gap={2} component="nav" aria-label={t('shell.navigation')}>
            {allowed.map((item) => (
              <NavLink
                key={item}
                href={hashOf(item)}
                label={t(`nav.${item}`)}
                // One line each, so the administrator's whole menu fits at 1366×768 in Swahili too; a name
                // too long for the column ends in "…" and is read whole in the tooltip.
                noWrap
                title={t(`nav.${item}`)}
                className="nav-entry"
                leftSection={SCREENS[item]?.icon}
                rightSection={<WaitingBadge waiting={waitingAt(item)} label={t('inbox.count-label', { count: waitingAt(item)?.count ?? 0 })} testId={`nav-count-${item}`} />}
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
          <Group gap={6} px="xs" pt="xs" mt="xs" className="nav-roles" data-testid="shell-roles">
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
          <StartupWarning />
          {Current ? <Current /> : null}
        </Box>
      </AppShell.Main>
      <Modal opened={changingPassword} onClose={() => setChangingPassword(false)} title={t('shell.change-password')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <ChangePasswordForm onChanged={() => setChangingPassword(false)} onCancel={() => setChangingPassword(false)} />
      </Modal>
    </AppShell>
  );
}

/** Everything that waits, for the inbox's own entry. */
function inboxTotal(waiting: ReadonlyMap<string, { count: number; urgent: boolean }>): { count: number; urgent: boolean } {
  const all = [...waiting.values()];
  return { count: all.reduce((sum, w) => sum + w.count, 0), urgent: all.some((w) => w.urgent) };
}

/** How many things wait at a screen, red when one of them is a decision or late. */
function WaitingBadge({ waiting, label, testId }: { waiting: { count: number; urgent: boolean } | undefined; label: string; testId: string }) {
  if (!waiting || waiting.count === 0) return null;
  return (
    <Badge size="sm" circle={waiting.count < 10} color={waiting.urgent ? 'red' : 'yellow'} variant="filled" aria-label={label} title={label} data-testid={testId}>
      {waiting.count > 99 ? '99+' : waiting.count}
    </Badge>
  );
}
