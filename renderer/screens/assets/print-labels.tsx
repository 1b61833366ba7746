// A sheet of QR labels for the chosen devices: the sheet's layout, labels already used on a part-used
// sheet, then a PDF to print.
import { Alert, Button, Group, Modal, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LABEL_PRESET_NAMES, LABEL_PRESETS, type LabelPreset } from '../../../db/assets/contract.ts';
import { groupThousands } from '../../components/assets/money.ts';
import { useDocument } from '../../components/assets/use-document.ts';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { isLanguage } from '../../i18n/language.ts';

/** The core prints at most this many labels at once. */
export const MAX_LABELS = 500;

export function PrintLabelsModal({ opened, devices, onClose, onPrinted }: { opened: boolean; devices: { id: string; tag: string }[]; onClose: () => void; onPrinted: () => void }) {
  const { t, i18n } = useTranslation();
  const [preset, setPreset] = useState<LabelPreset>('a4-3x8');
  const [skip, setSkip] = useState(0);
  const labels = useDocument('documents.labels');
  const sheet = LABEL_PRESETS[preset];
  const perSheet = sheet.across * sheet.down;
  const tooMany = devices.length > MAX_LABELS;

  const print = async () => {
    try {
      // Printed in tag order, as they will be stuck on.
      const ordered = [...devices].sort((a, b) => a.tag.localeCompare(b.tag, undefined, { numeric: true }));
      await labels.mutateAsync({ asset_ids: ordered.map((d) => d.id), preset, skip, language: isLanguage(i18n.language) ? i18n.language : 'sw' });
      notifications.show({ color: 'flag', message: t('assetsUi.labels.done', { number: groupThousands(devices.length) }) });
      onPrinted();
      onClose();
    } catch {
      // shown below
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('assetsUi.labels.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md" data-testid="labels-form">
        <Text size="sm">{t('assetsUi.labels.intro', { number: groupThousands(devices.length) })}</Text>
        {labels.isError ? <RefusalAlert error={labels.error} /> : null}
        {tooMany ? (
          <Alert color="orange" icon={<IconInfoCircle size={18} />}>
            {t('assetsUi.labels.too-many', { number: MAX_LABELS })}
          </Alert>
        ) : null}
        <Radio.Group label={t('assetsUi.labels.preset')} value={preset} onChange={(value) => setPreset(value as LabelPreset)}>
          <Stack gap={8} mt={6}>
            {LABEL_PRESET_NAMES.map((name) => (
              <Radio key={name} value={name} label={t(`assetsUi.labels.presets.${name}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <NumberInput
          label={t('assetsUi.labels.skip')}
          description={t('assetsUi.labels.skip-hint', { number: perSheet })}
          value={skip}
          onChange={(value) => setSkip(typeof value === 'number' ? value : 0)}
          min={0}
          max={perSheet - 1}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          hideControls
          styles={{ input: { width: 120 } }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button leftSection={<IconDownload size={16} />} loading={labels.isPending} disabled={tooMany || devices.length === 0} onClick={() => void print()} data-testid="download-labels">
            {t('assetsUi.labels.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
