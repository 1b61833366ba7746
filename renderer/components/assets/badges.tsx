// The register's words as badges: a device's status, a log book entry's state, and its classification
// with the 3.2.3 warning for secret and top-secret devices.
import { Badge, Group, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { OFFLINE_CLASSIFICATIONS } from '../../../db/assets/contract.ts';

const STATUS_COLOURS: Record<string, string> = {
  in_service: 'flag',
  in_store: 'gray',
  under_repair: 'yellow',
  away_for_repair: 'orange',
  off_premises: 'blue',
  awaiting_disposal: 'red',
  disposed: 'dark',
};

const ENTRY_COLOURS: Record<string, string> = {
  reported: 'blue',
  in_progress: 'yellow',
  off_site: 'orange',
  returned: 'cyan',
  closed: 'gray',
};

export function StatusBadge({ status, size = 'sm' }: { status: string; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status] ?? 'gray'} variant="light" size={size} data-testid="status-badge" data-status={status} style={{ maxWidth: '100%' }}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}

export function EntryStateBadge({ state, size = 'sm' }: { state: string; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color={ENTRY_COLOURS[state] ?? 'gray'} variant={state === 'closed' ? 'outline' : 'light'} size={size} data-testid="entry-state" data-state={state}>
      {t(`entryStates.${state}`)}
    </Badge>
  );
}

export function isOffline(classification: string): boolean {
  return OFFLINE_CLASSIFICATIONS.includes(classification);
}

/** 3.2.3: the warning a person sees wherever a secret or top-secret device appears. */
export function OfflineWarningIcon({ size = 18 }: { size?: number }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('classifications.offline-warning')} multiline w={280} withArrow>
      <ThemeIcon color="red" variant="light" size={size + 4} radius="xl" aria-label={t('classifications.offline-warning')} data-testid="offline-warning">
        <IconWifiOff size={size - 4} />
      </ThemeIcon>
    </Tooltip>
  );
}

export function ClassificationMark({ classification }: { classification: string }) {
  const { t } = useTranslation();
  const offline = isOffline(classification);
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <Text size="sm" c={offline ? 'red.8' : undefined} fw={offline ? 600 : undefined} style={{ overflowWrap: 'break-word' }}>
        {t(`classifications.${classification}`)}
      </Text>
      {offline ? <OfflineWarningIcon size={16} /> : null}
    </Group>
  );
}
