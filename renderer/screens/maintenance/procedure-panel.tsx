// 3.6.1: the approved internal maintenance procedure. Every version with its approver, dates and
// signed document; the one in force marked, since each log book entry cites it.
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import type { CallError } from '../../client/call-error.ts';
import { useClient, useRouteQuery } from '../../client/context.tsx';
import { saveFile } from '../../components/assets/download.ts';
import { todayInDar } from '../../components/assets/days.ts';
import { HistoryDrawer } from '../../components/record-list.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { formatDate } from '../../../db/contract/days.ts';
import { useSession } from '../../session/session.tsx';
import { procedureStatus, type ProcedureStatus } from './procedure-helpers.ts';
import { ProcedureFormModal } from './procedure-form.tsx';

export type Procedure = RouteOutput<'procedures.list'>['procedures'][number];

const STATUS_COLOURS: Record<ProcedureStatus, string> = { 'in-force': 'flag', upcoming: 'blue', superseded: 'gray' };

export function ProcedurePanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const head = can('procedures.approve');
  const list = useRouteQuery('procedures.list', {});
  const [recording, setRecording] = useState(false);
  const [viewing, setViewing] = useState<Procedure | null>(null);
  const today = todayInDar();

  const procedures = list.data?.procedures ?? [];
  const inForce = procedures.find((p) => p.id === list.data?.in_force_id) ?? null;

  return (
    <Stack gap="md" data-testid="procedure-panel">
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
        {t('maintenanceUi.procedure.explain')}
      </Alert>
      <Group justify="space-between" align="center" wrap="nowrap">
        <Title order={3} size="h5">
          {t('maintenanceUi.procedure.in-force-title')}
        </Title>
        {head ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)} data-testid="record-procedure">
            {t('maintenanceUi.procedure.record')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t('maintenanceUi.procedure.head-only')}
          </Text>
        )}
      </Group>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <RefusalAlert error={list.error} /> : null}
      {list.data && inForce ? <InForceCard procedure={inForce} /> : null}
      {list.data && !inForce ? (
        <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="none-in-force">
          {t('maintenanceUi.procedure.none-in-force')}
        </Alert>
      ) : null}
      {list.data && procedures.length === 0 ? (
        <Empty
          title={t('maintenanceUi.procedure.empty')}
          hint={t(head ? 'maintenanceUi.procedure.empty-hint-head' : 'maintenanceUi.procedure.empty-hint-other')}
        />
      ) : null}
      {procedures.length > 0 ? (
        <>
          <Title order={3} size="h5">
            {t('maintenanceUi.procedure.versions')}
          </Title>
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing="xs" striped="even" layout="fixed" data-testid="procedures-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={76}>{t('maintenanceUi.procedure.columns.version')}</Table.Th>
                  <Table.Th>{t('maintenanceUi.procedure.columns.title')}</Table.Th>
                  <Table.Th w="25%">{t('maintenanceUi.procedure.columns.approved-by')}</Table.Th>
                  <Table.Th w={118}>{t('maintenanceUi.procedure.columns.approval-date')}</Table.Th>
                  <Table.Th w={110}>{t('maintenanceUi.procedure.columns.effective-date')}</Table.Th>
                  <Table.Th w={160}>{t('maintenanceUi.procedure.columns.status')}</Table.Th>
                  <Table.Th w={92}>{t('maintenanceUi.procedure.columns.document')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {procedures.map((procedure) => {
                  const status = procedureStatus(procedure, list.data?.in_force_id ?? null, today);
                  return (
                    <Table.Tr
                      key={procedure.id}
                      data-version={procedure.version}
                      data-status={status}
                      className="clickable-row"
                      onClick={() => setViewing(procedure)}
                      bg={status === 'in-force' ? 'flag.0' : undefined}
                    >
                      <Table.Td>
                        <Text size="sm" fw={700} ff="monospace">
                          {procedure.version}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500} lineClamp={2} title={procedure.title}>
                          {procedure.title}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" truncate title={procedure.approved_by}>
                          {procedure.approved_by}
                        </Text>
                        <Text size="xs" c="dimmed" truncate title={procedure.recorded_by} data-testid="recorded-by">
                          {t('maintenanceUi.procedure.recorded-by-line', { name: procedure.recorded_by })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(procedure.approval_date)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(procedure.effective_date)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOURS[status]} variant={status === 'in-force' ? 'filled' : 'light'} data-testid="procedure-status">
                          {t(`maintenanceUi.procedure.status.${status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td onClick={(event) => event.stopPropagation()}>
                        <DownloadButton procedure={procedure} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
      <ProcedureFormModal opened={recording} onClose={() => setRecording(false)} />
      <HistoryDrawer
        entity={viewing?.id ?? null}
        title={t('maintenanceUi.history-title', { name: viewing ? t('maintenanceUi.procedure.in-force', { version: viewing.version, title: viewing.title }) : '' })}
        onClose={() => setViewing(null)}
      />
    </Stack>
  );
}

function InForceCard({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="in-force" style={{ borderColor: 'var(--mantine-color-flag-4)' }}>
      <Group justify="space-between" wrap="nowrap" align="center">
        <Group gap="md" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <ThemeIcon color="flag" variant="light" size={38} radius="xl">
            <IconCircleCheck size={22} />
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="in-force-version">
              {t('maintenanceUi.procedure.in-force', { version: procedure.version, title: procedure.title })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('maintenanceUi.procedure.in-force-detail', {
                effective: formatDate(procedure.effective_date),
                approved: formatDate(procedure.approval_date),
                by: procedure.approved_by,
              })}
            </Text>
          </Stack>
        </Group>
        <DownloadButton procedure={procedure} withName />
      </Group>
    </Paper>
  );
}

function DownloadButton({ procedure, withName }: { procedure: Procedure; withName?: boolean }) {
  const { t } = useTranslation();
  const { call } = useClient();
  const download = useMutation<RouteOutput<'attachments.get'>, CallError, string>({
    mutationFn: (sha256) => call('attachments.get', { sha256 }),
    onSuccess: (file) => saveFile({ filename: file.name, mime: file.mime || 'application/pdf', base64: file.base64 }),
  });
  const label = t('maintenanceUi.procedure.download-label', { version: procedure.version, name: procedure.document_name });
  return (
    <Stack gap={4} align="flex-start">
      <Tooltip label={label} withinPortal>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconDownload size={14} />}
          loading={download.isPending}
          onClick={() => download.mutate(procedure.document_sha256)}
          aria-label={label}
          data-testid="download-procedure"
        >
          {withName ? procedure.document_name : t('maintenanceUi.procedure.download')}
        </Button>
      </Tooltip>
      {download.isError ? <RefusalAlert error={download.error} onClose={() => download.reset()} /> : null}
    </Stack>
  );
}
