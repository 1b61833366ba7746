// Counting, the heart of a stocktake: the counter picks the location where they stand and scans labels
// with a USB scanner (it types the tag and presses Enter). Each scan answers at once with a large
// coloured panel naming the device, readable at arm's length; the input is cleared and focused again for
// the next label. What the counter sees that differs from the register (who holds it, its condition, a
// missing label) is set before the scan. Below: the counts made here, each with undo; beside: the
// progress of the location and what is expected here and not yet counted, with what changed since opening.
import { Badge, Button, Checkbox, Collapse, Grid, Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconBarcode, IconChevronDown, IconChevronUp, IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../db/contract/days.ts';
import { OBSERVED_CONDITIONS, UnknownInput, type ObservedCondition, type ScanResult } from '../../../db/stocktake/contract.ts';
import { errorValueOf, type ErrorValue } from '../../client/call-error.ts';
import { useClient, useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { PersonSelect } from '../../components/assets/person-select.tsx';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { useLocationOptions } from '../../components/place-options.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';
import { useSession } from '../../session/session.tsx';
import { changedSince, deviceName, OUTCOME_TONES, STOCKTAKE_REFRESH, TONE_COLORS, type StocktakeView } from './stocktake-view.ts';

interface Observed {
  custodian_id: string | null;
  condition: ObservedCondition | null;
  label_missing: boolean;
  note: string;
}

const NOTHING_SEEN: Observed = { custodian_id: null, condition: null, label_missing: false, note: '' };

/** The last answer the panel shows: the scan's, or the refusal it met. */
type Answer = { code: string; result: ScanResult } | { code: string; error: ErrorValue };

/** `locationId` is kept by the page, so looking at the findings and coming back keeps the counter where they stand. */
export function CountingView({ stocktake, locationId, onLocation }: { stocktake: StocktakeView; locationId: string | null; onLocation: (id: string | null) => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const places = useLocationOptions(null);
  // The locations the snapshot expects first, as the committee walks them; then every other one.
  const expectedIds = new Set(stocktake.progress.map((p) => p.location_id));
  const options = [...places.options.filter((o) => expectedIds.has(o.value)), ...places.options.filter((o) => !expectedIds.has(o.value))];
  const mayCount = can('stocktake.scan');
  return (
    <Stack gap="md" data-testid="counting">
      <Select
        label={t('stocktake_ui.count.location')}
                placeholder={t('stocktake_ui.count.location-placeholder')}
        data={options}
        value={locationId}
        onChange={onLocation}
        searchable
        nothingFoundMessage={t('common.nothing-found')}
        maw={560}
        size="md"
        comboboxProps={{ withinPortal: true }}
        data-testid="count-location"
      />
      {locationId ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="md">
              {mayCount ? <Scanner stocktake={stocktake} locationId={locationId} /> : null}
              <RecentCounts stocktake={stocktake} locationId={locationId} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <ExpectedHere stocktake={stocktake} locationId={locationId} />
          </Grid.Col>
        </Grid>
      ) : (
        <Text c="dimmed" size="sm" data-testid="choose-location">
          {t('stocktake_ui.count.choose-location')}
        </Text>
      )}
    </Stack>
  );
}

function Scanner({ stocktake, locationId }: { stocktake: StocktakeView; locationId: string }) {
  const { t } = useTranslation();
  const { call } = useClient();
  const queries = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [observed, setObserved] = useState<Observed>(NOTHING_SEEN);
  const [seeing, setSeeing] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [describing, setDescribing] = useState(false);
  const focus = () => window.setTimeout(() => input.current?.focus(), 0);

  useEffect(() => {
    setAnswer(null);
    focus();
  }, [locationId]);

  const scan = async () => {
    const typed = code.trim();
    if (!typed) return;
    // The scanner's next label may come at once: the field is free again before the answer arrives.
    setCode('');
    const seen = observed;
    setObserved(NOTHING_SEEN);
    try {
      const result = await call('stocktake.scan', { stocktake_id: stocktake.id, location_id: locationId, code: typed, ...seen });
      setAnswer({ code: typed, result });
      // The answer is shown first; the lists catch up behind it.
      for (const key of STOCKTAKE_REFRESH.filter((route) => route.startsWith('stocktake.'))) void queries.invalidateQueries({ queryKey: [key] });
    } catch (error) {
      setAnswer({ code: typed, error: errorValueOf(error) });
    }
    focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void scan();
    }
  };

  return (
    <Stack gap="sm">
      <TextInput
        ref={input}
        label={t('stocktake_ui.count.scanner')}
        placeholder={t('stocktake_ui.count.scanner-placeholder')}
        size="xl"
        leftSection={<IconBarcode size={28} />}
        value={code}
        onChange={(event) => setCode(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        styles={{ label: { fontSize: 'var(--mantine-font-size-md)', marginBottom: 4 }, input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 26 } }}
        data-testid="scanner"
      />
      <AnswerPanel answer={answer} onDescribe={() => setDescribing(true)} />
      <Paper withBorder radius="md" p="xs">
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setSeeing((now) => !now)}
          rightSection={seeing ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
          data-testid="observed-toggle"
        >
          {t('stocktake_ui.count.observed.title')}
        </Button>
        <Collapse expanded={seeing}>
          <Stack gap="xs" mt="xs" data-testid="observed">
            <Text size="xs" c="dimmed">
              {t('stocktake_ui.count.observed.hint')}
            </Text>
            <SimpleGrid cols={2} spacing="sm">
              <PersonSelect
                key={observed.custodian_id === null ? 'none' : 'chosen'}
                label={t('stocktake_ui.count.observed.custodian')}
                placeholder={t('stocktake_ui.count.observed.custodian-placeholder')}
                value={observed.custodian_id}
                onChange={(id) => setObserved((now) => ({ ...now, custodian_id: id }))}
                data-testid="observed-custodian"
              />
              <Select
                label={t('stocktake_ui.count.observed.condition')}
                placeholder={t('stocktake_ui.count.observed.condition-placeholder')}
                data={OBSERVED_CONDITIONS.map((value) => ({ value, label: t(`stocktake_ui.count.conditions.${value}`) }))}
                value={observed.condition}
                onChange={(value) => setObserved((now) => ({ ...now, condition: (value as ObservedCondition | null) ?? null }))}
                clearable
                comboboxProps={{ withinPortal: true }}
                data-testid="observed-condition"
              />
            </SimpleGrid>
            <Checkbox
              label={t('stocktake_ui.count.observed.label-missing')}
              checked={observed.label_missing}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setObserved((now) => ({ ...now, label_missing: checked }));
              }}
              data-testid="observed-label-missing"
            />
            <TextInput
              label={t('stocktake_ui.count.observed.note')}
              value={observed.note}
              onChange={(event) => {
                const note = event.currentTarget.value;
                setObserved((now) => ({ ...now, note }));
              }}
              data-testid="observed-note"
            />
          </Stack>
        </Collapse>
      </Paper>
      <FormModal
        opened={describing}
        onClose={() => {
          setDescribing(false);
          focus();
        }}
        title={t('stocktake_ui.count.unknown.title')}
        size="lg"
      >
        <UnknownForm
          stocktakeId={stocktake.id}
          locationId={locationId}
          code={answer?.code ?? ''}
          onClose={() => {
            setDescribing(false);
            focus();
          }}
          onRecorded={() => setAnswer(null)}
        />
      </FormModal>
    </Stack>
  );
}

