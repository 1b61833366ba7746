// Importing the register an ICT unit already keeps (Excel or CSV): choose the file, check which column
// feeds which particular, read the dry run — every row in error, in the user's language — and only then
// register every device at once, or none. Checking, importing and saving the rows in error are long jobs
// for a ministry's register: each shows how far it is, with a stop that leaves everything as it was.
import { Alert, Button, FileButton, Grid, Group, List, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCircleCheck, IconFileSpreadsheet, IconInfoCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { memo, startTransition, useCallback, useDeferredValue, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMapping, ValueChoice } from '../../../db/import/contract.ts';
import type { RouteInput, RouteOutput } from '../../../db/contract/routes.ts';
import { CallError } from '../../client/call-error.ts';
import { useClient, useRouteMutation } from '../../client/context.tsx';
import { readAsBase64, saveFile } from '../../components/assets/download.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty } from '../../components/states.tsx';
import { JobProgress, JobStopped, useJob } from '../../components/job-progress.tsx';
import { fileProblem, importKindOf, mappingToCarry, MAX_IMPORT_MEGABYTES, rowsToImport, withChoice, type Preview, type Problem } from './import-state.ts';
import { MappingEditor } from './mapping-editor.tsx';
import { PreviewDetails, PreviewSummary } from './preview-results.tsx';
import { SkippedRows, ValueChoices } from './value-choices.tsx';

interface Chosen {
  name: string;
  size: number;
  base64: string;
}

type Summary = RouteOutput<'import.commit'>;

/** Refusals after which the file is checked again without the carried sheet, heading row and mapping. */
const CARRY_REFUSALS: readonly string[] = ['import-column-not-found', 'import-sheet-not-found', 'import-header-row-not-found', 'import-value-target-not-found'];

type CheckOptions = { sheet?: string; header_row?: number; mapping?: ImportMapping; values?: ValueChoice[] };

/** The long job under way: checking the file, registering its devices, or writing the rows in error. */
type Task = 'checking' | 'importing' | 'rejects';

// The preview's sections hold dozens of lists and tables. They are drawn again only when what they show
// changes, and a change of `busy` reaches them as a deferred value, drawn in slices: starting or stopping
// a job never holds the window for the time it takes to draw them all (issue 9).
const Verdict = memo(PreviewSummary);
const Mapping = memo(MappingEditor);
const Values = memo(ValueChoices);
const Details = memo(PreviewDetails);
const Skipped = memo(SkippedRows);

/** A handler whose identity never changes and which runs the latest `fn`, for the memoized sections. */
function useSteady<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}

