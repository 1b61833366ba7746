// The equipment register: search as you type, filters, sorting, and a virtualised table that loads the
// next keyset page as the user scrolls, so 50,000 devices scroll as smoothly as fifty. Devices can be
// picked for a sheet of QR labels.
import { Button, CloseButton, Group, Paper, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconFilterOff, IconPlus, IconQrcode, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSET_SORTS, ASSET_STATUSES, CLASSIFICATIONS } from '../../../db/assets/contract.ts';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { useClient, useRouteQuery } from '../../client/context.tsx';
import { ClassificationMark, StatusBadge } from '../../components/assets/badges.tsx';
import { useCategories } from '../../components/assets/categories.ts';
import { groupThousands } from '../../components/assets/money.ts';
import { ExportRegister } from '../../components/export-register.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { useSession } from '../../session/session.tsx';
import { hashOf } from '../../shell/access.ts';
import { useHash } from '../../shell/use-hash.ts';
import { DeviceFormModal } from './device-form.tsx';
import { PrintLabelsModal } from './print-labels.tsx';
import { EMPTY_FILTERS, hasFilters, listInput, type Filters } from './list-filters.ts';
import { CELL_PADDING, longest, registerColumns, UNMEASURED, type ContentWidths } from './register-columns.ts';

type Row = RouteOutput<'assets.list'>['items'][number];

export const PAGE_SIZE = 200;
const SEARCH_DELAY_MS = 200;
/** A row's height before it is measured; rows whose names wrap grow taller. */
const ROW_HEIGHT = 54;
/** Rows from the end of what is loaded at which the next page is asked for. */
const PREFETCH_ROWS = 40;

