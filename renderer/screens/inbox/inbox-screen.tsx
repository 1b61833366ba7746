// What waits for the signed-in user across the areas: each with its count, how urgent it is, and a way
// to the screen that deals with it.
import { Badge, Button, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowRight, IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Loading } from '../../components/states.tsx';
import { hashOf } from '../../shell/access.ts';
import { urgencyColour } from './inbox-view.ts';
import { useInbox } from './use-inbox.ts';

export function InboxScreen() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const items = inbox.data?.items ?? [];
  return (
    <Stack gap="md" data-testid="inbox-screen">
      <PageHeader title={t('inbox.title')} description={t('inbox.intro')} />
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? <RefusalAlert error={inbox.error} /> : null}
      {inbox.data && items.length === 0 ? (
        <Group gap="sm" data-testid="inbox-empty">
          <ThemeIcon color="green" variant="light" radius="xl" size="lg">
            <IconChecks size={18} />
          </ThemeIcon>
          <Text>{t('inbox.empty')}</Text>
        </Group>
      ) : null}
      {items.map((item) => (
        <Card key={item.key} withBorder radius="md" padding="md" data-testid={`inbox-${item.key}`}>
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Badge color={urgencyColour(item.urgency)} variant="light" size="lg" style={{ flexShrink: 0 }}>
                {t(`inbox.urgency.${item.urgency}`)}
              </Badge>
              <Text fw={500}>{t(`inbox.items.${item.key}`, { count: item.count })}</Text>
            </Group>
            <Button component="a" href={hashOf(item.screen)} variant="light" rightSection={<IconArrowRight size={16} />} style={{ flexShrink: 0 }}>
              {t('inbox.open')}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
