// Exporting a report: a PDF to print and sign, or a workbook for people who work in Excel. The core
// writes it as a long job (a ministry's register is tens of thousands of rows), followed in a dialog
// with a stop, and the window saves the file once it is whole.
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileSpreadsheet, IconReportMoney } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteInput } from '../../db/contract/routes.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../db/registers/contract.ts';
import { useClient } from '../client/context.tsx';
import { isLanguage } from '../i18n/language.ts';
import { useSession } from '../session/session.tsx';
import { saveFile } from './assets/download.ts';
import { JobModal, useJob } from './job-progress.tsx';

type ExportInput = RouteInput<'registers.export'>;
/** Each register's own input without what the button adds; kept apart per register, filters and all. */
type Request = ExportInput extends infer Each ? (Each extends unknown ? Omit<Each, 'format' | 'language' | 'job'> : never) : never;

/**
 * The report, with the filters the screen shows it by; a button with a menu of formats. A screen with
 * a second report beside its register names that one's button by the report (`named`).
 */
export function ExportRegister({ request, named = false }: { request: Request; named?: boolean }) {
  const { t, i18n } = useTranslation();
  const { call } = useClient();
  const { can } = useSession();
  const job = useJob();
  const [error, setError] = useState<unknown>(null);
  if (!can('registers.export')) return null;

  const start = async (format: ExportFormat) => {
    setError(null);
    const language = isLanguage(i18n.language) ? i18n.language : 'sw';
    try {
      const file = await job.run((key) => call('registers.export', { ...request, format, language, job: key }));
      if (file) saveFile(file);
    } catch (refused) {
      setError(refused);
    }
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={named ? <IconReportMoney size={16} /> : <IconFileSpreadsheet size={16} />}
            rightSection={<IconChevronDown size={14} />}
            loading={job.running}
            data-testid={named ? `export-${request.register}` : 'export-register'}
          >
            {named ? t(`exportUi.named.${request.register}`) : t('exportUi.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {EXPORT_FORMATS.map((format) => (
            <Menu.Item key={format} onClick={() => void start(format)} data-testid={`export-${format}`}>
              {t(`exportUi.formats.${format}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <JobModal job={job} title={t('exportUi.title', { register: t(`exportUi.registers.${request.register}`) })} error={error} onClose={() => setError(null)} />
    </>
  );
}