export function AssetsList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { call } = useClient();
  const { can } = useSession();
  const keeper = can('assets.register');
  const categories = useCategories();
  const departments = useRouteQuery('departments.list', { status: 'all', limit: 200 });
  const locations = useRouteQuery('locations.list', { status: 'all', limit: 200 });
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  const [selected, setSelected] = useState<Map<string, string>>(() => new Map());
  const [creating, setCreating] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [, setHash] = useHash();

  const input = listInput(debounced, filters);
  const devices = useInfiniteQuery({
    queryKey: ['assets.list', input],
    queryFn: ({ pageParam }) => call('assets.list', { ...input, after: pageParam, limit: PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
  });
  // At 50,000 devices the flattened list is large: build it once per page loaded, not once per frame.
  const pages = devices.data?.pages;
  const rows: Row[] = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  const total = devices.data?.pages[0]?.total ?? 0;

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = devices;

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((current) => ({ ...current, [key]: value }));
  const toggle = useCallback(
    (row: Row) =>
      setSelected((current) => {
        const next = new Map(current);
        if (next.has(row.id)) next.delete(row.id);
        else next.set(row.id, row.tag);
        return next;
      }),
    [],
  );
  const { allLoadedSelected, someLoadedSelected } = useMemo(() => {
    if (selected.size === 0) return { allLoadedSelected: false, someLoadedSelected: false };
    const count = rows.reduce((n, row) => n + (selected.has(row.id) ? 1 : 0), 0);
    return { allLoadedSelected: rows.length > 0 && count === rows.length, someLoadedSelected: count > 0 };
  }, [rows, selected]);
  const categoryName = categories.name;
  const categoryLabel = useCallback((id: string) => categoryName(id), [categoryName]);
  const toggleAll = useCallback(
    () =>
      setSelected((current) => {
        const next = new Map(current);
        if (allLoadedSelected) for (const row of rows) next.delete(row.id);
        else for (const row of rows) next.set(row.id, row.tag);
        return next;
      }),
    [allLoadedSelected, rows],
  );

  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.code ? `${d.name} (${d.code})` : d.name }));
  const locationOptions = (locations.data ?? []).map((l) => ({ value: l.id, label: l.name }));
  const filtered = Boolean(debounced) || hasFilters(filters);

  return (
    <Stack gap="sm" data-testid="assets-screen">
      <PageHeader
        title={t('assetsUi.title')}
        description={t('assetsUi.intro')}
        actions={
          <>
            <ExportRegister request={{ register: 'devices', filters: input }} />
            {keeper ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="register-device">
                {t('assetsUi.register')}
              </Button>
            ) : null}
          </>
        }
      />
      <Group gap="sm" wrap="nowrap" align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          leftSection={<IconSearch size={16} />}
          placeholder={t('assetsUi.search-placeholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          rightSection={search ? <CloseButton size="sm" aria-label={t('assetsUi.clear-search')} onClick={() => setSearch('')} /> : null}
          data-testid="assets-search"
        />
        <Select
          w={290}
          aria-label={t('assetsUi.sort.label')}
          leftSection={<Text size="xs" c="dimmed" pl={4}>{t('assetsUi.sort.short')}</Text>}
          leftSectionWidth={56}
          data={ASSET_SORTS.map((value) => ({ value, label: t(`assetsUi.sort.${value}`) }))}
          value={filters.sort}
          onChange={(value) => setFilter('sort', (value as Filters['sort']) ?? 'tag_asc')}
          allowDeselect={false}
          data-testid="sort-select"
        />
      </Group>
      <Group gap="xs" wrap="wrap">
        <FilterSelect label={t('assetsUi.filters.category')} data={categories.options()} value={filters.category} onChange={(value) => setFilter('category', value)} testId="filter-category" />
        <FilterSelect
          label={t('assetsUi.filters.status')}
          data={ASSET_STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) }))}
          value={filters.status ?? null}
          onChange={(value) => setFilter('status', value as Filters['status'])}
          testId="filter-status"
        />
        <FilterSelect label={t('assetsUi.filters.department')} data={departmentOptions} value={filters.department_id} onChange={(value) => setFilter('department_id', value)} testId="filter-department" />
        <FilterSelect label={t('assetsUi.filters.location')} data={locationOptions} value={filters.location_id} onChange={(value) => setFilter('location_id', value)} testId="filter-location" />
        <FilterSelect
          label={t('assetsUi.filters.classification')}
          data={CLASSIFICATIONS.map((value) => ({ value, label: t(`classifications.${value}`) }))}
          value={filters.classification ?? null}
          onChange={(value) => setFilter('classification', value as Filters['classification'])}
          testId="filter-classification"
        />
        {hasFilters(filters) ? (
          <Button variant="subtle" size="xs" leftSection={<IconFilterOff size={14} />} onClick={() => setFilters((current) => ({ ...EMPTY_FILTERS, sort: current.sort }))}>
            {t('assetsUi.clear-filters')}
          </Button>
        ) : null}
        <Text size="sm" c="dimmed" ml="auto" data-testid="assets-total">
          {devices.data ? t('assetsUi.count', { number: groupThousands(total) }) : ''}
        </Text>
      </Group>
      {selected.size > 0 ? (
        <Paper withBorder px="md" py={6} bg="flag.0" data-testid="selection-bar">
          <Group gap="sm">
            <Text size="sm" fw={600}>
              {t('assetsUi.selected', { number: groupThousands(selected.size) })}
            </Text>
            <Button size="xs" leftSection={<IconQrcode size={14} />} onClick={() => setPrinting(true)} data-testid="print-labels">
              {t('assetsUi.print-labels')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setSelected(new Map())}>
              {t('assetsUi.clear-selection')}
            </Button>
          </Group>
        </Paper>
      ) : null}
      {devices.isError ? <RefusalAlert error={devices.error} /> : null}
      {devices.isPending ? <Loading /> : null}
      {devices.data && rows.length === 0 ? (
        filtered ? (
          <Empty title={t('assetsUi.empty-filtered-title')} hint={t('assetsUi.empty-filtered-hint')} />
        ) : (
          <Empty
            title={t('assetsUi.empty-title')}
            hint={keeper ? t('assetsUi.empty-hint') : undefined}
            action={
              keeper ? (
                <Group gap="sm" justify="center" mt="xs">
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="empty-register-device">
                    {t('assetsUi.register')}
                  </Button>
                  {can('import.preview') ? (
                  <Button variant="default" leftSection={<IconFileImport size={16} />} component="a" href={hashOf('import')} onClick={(event) => (event.preventDefault(), setHash(hashOf('import')))} data-testid="empty-import">
                    {t('assetsUi.empty-import')}
                  </Button>
                  ) : null}
                </Group>
              ) : null
            }
          />
        )
      ) : null}
      {rows.length > 0 ? (
        <DeviceTable
          rows={rows}
          total={total}
          dimmed={devices.isPlaceholderData}
          resetKey={JSON.stringify(input)}
          hasNextPage={hasNextPage}
          isFetchingNextPage={isFetchingNextPage}
          fetchNextPage={fetchNextPage}
          selected={selected}
          allSelected={allLoadedSelected}
          someSelected={someLoadedSelected}
          onToggle={toggle}
          onToggleAll={toggleAll}
          categoryLabel={categoryLabel}
          onOpen={onOpen}
        />
      ) : null}
      {keeper ? <DeviceFormModal opened={creating} asset={null} onClose={() => setCreating(false)} onSaved={onOpen} /> : null}
      <PrintLabelsModal
        opened={printing}
        devices={[...selected.entries()].map(([id, tag]) => ({ id, tag }))}
        onClose={() => setPrinting(false)}
        onPrinted={() => setSelected(new Map())}
      />
    </Stack>
  );
}

