// Preventive maintenance (matengenezo kinga): the plans drawn from the procedure, and what falls due.
import { Alert, Button, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { useSession } from '../../session/session.tsx';
import { DueList } from './due-list.tsx';
import { HistoryDrawer, RowActions } from './parts.tsx';
import { PlanFormModal, usePlanScope, type Plan } from './plan-form.tsx';

export function PlansPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const keeper = can('plans.create');
  const updating = can('plans.update');
  const plans = useRouteQuery('plans.list', {});
  const procedures = useRouteQuery('procedures.list', {});
  const update = useRouteMutation('plans.update', ['plans.list', 'plans.due']);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Plan | null>(null);
  const [viewing, setViewing] = useState<Plan | null>(null);
  const [toggleError, setToggleError] = useState<unknown>(null);

  const versions = new Map((procedures.data?.procedures ?? []).map((p) => [p.id, p.version]));

  const toggle = async (plan: Plan) => {
    setToggleError(null);
    try {
      await update.mutateAsync({ plan_id: plan.id, task: plan.task, interval_months: plan.interval_months, active: plan.active !== 1 });
      notifications.show({ color: 'flag', message: t(plan.active === 1 ? 'maintenanceUi.plans.deactivated' : 'maintenanceUi.plans.activated', { task: plan.task }) });
    } catch (error) {
      setToggleError(error);
    }
  };

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
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} disabled={!procedures.data} data-testid="create-plan">
            {t('maintenanceUi.plans.create')}
          </Button>
        ) : null}
      </Group>
      {toggleError ? <RefusalAlert error={toggleError} onClose={() => setToggleError(null)} /> : null}
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? <RefusalAlert error={plans.error} /> : null}
      {plans.data && plans.data.length === 0 ? (
        <Empty title={t('maintenanceUi.plans.empty')} hint={keeper ? t('maintenanceUi.plans.empty-hint') : undefined} />
      ) : null}
      {plans.data && plans.data.length > 0 ? (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="xs" striped="even" layout="fixed" data-testid="plans-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('maintenanceUi.plans.columns.task')}</Table.Th>
                <Table.Th w="26%">{t('maintenanceUi.plans.columns.scope')}</Table.Th>
                <Table.Th w={140}>{t('maintenanceUi.plans.columns.interval')}</Table.Th>
                <Table.Th w={110}>{t('maintenanceUi.plans.columns.procedure')}</Table.Th>
                <Table.Th w={120}>{t('maintenanceUi.plans.columns.active')}</Table.Th>
                <Table.Th w={84} aria-label={t('common.actions')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plans.data.map((plan) => (
                <Table.Tr key={plan.id} data-task={plan.task} style={{ opacity: plan.active === 1 ? 1 : 0.65 }}>
                  <Table.Td>
                    <Text size="sm" fw={500} className="wrap-words" data-fit="task">
                      {plan.task}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <PlanScope plan={plan} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t('maintenanceUi.plans.months', { count: plan.interval_months })}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={plan.procedure_id ? undefined : 'dimmed'}>
                      {plan.procedure_id ? t('maintenanceUi.plans.procedure-version', { version: versions.get(plan.procedure_id) ?? '' }) : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={plan.active === 1}
                      disabled={!updating}
                      onChange={() => void toggle(plan)}
                      aria-label={t('maintenanceUi.plans.columns.active')}
                      label={t(plan.active === 1 ? 'maintenanceUi.yes' : 'maintenanceUi.no')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <RowActions onEdit={updating ? () => setEditing(plan) : null} onHistory={() => setViewing(plan)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <DueList />
      <PlanFormModal
        opened={creating || editing !== null}
        plan={editing}
        procedures={procedures.data?.procedures ?? []}
        inForceId={procedures.data?.in_force_id ?? null}
        onClose={() => (setCreating(false), setEditing(null))}
      />
      <HistoryDrawer entity={viewing?.id ?? null} name={viewing?.task ?? ''} onClose={() => setViewing(null)} />
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