/** The answer, big and coloured: green as registered, amber something differs, blue outside the scope, red unknown, grey a repeat. */
function AnswerPanel({ answer, onDescribe }: { answer: Answer | null; onDescribe: () => void }) {
  const { t } = useTranslation();
  if (!answer) {
    return (
      <Paper withBorder radius="md" p="lg" bg="gray.0" data-testid="scan-panel" data-outcome="waiting">
        <Text size="lg" c="dimmed" ta="center">
          {t('stocktake_ui.count.waiting')}
        </Text>
      </Paper>
    );
  }
  if ('error' in answer) {
    return (
      <Stack gap={4} data-testid="scan-panel" data-outcome="refused">
        <RefusalAlert error={answer.error} />
      </Stack>
    );
  }
  const { result } = answer;
  const tone = OUTCOME_TONES[result.outcome];
  const color = TONE_COLORS[tone];
  const device = result.asset;
  let detail = '';
  if (result.outcome === 'already-counted' && result.counted_before) {
    detail = t('stocktake_ui.count.counted-before', { place: result.counted_before.location_name, name: result.counted_before.counted_by_name, at: formatDateTime(result.counted_before.counted_at) });
  } else if (result.outcome === 'accounted-for' && result.reason) {
    detail = t(`stocktake.reasons.${result.reason}`);
  } else if (result.outcome === 'not-expected') {
    detail = t('stocktake_ui.count.expected-nowhere');
  } else if (result.outcome === 'found-elsewhere' && result.expected_location_name) {
    detail = t('stocktake_ui.count.expected-at', { place: result.expected_location_name });
  }
  return (
    <Paper
      radius="md"
      p="lg"
      bg={`${color}.1`}
      style={{ borderLeft: `12px solid var(--mantine-color-${color}-${tone === 'amber' ? 5 : 7})` }}
      data-testid="scan-panel"
      data-outcome={result.outcome}
      data-tone={tone}
    >
      <Stack gap={6}>
        <Title order={3} fz={30} lh={1.15} c={`${color}.9`} data-testid="scan-outcome">
          {t(`stocktake_ui.count.outcomes.${result.outcome}`)}
        </Title>
        {device ? (
          <>
            <Text fz={28} fw={700} lh={1.2} className="wrap-words" data-testid="scan-device">
              {deviceName(device) || device.tag}
            </Text>
            <Text fz={22} ff="monospace" fw={600} className="wrap-words" data-testid="scan-tag">
              {device.tag}
            </Text>
          </>
        ) : (
          <Text fz={22} ff="monospace" fw={600} className="wrap-words" data-testid="scan-tag">
            {t('stocktake_ui.count.code', { code: answer.code })}
          </Text>
        )}
        {detail ? (
          <Text size="lg" fw={500} className="wrap-words" data-testid="scan-detail">
            {detail}
          </Text>
        ) : null}
        {result.outcome === 'not-in-register' ? (
          <Group>
            <Button color="red" leftSection={<IconPlus size={16} />} onClick={onDescribe} data-testid="record-unknown">
              {t('stocktake_ui.count.record-unknown')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function UnknownForm({ stocktakeId, locationId, code, onClose, onRecorded }: { stocktakeId: string; locationId: string; code: string; onClose: () => void; onRecorded: () => void }) {
  const { t } = useTranslation();
  const record = useRouteMutation('stocktake.record-unknown', STOCKTAKE_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(UnknownInput, {
    // The code read goes as data beside the description, never as a sentence in the note: a sentence
    // would be saved in the language of whoever counted and shown so to every later reader.
    defaultValues: { stocktake_id: stocktakeId, location_id: locationId, code, make: '', model: '', serial: '', note: '' },
    fields: ['make', 'model', 'serial', 'note'],
  });
  const submit = onSubmit(async (values) => {
    await record.mutateAsync(values);
    onRecorded();
    return t('stocktake_ui.count.unknown.done');
  }, onClose);
  return (
    <RecordForm
      testId="unknown-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={
        <Stack gap={4}>
          <Text size="sm">{t('stocktake_ui.count.unknown.intro')}</Text>
          {code ? (
            <Text size="sm" ff="monospace" fw={600} className="wrap-words" data-testid="unknown-code">
              {t('stocktake_ui.count.code', { code })}
            </Text>
          ) : null}
        </Stack>
      }
      buttons={<FormButtons onCancel={onClose} submitLabel={t('stocktake_ui.count.unknown.submit')} busy={busy} />}
    >
      <SimpleGrid cols={3} spacing="sm">
        <TextInput label={t('stocktake_ui.count.unknown.make')} {...form.register('make')} error={fieldError(errors.make)} data-testid="unknown-make" data-autofocus />
        <TextInput label={t('stocktake_ui.count.unknown.model')} {...form.register('model')} error={fieldError(errors.model)} data-testid="unknown-model" />
        <TextInput label={t('stocktake_ui.count.unknown.serial')} {...form.register('serial')} error={fieldError(errors.serial)} data-testid="unknown-serial" />
      </SimpleGrid>
      <Textarea label={t('stocktake_ui.count.unknown.note')} autosize minRows={2} {...form.register('note')} error={fieldError(errors.note)} data-testid="unknown-note" />
    </RecordForm>
  );
}

/** A badge whose words wrap in a narrow column rather than being cut (Swahili outcomes are long). */
const WRAPPING = { root: { maxWidth: '100%', height: 'auto' }, label: { whiteSpace: 'normal', overflow: 'visible' } } as const;

function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  if (outcome === 'unknown') {
    return (
      <Badge color="red" variant="light" data-testid="count-outcome" data-outcome={outcome} styles={WRAPPING}>
        {t('stocktake_ui.count.recent.unknown-device')}
      </Badge>
    );
  }
  const tone = OUTCOME_TONES[outcome as keyof typeof OUTCOME_TONES] ?? 'grey';
  return (
    <Badge color={TONE_COLORS[tone]} variant="light" data-testid="count-outcome" data-outcome={outcome} styles={WRAPPING}>
      {t(`stocktake_ui.count.outcomes.${outcome}`)}
    </Badge>
  );
}

function RecentCounts({ stocktake, locationId }: { stocktake: StocktakeView; locationId: string }) {
  const { t } = useTranslation();
  const { can, user } = useSession();
  const counts = useRouteQuery('stocktake.counts', { stocktake_id: stocktake.id, location_id: locationId, after: null, limit: 50 });
  const undo = useRouteMutation('stocktake.undo-count', STOCKTAKE_REFRESH);
  const [problem, setProblem] = useState<unknown>(null);
  const items = counts.data?.items ?? [];
  const mayUndo = can('stocktake.undo-count');
  const takeBack = async (id: string, tag: string) => {
    setProblem(null);
    try {
      await undo.mutateAsync({ stocktake_id: stocktake.id, count_id: id });
      notifications.show({ color: 'flag', message: t('stocktake_ui.count.recent.undone', { tag }) });
    } catch (error) {
      setProblem(error);
    }
  };
  return (
    <Paper withBorder radius="md" p="sm" data-testid="recent-counts">
      <Title order={3} size="h5" mb="xs">
        {t('stocktake_ui.count.recent.title')}
      </Title>
      <RefusalAlert error={problem} onClose={() => setProblem(null)} />
      {counts.isError ? <RefusalAlert error={counts.error} /> : null}
      {counts.data && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('stocktake_ui.count.recent.empty')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Table verticalSpacing={6} layout="fixed">
          <Table.Tbody>
            {items.map((count) => (
              <Table.Tr key={count.id} data-testid="count-row" data-tag={count.tag} data-outcome={count.outcome}>
                <Table.Td>
                  {count.tag ? (
                    <Text size="sm" fw={600} ff="monospace" className="keep-whole">
                      {count.tag}
                    </Text>
                  ) : (
                    <Text size="sm" fw={600} className="wrap-words">
                      {[count.make, count.model, count.serial].filter(Boolean).join(' ')}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" className="wrap-words">
                    {count.tag ? deviceName(count) : count.note}
                  </Text>
                </Table.Td>
                <Table.Td w="30%">
                  <OutcomeBadge outcome={count.outcome} />
                </Table.Td>
                <Table.Td w="22%">
                  <Text size="xs" className="wrap-words">
                    {count.counted_by_name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(count.counted_at)}
                  </Text>
                </Table.Td>
                <Table.Td w={84} ta="right">
                  {mayUndo && count.counted_by_name === user.display_name ? (
                    <Button size="compact-xs" variant="default" leftSection={<IconArrowBackUp size={14} />} loading={undo.isPending && undo.variables?.count_id === count.id} onClick={() => void takeBack(count.id, count.tag || count.make)} data-testid="undo-count">
                      {t('stocktake_ui.count.recent.undo')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}

function ExpectedHere({ stocktake, locationId }: { stocktake: StocktakeView; locationId: string }) {
  const { t } = useTranslation();
  const { call } = useClient();
  const input = { stocktake_id: stocktake.id, location_id: locationId, changed_only: false };
  const expected = useInfiniteQuery({
    queryKey: ['stocktake.expected', input],
    queryFn: ({ pageParam }) => call('stocktake.expected', { ...input, after: pageParam, limit: 200 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  const progress = stocktake.progress.find((p) => p.location_id === locationId) ?? { expected: 0, counted: 0 };
  const waiting = (expected.data?.pages ?? []).flatMap((page) => page.items).filter((row) => !row.counted);
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="sm" data-testid="location-progress" data-expected={progress.expected} data-counted={progress.counted}>
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color="blue" size="lg" radius="xl">
            <IconBarcode size={18} />
          </ThemeIcon>
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Text size="sm" fw={600} data-testid="location-progress-text">
              {t('stocktake_ui.count.progress', { counted: progress.counted, expected: progress.expected })}
            </Text>
            <Progress value={progress.expected === 0 ? 0 : (100 * progress.counted) / progress.expected} color="green" size="md" />
          </Stack>
        </Group>
      </Paper>
      <Paper withBorder radius="md" p="sm" data-testid="expected-here">
        <Title order={3} size="h5" mb="xs">
          {t('stocktake_ui.count.expected.title')}
        </Title>
        {expected.isError ? <RefusalAlert error={expected.error} /> : null}
        {expected.data && waiting.length === 0 && !expected.hasNextPage ? (
          <Text size="sm" c="dimmed">
            {t('stocktake_ui.count.expected.all-counted')}
          </Text>
        ) : null}
        <Stack gap={6}>
          {waiting.map((row) => {
            const changed = changedSince(row, t);
            return (
              <Stack key={row.asset_id} gap={0} data-testid="expected-row" data-tag={row.tag}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600} ff="monospace" className="keep-whole">
                    {row.tag}
                  </Text>
                  <Text size="sm" className="wrap-words">
                    {deviceName(row)}
                  </Text>
                </Group>
                {row.custodian_name ? (
                  <Text size="xs" c="dimmed" className="wrap-words">
                    {t('stocktake_ui.result.held-by', { name: row.custodian_name })}
                  </Text>
                ) : null}
                {changed ? (
                  <Text size="xs" c="orange.8" className="wrap-words" data-testid="expected-changed">
                    {changed}
                  </Text>
                ) : null}
              </Stack>
            );
          })}
        </Stack>
        {expected.hasNextPage ? (
          <Button variant="subtle" size="compact-sm" mt="xs" loading={expected.isFetchingNextPage} onClick={() => void expected.fetchNextPage()} data-testid="expected-more">
            {t('common.load-more')}
          </Button>
        ) : null}
      </Paper>
    </Stack>
  );
}