interface DeviceTableProps {
  rows: Row[];
  total: number;
  dimmed: boolean;
  /** Changes with the search and filters: a new list starts at its top. */
  resetKey: string;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
  selected: Map<string, string>;
  allSelected: boolean;
  someSelected: boolean;
  onToggle: (row: Row) => void;
  onToggleAll: () => void;
  categoryLabel: (id: string) => string;
  onOpen: (id: string) => void;
}

/** The scrolling part on its own, so a scroll redraws the rows and nothing above them. */
function DeviceTable({
  rows,
  total,
  dimmed,
  resetKey,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  selected,
  allSelected,
  someSelected,
  onToggle,
  onToggleAll,
  categoryLabel,
  onOpen,
}: DeviceTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const widths = useContentWidths(rows);
  const columns = useMemo(() => registerColumns(widths), [widths]);
  const virtualizer = useVirtualizer({
    count: rows.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  // Keyset paging: the next page is asked for while the user is still some rows away from the end.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - PREFETCH_ROWS) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastIndex, rows.length]);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);
  // Names wrap, so rows change height when the columns or the language do: measure them again.
  const { measure } = virtualizer;
  useEffect(() => measure(), [measure, columns.template, t]);

  const gridRow: CSSProperties = { ...gridRowBase, gridTemplateColumns: columns.template };
  return (
    <Paper withBorder radius="sm" style={{ overflow: 'hidden', opacity: dimmed ? 0.6 : 1 }}>
      <WidthProbe longestTag={widths.longestTag} longestSerial={widths.longestSerial} onMeasured={widths.setMeasured} />
      <div
        ref={scrollRef}
        role="table"
        aria-rowcount={total + 1}
        data-testid="assets-table"
        style={{ height: 'calc(100vh - 276px)', minHeight: 300, overflow: 'auto', position: 'relative' }}
      >
        <div style={{ minWidth: columns.minWidth }}>
          <div role="row" style={{ ...gridRow, position: 'sticky', top: 0, zIndex: 2, minHeight: 38, background: 'var(--mantine-color-gray-1)', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            <HeaderCell>
              <input
                type="checkbox"
                ref={(input) => {
                  if (input) input.indeterminate = someSelected && !allSelected;
                }}
                aria-label={t('assetsUi.select-all')}
                checked={allSelected}
                onChange={onToggleAll}
                style={checkboxStyle}
                data-testid="select-all"
              />
            </HeaderCell>
            <HeaderCell>{t('assetsUi.columns.tag')}</HeaderCell>
            <HeaderCell>{t('assetsUi.columns.device')}</HeaderCell>
            <HeaderCell>{t('assetsUi.columns.serial')}</HeaderCell>
            <HeaderCell>{t('assetsUi.columns.custodian-location')}</HeaderCell>
            <HeaderCell>{t('assetsUi.columns.status')}</HeaderCell>
            <HeaderCell>{t('assetsUi.columns.classification')}</HeaderCell>
          </div>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return <LoadingRow key={item.key} gridRow={gridRow} start={item.start} size={item.size} />;
              return (
                <DeviceRow
                  key={row.id}
                  row={row}
                  gridRow={gridRow}
                  index={item.index}
                  start={item.start}
                  measureRef={virtualizer.measureElement}
                  checked={selected.has(row.id)}
                  category={categoryLabel(row.category)}
                  onOpen={onOpen}
                  onToggle={onToggle}
                />
              );
            })}
          </div>
        </div>
      </div>
    </Paper>
  );
}

/** What the fixed columns must hold: measured from the same elements the rows draw, in the language shown. */
function useContentWidths(rows: Row[]): ContentWidths & { longestTag: string; longestSerial: string; setMeasured: (widths: ContentWidths) => void } {
  const longestTag = useMemo(() => longest(rows.map((row) => row.tag)), [rows]);
  const longestSerial = useMemo(() => longest(rows.map((row) => row.serial)), [rows]);
  const [measured, setMeasured] = useState<ContentWidths>(UNMEASURED);
  return { ...measured, longestTag, longestSerial, setMeasured };
}

/** Off-screen copies of the widest content, measured after each change of language or of the longest tag. */
function WidthProbe({ longestTag, longestSerial, onMeasured }: { longestTag: string; longestSerial: string; onMeasured: (widths: ContentWidths) => void }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const language = i18n.language;
  useLayoutEffect(() => {
    const probe = ref.current;
    if (!probe) return;
    const widest = (name: string) =>
      Math.max(0, ...[...probe.querySelectorAll<HTMLElement>(`[data-probe="${name}"]`)].map((element) => element.getBoundingClientRect().width));
    const measure = () =>
      onMeasured({
        tag: Math.max(widest('tag'), widest('tag-header')),
        serial: Math.max(widest('serial'), widest('serial-header')),
        status: Math.max(widest('status'), widest('status-header')),
        classification: Math.max(widest('classification'), widest('classification-header')),
      });
    measure();
    // The first measure may come before the fonts are in; measure again once they are.
    let live = true;
    void document.fonts.ready.then(() => live && measure());
    return () => {
      live = false;
    };
  }, [longestTag, longestSerial, language, onMeasured]);
  const header = (key: string, name: string) => (
    <Text size="sm" fw={700} data-probe={name} style={probeItem}>
      {t(key)}
    </Text>
  );
  return (
    <div ref={ref} aria-hidden style={{ position: 'absolute', left: -10_000, top: 0, visibility: 'hidden', whiteSpace: 'nowrap', pointerEvents: 'none' }}>
      <span data-probe="tag" style={{ ...tagStyle, ...probeItem }}>
        {longestTag}
      </span>
      <span data-probe="serial" style={{ ...serialStyle, ...probeItem }}>
        {longestSerial}
      </span>
      {ASSET_STATUSES.map((status) => (
        <span key={status} data-probe="status" style={probeItem}>
          <StatusBadge status={status} />
        </span>
      ))}
      {CLASSIFICATIONS.map((classification) => (
        <span key={classification} data-probe="classification" style={probeItem}>
          <ClassificationMark classification={classification} />
        </span>
      ))}
      {header('assetsUi.columns.tag', 'tag-header')}
      {header('assetsUi.columns.serial', 'serial-header')}
      {header('assetsUi.columns.status', 'status-header')}
      {header('assetsUi.columns.classification', 'classification-header')}
    </div>
  );
}

const probeItem: CSSProperties = { display: 'block', width: 'max-content' };

const gridRowBase: CSSProperties = { display: 'grid', alignItems: 'center', borderBottom: '1px solid var(--mantine-color-gray-2)' };

function HeaderCell({ children }: { children?: ReactNode }) {
  return (
    <div role="columnheader" style={{ padding: `6px ${CELL_PADDING / 2}px`, minWidth: 0 }}>
      <Text size="sm" fw={700} style={{ overflowWrap: 'break-word', lineHeight: 1.25 }} data-fit="header">
        {children}
      </Text>
    </div>
  );
}

function Cell({ children }: { children?: ReactNode }) {
  return (
    <div role="cell" style={cellStyle}>
      {children}
    </div>
  );
}

const checkboxStyle: CSSProperties = { width: 16, height: 16, margin: 0, accentColor: 'var(--mantine-color-flag-8)', cursor: 'pointer', verticalAlign: 'middle' };
const cellStyle: CSSProperties = { padding: `6px ${CELL_PADDING / 2}px`, minWidth: 0 };
/** Names wrap between words; a single word longer than its column breaks only as a last resort. */
const wrapStyle: CSSProperties = { fontSize: 'var(--mantine-font-size-sm)', lineHeight: 1.3, overflowWrap: 'break-word' };
/** Tags and serials stay whole on one line: their columns are sized to fit them. */
const serialStyle: CSSProperties = { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)', whiteSpace: 'nowrap' };
const tagStyle: CSSProperties = { ...serialStyle, fontWeight: 600 };

/** Plain elements, not components: a row is drawn many times a second while the list scrolls. */
function TextCell({ value, mono, strong, name }: { value: string; mono?: boolean; strong?: boolean; name: string }) {
  return (
    <div role="cell" style={cellStyle} data-cell={name}>
      <div
        style={{
          ...(mono && value ? serialStyle : wrapStyle),
          fontWeight: strong ? 500 : undefined,
          color: value ? undefined : 'var(--mantine-color-dimmed)',
        }}
      >
        {value || '—'}
      </div>
    </div>
  );
}

/** A name over a dimmed second line (make and model over category, custodian over location). */
function TwoLineCell({ name, first, second, strong }: { name: string; first: string; second: string; strong?: boolean }) {
  return (
    <div role="cell" style={cellStyle} data-cell={name}>
      <div style={{ ...wrapStyle, fontWeight: strong && first ? 500 : undefined, color: first ? undefined : 'var(--mantine-color-dimmed)' }}>{first || '—'}</div>
      {second ? <div style={{ ...wrapStyle, fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)' }}>{second}</div> : null}
    </div>
  );
}

function LoadingRow({ gridRow, start, size }: { gridRow: CSSProperties; start: number; size: number }) {
  const { t } = useTranslation();
  return (
    <div role="row" style={{ ...gridRow, position: 'absolute', top: 0, left: 0, width: '100%', height: size, transform: `translateY(${start}px)` }} data-testid="loading-row">
      <Cell />
      <Cell>
        <Skeleton h={12} w="70%" />
      </Cell>
      <Cell>
        <Text size="xs" c="dimmed">
          {t('assetsUi.loading-more')}
        </Text>
      </Cell>
    </div>
  );
}

interface DeviceRowProps {
  row: Row;
  gridRow: CSSProperties;
  index: number;
  start: number;
  measureRef: (element: HTMLElement | null) => void;
  checked: boolean;
  category: string;
  onOpen: (id: string) => void;
  onToggle: (row: Row) => void;
}

/** One device; redrawn only when it enters the window or its own data changes. */
const DeviceRow = memo(function DeviceRow({ row, gridRow, index, start, measureRef, checked, category, onOpen, onToggle }: DeviceRowProps) {
  const { t } = useTranslation();
  return (
    <div
      role="row"
      ref={measureRef}
      data-index={index}
      aria-rowindex={index + 2}
      className="clickable-row"
      style={{
        ...gridRow,
        position: 'absolute',
        top: 0,
        left: 0,
        width: '100%',
        minHeight: ROW_HEIGHT,
        transform: `translateY(${start}px)`,
        background: checked ? 'var(--mantine-color-flag-0)' : index % 2 ? 'var(--mantine-color-gray-0)' : 'white',
      }}
      onClick={() => onOpen(row.id)}
      data-testid="device-row"
      data-tag={row.tag}
    >
      <div role="cell" style={cellStyle}>
        <input
          type="checkbox"
          aria-label={t('assetsUi.select-row', { tag: row.tag })}
          checked={checked}
          onClick={(event) => event.stopPropagation()}
          onChange={() => onToggle(row)}
          style={checkboxStyle}
        />
      </div>
      <div role="cell" style={cellStyle} data-cell="tag">
        <a
          href={`#/assets/${encodeURIComponent(row.id)}`}
          onClick={(event) => {
            event.preventDefault();
            event.stopPropagation();
            onOpen(row.id);
          }}
          style={{ ...tagStyle, display: 'block', color: 'var(--mantine-color-anchor)', textDecoration: 'none' }}
        >
          {row.tag}
        </a>
      </div>
      <TwoLineCell name="device" first={[row.make, row.model].filter(Boolean).join(' ')} second={category} strong />
      <TextCell name="serial" value={row.serial} mono />
      <TwoLineCell name="custodian" first={row.custodian_name ?? ''} second={row.location_name ?? ''} />
      <div role="cell" style={cellStyle} data-cell="status">
        <StatusBadge status={row.status} />
      </div>
      <div role="cell" style={cellStyle} data-cell="classification">
        <ClassificationMark classification={row.classification} />
      </div>
    </div>
  );
});

function FilterSelect({ label, data, value, onChange, testId }: { label: string; data: { value: string; label: string }[]; value: string | null; onChange: (value: string | null) => void; testId: string }) {
  return (
    <Select
      w={172}
      size="xs"
      placeholder={label}
      aria-label={label}
      data={data}
      value={value}
      onChange={onChange}
      clearable
      searchable
      comboboxProps={{ width: 260, position: 'bottom-start' }}
      styles={value ? { input: { borderColor: 'var(--mantine-color-flag-6)', background: 'var(--mantine-color-flag-0)' } } : undefined}
      data-testid={testId}
    />
  );
}
