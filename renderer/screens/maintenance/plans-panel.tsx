// Preventive maintenance (matengenezo kinga): the plans drawn from the procedure, and what falls due.
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { ActiveRecordTable, HistoryDrawer, QueryRows, TextCell, useActiveToggle, useRecordDialogs } from '../../components/record-list.tsx';
import { Empty } from '../../components/states.tsx';
import { useSession } from '../../session/session.tsx';
import { DueList } from './due-list.tsx';
import { PlanFormModal, usePlanScope, type Plan } from './plan-form.tsx';

export function PlansPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const keeper = can('plans.create');
  const updating = can('plans.update');
  const plans = useRouteQuery('plans.list', {});
  const procedures = useRouteQuery('procedures.list', {});
  const update = useRouteMutation('plans.update', ['plans.list', 'plans.due']);
  const dialogs = useRecordDialogs<Plan>();
  const toggler = useActiveToggle<Plan>(
    (plan, active) => update.mutateAsync({ plan_id: plan.id, task: plan.task, interval_months: plan.interval_months, active }),
    (plan) => t(plan.active === 1 ? 'maintenanceUi.plans.deactivated' : 'maintenanceUi.plans.activated', { task: plan.task }),
  );

  const versions = new Map((procedures.data?.procedures ?? []).map((p) => [p.id, p.version]));

  return (
    <Stack gap="md" data-testid="plans-panel">
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
        {t('maintenanceUi.plans.explain')}
      </Alert>
      <Group justify="space-between" align="center">
        <Title order={3} size="h5">
          {t('maintenanceUi.plans.title')}
        </Title>
        {keeper ? (
          <Button leftSection={<IconPlus size={16} />} onClick={dialogs.create} disabled={!procedures.data} data-testid="create-plan">
            {t('maintenanceUi.plans.create')}
          </Button>
        ) : null}
      </Group>
      {toggler.alert}
      <QueryRows query={plans} empty={<Empty title={t('maintenanceUi.plans.empty')} hint={keeper ? t('maintenanceUi.plans.empty-hint') : undefined} />}>
        {(rows) => (
          <ActiveRecordTable
            rows={rows}
            columns={[
              { label: t('maintenanceUi.plans.columns.task') },
              { label: t('maintenanceUi.plans.columns.scope'), w: '26%' },
              { label: t('maintenanceUi.plans.columns.interval'), w: 140 },
              { label: t('maintenanceUi.plans.columns.procedure'), w: 110 },
            ]}
            rowProps={(plan) => ({ 'data-task': plan.task })}
            cells={(plan) => (
              <>
                <TextCell value={plan.task} strong fit="task" />
                <Table.Td>
                  <PlanScope plan={plan} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t('maintenanceUi.plans.months', { count: plan.interval_months })}</Text>
                </Table.Td>
                <TextCell value={plan.procedure_id ? t('maintenanceUi.plans.procedure-version', { version: versions.get(plan.procedure_id) ?? '' }) : ''} />
              </>
            )}
            activeLabel={t('maintenanceUi.plans.columns.active')}
            yes={t('maintenanceUi.yes')}
            no={t('maintenanceUi.no')}
            widths={[120, 84]}
            updating={updating}
            onToggle={(plan) => void toggler.toggle(plan)}
            onEdit={dialogs.edit}
            onHistory={dialogs.view}
            dimInactive
            minWidth={860}
            testId="plans-table"
          />
        )}
      </QueryRows>
      <DueList />
      <PlanFormModal
        opened={dialogs.formOpen}
        plan={dialogs.editing}
        procedures={procedures.data?.procedures ?? []}
        inForceId={procedures.data?.in_force_id ?? null}
        onClose={dialogs.closeForm}
      />
      <HistoryDrawer entity={dialogs.viewing?.id ?? null} title={t('maintenanceUi.history-title', { name: dialogs.viewing?.task ?? '' })} onClose={dialogs.closeHistory} />
    </Stack>
  );
}

function PlanScope({ plan }: { plan: Plan }) {
  const scope = usePlanScope(plan);
  return (
    <Text size="sm" className="wrap-words" data-fit="scope">
      {scope.text}
      {scope.detail ? (
        <Text span size="sm" c="dimmed">
          {' · '}
          {scope.detail}
        </Text>
      ) : null}
    </Text>
  );
}
