// Loading and empty states, so no list is ever just blank.
import { Center, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack align="center" gap="xs">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

export function Empty({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <Center py="xl" data-testid="empty">
      <Stack align="center" gap={6} maw={460}>
        <ThemeIcon size={42} radius="xl" variant="light" color="gray">
          <IconInbox size={22} />
        </ThemeIcon>
        <Text fw={600} ta="center" data-testid="empty-title">
          {title}
        </Text>
        {hint ? (
          <Text size="sm" c="dimmed" ta="center">
            {hint}
          </Text>
        ) : null}
        {action}
      </Stack>
    </Center>
  );
}