export function ImportScreen() {
  const { t, i18n } = useTranslation();
  const { call } = useClient();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [draft, setDraft] = useState<ImportMapping>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<Summary | null>(null);
  const [confirming, setConfirming] = useState(false);
  /** The user's answers for values that matched nothing, sent with every check. */
  const [choices, setChoices] = useState<ValueChoice[]>([]);
  const [leaveOut, setLeaveOut] = useState(false);
  const [task, setTask] = useState<Task>('checking');
  const job = useJob();
  const resetInput = useRef<() => void>(null);
  const previewing = useMutation<Preview, CallError, RouteInput<'import.preview'>>({ mutationFn: (input) => call('import.preview', input) });
  const commit = useRouteMutation('import.commit', ['assets.list', 'assets.propose-tag', 'plans.due']);

  /**
   * The dry run: nothing is written. A carried sheet, heading row, mapping or answer the new file lacks
   * is dropped. Resolves false when the user stopped it.
   */
  const check = async (file: Chosen, options: CheckOptions, carried = false): Promise<boolean> => {
    setTask('checking');
    try {
      const result = await job.run((key) =>
        previewing.mutateAsync({ file: { name: file.name, base64: file.base64 }, ...options, ...(options.values ? {} : choices.length > 0 ? { values: choices } : {}), job: key }),
      );
      if (!result) return false;
      // Thousands of rows' preview is drawn in slices, so the window answers while it appears.
      startTransition(() => {
        setPreview(result);
        setDraft(result.mapping);
        if (result.rows.invalid === 0) setLeaveOut(false);
      });
    } catch (error) {
      if (carried && error instanceof CallError && CARRY_REFUSALS.includes(error.code)) {
        setChoices([]);
        return check(file, { values: [] });
      }
      setFailure(error);
    }
    return true;
  };

  /** What the last check was made with: sent again with the commit and the saved rows in error. */
  const checked = (p: Preview): CheckOptions & { mapping: ImportMapping } => ({
    ...(p.sheet ? { sheet: p.sheet } : {}),
    header_row: p.header_row,
    mapping: p.mapping,
    values: choices,
  });

  const choose = async (file: File | null) => {
    resetInput.current?.();
    if (!file) return;
    setFailure(null);
    setDone(null);
    const wrong = fileProblem(file);
    setProblem(wrong);
    if (wrong) return;
    const carry = mappingToCarry(preview, draft);
    const sheet = carry && preview?.sheet ? preview.sheet : undefined;
    setPreview(null);
    const next = { name: file.name, size: file.size, base64: await readAsBase64(file) };
    setChosen(next);
    // Stopped before the first check ended: there is nothing to show of this file.
    if (!(await check(next, { ...(sheet ? { sheet } : {}), ...(carry ? { mapping: carry } : {}) }, carry !== undefined))) setChosen(null);
  };

  const recheck = (options: CheckOptions) => {
    if (!chosen) return;
    setFailure(null);
    void check(chosen, options);
  };

  /** An answer for a value is checked at once, on the mapping last checked. */
  const chooseValue = (choice: ValueChoice) => {
    if (!preview) return;
    const next = withChoice(choices, choice);
    setChoices(next);
    // A suggested or remembered mapping stays the core's to choose, so its source still shows.
    const { mapping, ...rest } = checked(preview);
    recheck({ ...rest, ...(preview.mapping_source === 'given' ? { mapping } : {}), values: next });
  };

  const saveRejects = async () => {
    if (!chosen || !preview) return;
    setTask('rejects');
    try {
      const file = await job.run((key) =>
        call('import.rejects', { file: { name: chosen.name, base64: chosen.base64 }, ...checked(preview), language: i18n.language === 'en' ? 'en' : 'sw', job: key }),
      );
      if (file) saveFile(file);
    } catch (error) {
      setFailure(error);
    }
  };

  const confirmImport = async () => {
    if (!chosen || !preview) return;
    setFailure(null);
    // The dialog gives way to the job's progress: the user sees the devices go in, and may stop it.
    setConfirming(false);
    setTask('importing');
    try {
      const summary = await job.run((key) => commit.mutateAsync({ file: { name: chosen.name, base64: chosen.base64 }, ...checked(preview), leave_out_invalid: leaveOut, job: key }));
      // Stopped: nothing was registered, and the preview still holds.
      if (summary) setDone(summary);
    } catch (error) {
      // The register may have changed since the check (a serial registered meanwhile): check again.
      await check(chosen, checked(preview));
      setFailure(error);
    }
  };

  const startAgain = () => {
    setChosen(null);
    setPreview(null);
    setDraft({});
    setDone(null);
    setFailure(null);
    setProblem(null);
    setChoices([]);
    setLeaveOut(false);
    job.clearStopped();
  };

  const busy = job.running;
  const calm = useDeferredValue(busy);
  const progress = <JobProgress job={job} title={t(`importUi.jobs.${task}`)} testId="import-job" />;
  // The sections learn of a job a moment late (`calm`): until then their buttons are refused here.
  const onSaveRejects = useSteady(() => {
    if (!busy) void saveRejects();
  });
  const onImport = useSteady(() => {
    if (!busy) setConfirming(true);
  });
  const onRecheck = useSteady(() => {
    if (!busy && preview) recheck({ ...checked(preview), mapping: draft });
  });
  const onChoose = useSteady((choice: ValueChoice) => {
    if (!busy) chooseValue(choice);
  });

  return (
    <Stack gap="md" data-testid="import-screen">
      <PageHeader title={t('importUi.title')} description={t('importUi.intro')} />
      {busy && preview ? progress : null}
      {job.stopped && !busy ? <JobStopped onClose={job.clearStopped} /> : null}
      {done ? <DoneCard summary={done} onAnother={startAgain} /> : null}
      {!done ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Paper withBorder p="md" h="100%">
              <Stack gap="sm">
                <Title order={3} size="h5">
                  {t('importUi.file.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('importUi.file.hint', { megabytes: MAX_IMPORT_MEGABYTES })}
                </Text>
                <FileButton
                  onChange={(file) => void choose(file)}
                  accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                  resetRef={resetInput}
                  inputProps={{ 'data-testid': 'import-file' } as Record<string, string>}
                >
                  {(props) => (
                    <Button leftSection={<IconFileSpreadsheet size={16} />} variant={chosen ? 'default' : 'filled'} loading={busy} {...props}>
                      {t(chosen ? 'importUi.file.choose-other' : 'importUi.file.choose')}
                    </Button>
                  )}
                </FileButton>
                {chosen ? (
                  <Group gap="xs" wrap="nowrap">
                    <IconFileSpreadsheet size={18} color="var(--mantine-color-flag-8)" style={{ flexShrink: 0 }} />
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere', minWidth: 0 }} data-testid="import-file-name">
                      {chosen.name}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {t('importUi.file.size', { size: Math.max(1, Math.round(chosen.size / 1024)) })}
                    </Text>
                  </Group>
                ) : null}
                {preview && preview.rows.invalid > 0 ? (
                  <Text size="xs" c="dimmed">
                    {t('importUi.file.choose-fixed')}
                  </Text>
                ) : null}
                {problem ? (
                  <Alert color="red" variant="light" data-testid="file-problem">
                    {t(problem.message, problem.params ?? {})}
                  </Alert>
                ) : null}
                {preview && chosen && importKindOf(chosen.name) === 'xlsx' ? (
                  <Select
                    label={t('importUi.sheet.label')}
                    description={preview.sheets.length > 1 ? t('importUi.sheet.hint', { count: preview.sheets.length }) : undefined}
                    data={preview.sheets}
                    value={preview.sheet}
                    onChange={(sheet) => sheet && sheet !== preview.sheet && recheck({ sheet })}
                    disabled={preview.sheets.length < 2 || busy}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                    data-testid="import-sheet"
                  />
                ) : null}
                {preview && preview.top_rows.length > 1 ? (
                  <HeadingRowPicker preview={preview} disabled={busy} onChange={(row) => recheck({ ...(preview.sheet ? { sheet: preview.sheet } : {}), header_row: row })} />
                ) : null}
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md" h="100%">
              {failure ? <RefusalAlert error={failure} onClose={() => setFailure(null)} /> : null}
              {busy && !preview ? progress : null}
              {preview ? (
                <Verdict
                  preview={preview}
                  draft={draft}
                  busy={calm}
                  leaveOut={leaveOut}
                  onLeaveOut={setLeaveOut}
                  onSaveRejects={onSaveRejects}
                  saving={calm && task === 'rejects'}
                  onImport={onImport}
                />
              ) : null}
              {!preview && !busy ? (
                <Paper withBorder p="md" style={{ flex: 1 }}>
                  <Empty title={t('importUi.empty.title')} hint={t('importUi.empty.hint')} />
                </Paper>
              ) : null}
            </Stack>
          </Grid.Col>
        </Grid>
      ) : null}
      {preview && !done ? (
        <>
          <Mapping
            lookalikes={preview.lookalikes}
            headers={preview.headers}
            source={preview.mapping_source}
            checked={preview.mapping}
            draft={draft}
            onChange={setDraft}
            busy={calm}
            onRecheck={onRecheck}
          />
          {preview.values.length > 0 ? <Values preview={preview} busy={calm} onChoose={onChoose} /> : null}
          {preview.hidden_rows.count > 0 ? (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} data-testid="import-hidden-rows">
              {t('importUi.preview.hidden-rows', { count: preview.hidden_rows.count, rows: preview.hidden_rows.rows.join(', ') })}
            </Alert>
          ) : null}
          <Details preview={preview} busy={calm} />
          <Skipped preview={preview} />
        </>
      ) : null}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('importUi.commit.confirm-title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {preview ? (
          <Stack gap="sm" data-testid="import-confirm">
            <Text size="sm">{t('importUi.commit.confirm-text', { count: rowsToImport(preview) })}</Text>
            {leaveOut && preview.rows.invalid > 0 ? (
              <Text size="sm" c="orange.9" data-testid="confirm-left-out">
                {t('importUi.commit.confirm-left-out', { count: preview.rows.invalid })}
              </Text>
            ) : null}
            <AddedList preview={preview} />
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
              {t('importUi.commit.all-or-nothing')}
            </Alert>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => void confirmImport()} data-testid="import-confirm-button">
                {t('importUi.commit.confirm', { count: rowsToImport(preview) })}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}

function DoneCard({ summary, onAnother }: { summary: Summary; onAnother: () => void }) {
  const { t } = useTranslation();
  const added = (['location', 'department', 'custodian', 'category'] as const)
    .filter((field) => summary.created[field] > 0)
    .map((field) => t(`importUi.commit.added.${field}`, { count: summary.created[field] }));
  return (
    <Paper withBorder p="xl" data-testid="import-done">
      <Stack align="center" gap="sm">
        <IconCircleCheck size={48} color="var(--mantine-color-flag-7)" />
        <Title order={3} size="h4">
          {t('importUi.done.title')}
        </Title>
        <Text ta="center" data-testid="import-done-text">
          {t('importUi.done.text', { count: summary.imported, first: summary.first_tag, last: summary.last_tag })}
        </Text>
        {summary.left_out > 0 ? (
          <Text ta="center" size="sm" c="orange.9" data-testid="import-done-left-out">
            {t('importUi.done.left-out', { count: summary.left_out })}
          </Text>
        ) : null}
        {added.length > 0 ? (
          <Text ta="center" size="sm" c="dimmed" data-testid="import-done-created">
            {t('importUi.done.created', { list: added.join(', ') })}
          </Text>
        ) : null}
        <Group mt="sm">
          <Button
            onClick={() => {
              window.location.hash = '#/assets';
            }}
            data-testid="open-register"
          >
            {t('importUi.done.open-register')}
          </Button>
          <Button variant="default" onClick={onAnother}>
            {t('importUi.done.another')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The entries the commit will add, by kind, so that nothing is made unseen. */
function AddedList({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const added = (['location', 'department', 'custodian', 'category'] as const)
    .map((field) => ({ field, count: preview.values.filter((v) => v.field === field && v.choice?.action === 'create').length }))
    .filter((kind) => kind.count > 0);
  if (added.length === 0) return null;
  return (
    <Stack gap={4} data-testid="confirm-added">
      <Text size="sm">{t('importUi.commit.confirm-added')}</Text>
      <List size="sm" spacing={2}>
        {added.map((kind) => (
          <List.Item key={kind.field}>{t(`importUi.commit.added.${kind.field}`, { count: kind.count })}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/**
 * The row the headings are read from. A row of twelve headings is longer than any field, so the field
 * says only the row's number and its headings are written out in full below it, and in the list
 * each row's text wraps: cut short, rows that begin alike ("Na. · Aina ya Kifaa · …") look the same.
 */
function HeadingRowPicker({ preview, disabled, onChange }: { preview: Preview; disabled: boolean; onChange: (row: number) => void }) {
  const { t } = useTranslation();
  const texts = new Map(preview.top_rows.map((top) => [String(top.row), top.text]));
  return (
    <Stack gap={4}>
      <Select
        label={t('importUi.file.header-row')}
        description={t('importUi.file.header-row-hint', { row: preview.header_row })}
        data={preview.top_rows.map((top) => ({ value: String(top.row), label: t('importUi.file.header-row-number', { row: top.row }) }))}
        value={String(preview.header_row)}
        onChange={(row) => row && Number(row) !== preview.header_row && onChange(Number(row))}
        disabled={disabled}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true, width: 'min(560px, 90vw)', position: 'bottom-start' }}
        renderOption={({ option, checked }) => (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconCheck size={14} style={{ flexShrink: 0, marginTop: 4, visibility: checked ? 'visible' : 'hidden' }} />
            <div>
              <Text size="sm" fw={600}>
                {option.label}
              </Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {texts.get(option.value)}
              </Text>
            </div>
          </Group>
        )}
        data-testid="import-header-row"
      />
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="import-header-row-text">
        {texts.get(String(preview.header_row))}
      </Text>
    </Stack>
  );
}
