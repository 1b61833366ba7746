// The frame of the screens before the work areas (setup, sign-in, password change): the app's name,
// the language switch, and one card in the middle.
import { Box, Container, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch.tsx';

export function AuthFrame({ children, width = 460, subtitle }: { children: ReactNode; width?: number; subtitle?: string | null }) {
  const { t } = useTranslation();
  return (
    <Box mih="100%" style={{ display: 'flex', flexDirection: 'column' }}>
      <div className="flag-band" />
      <Group justify="space-between" px="lg" py="sm" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group gap="xs" wrap="nowrap">
          <Title order={3} c="flag.8">
            {t('app.name')}
          </Title>
          <Text c="dimmed" size="sm" visibleFrom="sm">
            {t('app.tagline')}
          </Text>
        </Group>
        <LanguageSwitch />
      </Group>
      <Container size={width} w="100%" py="lg" style={{ flex: 1 }}>
        {subtitle ? (
          <Text ta="center" fw={600} mb="md" c="dark.6">
            {subtitle}
          </Text>
        ) : null}
        <Paper withBorder shadow="xs" p="xl" radius="md">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
