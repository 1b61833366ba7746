// The rules the log book works under: the approved internal maintenance procedure (3.6.1), the
// preventive plans drawn from it, and the external service providers (3.6.2).
import { Stack, Tabs } from '@mantine/core';
import { IconCalendarRepeat, IconFileCertificate, IconTruckDelivery } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { PlansPanel } from './plans-panel.tsx';
import { ProcedurePanel } from './procedure-panel.tsx';
import { ProvidersPanel } from './providers-panel.tsx';

export function MaintenanceScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="maintenance-screen">
      <PageHeader title={t('maintenanceUi.title')} description={t('maintenanceUi.intro')} />
      <Tabs defaultValue="procedure" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="procedure" leftSection={<IconFileCertificate size={16} />} data-testid="tab-procedure">
            {t('maintenanceUi.tabs.procedure')}
          </Tabs.Tab>
          <Tabs.Tab value="plans" leftSection={<IconCalendarRepeat size={16} />} data-testid="tab-plans">
            {t('maintenanceUi.tabs.plans')}
          </Tabs.Tab>
          <Tabs.Tab value="providers" leftSection={<IconTruckDelivery size={16} />} data-testid="tab-providers">
            {t('maintenanceUi.tabs.providers')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="procedure">
          <ProcedurePanel />
        </Tabs.Panel>
        <Tabs.Panel value="plans">
          <PlansPanel />
        </Tabs.Panel>
        <Tabs.Panel value="providers">
          <ProvidersPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
