// Sync between installations: send and receive signed bundles on a transfer medium, the installations
// trusted, the conflicts a merge revealed, and the 3.6.9 wipes still to record. The tab is in the
// address (`#/sync/receive`) so a link or a reload lands on it.
import { Badge, Stack, Tabs } from '@mantine/core';
import { IconArrowsExchange, IconEraser, IconFileExport, IconFileImport, IconServer } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteQuery } from '../../client/context.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useSession } from '../../session/session.tsx';
import { useHash } from '../../shell/use-hash.ts';
import { ConflictsPanel } from './conflicts-panel.tsx';
import { PeersPanel } from './peers-panel.tsx';
import { ReceivePanel } from './receive-panel.tsx';
import { SendPanel } from './send-panel.tsx';
import { syncTabFromHash, syncTabHash, syncTabsFor, type SyncTab } from './sync-helpers.ts';
import { WipesPanel } from './wipes-panel.tsx';

const ICONS: Record<SyncTab, ReactNode> = {
  send: <IconFileExport size={16} />,
  receive: <IconFileImport size={16} />,
  peers: <IconServer size={16} />,
  conflicts: <IconArrowsExchange size={16} />,
  wipes: <IconEraser size={16} />,
};

export function SyncScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const tabs = syncTabsFor(can);
  const [hash, setHash] = useHash();
  const tab = syncTabFromHash(hash, tabs);
  const conflicts = useRouteQuery('conflicts.list', {});
  const transfers = useRouteQuery('sync.transfers', {}, { enabled: can('sync.transfers') });
  const counts: Partial<Record<SyncTab, { value: number; colour: string }>> = {
    conflicts: { value: conflicts.data?.length ?? 0, colour: 'orange' },
    wipes: { value: transfers.data?.length ?? 0, colour: 'yellow' },
  };
  const open = (next: SyncTab) => setHash(syncTabHash(next));

  return (
    <Stack gap="md" data-testid="sync-screen">
      <PageHeader title={t('syncUi.title')} description={t('syncUi.intro')} />
      <Tabs value={tab} onChange={(value) => value && open(value as SyncTab)}>
        <Tabs.List mb="md">
          {tabs.map((name) => {
            const count = counts[name];
            return (
              <Tabs.Tab
                key={name}
                value={name}
                leftSection={ICONS[name]}
                rightSection={
                  count && count.value > 0 ? (
                    <Badge size="sm" circle={count.value < 10} color={count.colour} variant="filled" data-testid={`tab-count-${name}`}>
                      {count.value}
                    </Badge>
                  ) : null
                }
                data-testid={`tab-${name}`}
              >
                {t(`syncUi.tabs.${name}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {tabs.includes('send') ? (
          <Tabs.Panel value="send">
            <SendPanel />
          </Tabs.Panel>
        ) : null}
        {tabs.includes('receive') ? (
          <Tabs.Panel value="receive">
            <ReceivePanel onOpenConflicts={() => open('conflicts')} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="peers">
          <PeersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="conflicts">
          <ConflictsPanel />
        </Tabs.Panel>
        {tabs.includes('wipes') ? (
          <Tabs.Panel value="wipes">
            <WipesPanel />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}
