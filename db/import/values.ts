// Cell values as registers write them, turned into the register's values: "TSh 2,450,000/=" into
// 2450000, "12/03/2023" into 2023-03-12 (day first, as Tanzania writes it), "Printa" into `printer`.
import { CLASSIFICATIONS, MEDIA_KINDS } from '../assets/contract.ts';
import { catalogues } from '../contract/catalogues/index.ts';
import { isCalendarDay } from '../contract/days.ts';
import { fold } from './mapping.ts';
import type { Cell } from './read.ts';

export type Converted<T> = { ok: true; value: T } | { ok: false; message: string; params?: Record<string, string | number> };

const ok = <T>(value: T): Converted<T> => ({ ok: true, value });
const fail = (message: string, params?: Record<string, string | number>): Converted<never> => ({ ok: false, message, ...(params ? { params } : {}) });

/** A cell as text, spacing folded. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.replace(/\s+/g, ' ').trim();
}

// What registers write where there is nothing to write: "N/A", a dash, "Hakuna" (none), "Haijulikani"
// (unknown). Read as a value they would make a person called "Hakuna", a place called "N/A", and every
// device without a serial a repeat of every other.
const PLACEHOLDERS = new Set(['-', '--', '---', '\u2013', '\u2014', '_', '.', '?', 'n/a', 'n.a', 'n.a.', 'na', 'n/a.', 'nil', 'none', 'null', 'unknown', 'not known', 'not applicable', 'tbd', 'hakuna', 'haipo', 'haijulikani', 'haijafahamika', 'haihusiki']);

export function isPlaceholder(cell: Cell): boolean {
  return typeof cell === 'string' && PLACEHOLDERS.has(cellText(cell).toLowerCase());
}

// The values Excel shows for a formula that failed (a VLOOKUP that found nothing is #N/A).
const EXCEL_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

export function isExcelError(cell: Cell): boolean {
  return typeof cell === 'string' && EXCEL_ERROR.test(cell.trim());
}

/** A cell as a field takes it: a placeholder or an Excel error is nothing (the error is told on its own). */
export function fieldValue(cell: Cell): Cell {
  return isPlaceholder(cell) || isExcelError(cell) ? null : cell;
}

/** Whether a serial or tag lost digits to Excel: shown in scientific notation, or a number past 15 digits. */
export function digitsLost(cell: Cell): boolean {
  if (typeof cell === 'number') return Number.isInteger(cell) && Math.abs(cell) >= 1e15;
  return typeof cell === 'string' && /^\d+([.,]\d+)?e\+\d+$/i.test(cell.trim());
}

function day(year: number, month: number, date: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

const MONTHS: Record<string, number> = {};
[
  ['january', 'januari', 'jan'],
  ['february', 'februari', 'feb'],
  ['march', 'machi', 'mar'],
  ['april', 'aprili', 'apr'],
  ['may', 'mei'],
  ['june', 'juni', 'jun'],
  ['july', 'julai', 'jul'],
  ['august', 'agosti', 'aug', 'ago'],
  ['september', 'septemba', 'sep', 'sept'],
  ['october', 'oktoba', 'oct', 'okt'],
  ['november', 'novemba', 'nov'],
  ['december', 'desemba', 'dec', 'des'],
].forEach((names, i) => {
  for (const name of names) MONTHS[name] = i + 1;
});

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

// Excel counts days from 1899-12-30 (its 1900 leap-year mistake included); 25569 is 1970-01-01.
const EXCEL_EPOCH_OFFSET = 25569;
const EXCEL_LAST_SERIAL = 2958465;

// Before 1930 no register holds a device; a smaller number in a date column is a year or a count.
const EXCEL_FIRST_PLAUSIBLE = 10958;

const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:\s.*)?$/;

/**
 * Whether a date column shows it was typed month first (a "12/31/2023" among its cells): then a
 * "03/12/2023" of the same column can be read two ways and is asked about, not guessed.
 */
export function monthFirstSeen(cells: readonly Cell[]): boolean {
  return cells.some((cell) => {
    const match = typeof cell === 'string' ? DAY_FIRST.exec(cell.trim()) : null;
    return match !== null && Number(match[1]) <= 12 && Number(match[2]) > 12 && Number(match[2]) <= 31;
  });
}

/**
 * `YYYY-MM-DD`, `dd/MM/yyyy` or `d.m.yyyy` (never month first: 03/12/2023 is the 3rd of December),
 * `12 Mar 2023`, `12-Machi-2023`, an Excel day number or date cell, or a timestamp whose date part is
 * one of these. A day the calendar lacks and a text that is no date are told apart.
 */
export function toDate(cell: Cell, options: { monthFirstSeen?: boolean } = {}): Converted<string> {
  if (typeof cell === 'number') {
    if (cell < EXCEL_FIRST_PLAUSIBLE || cell > EXCEL_LAST_SERIAL) return fail('import.errors.date-unreadable', { value: String(cell) });
    return ok(new Date(Math.round((Math.floor(cell) - EXCEL_EPOCH_OFFSET) * 86_400_000)).toISOString().slice(0, 10));
  }
  const raw = cellText(cell);
  if (raw === '') return ok('');
  // A date cell pasted as values into a column formatted as text keeps Excel's day number as text.
  if (/^\d{5}(\.\d+)?$/.test(raw)) return toDate(Number(raw), options);
  // English registers write "12th March 2023" and "March 12th, 2023".
  const text = raw.replace(/(\d)(st|nd|rd|th)\b/gi, '$1');
  const unreadable = fail('import.errors.date-unreadable', { value: raw });
  const impossible = fail('import.errors.date-impossible', { value: raw });
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(text);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isCalendarDay(y, m, d) ? ok(day(y, m, d)) : impossible;
  }
  match = DAY_FIRST.exec(text);
  if (match) {
    const [d, m, y] = [Number(match[1]), Number(match[2]), fullYear(match[3] as string)];
    if (options.monthFirstSeen && d <= 12 && m <= 12 && d !== m) return fail('import.errors.date-ambiguous', { value: text });
    return isCalendarDay(y, m, d) ? ok(day(y, m, d)) : impossible;
  }
  match = /^(\d{1,2})[-\s./]+([A-Za-z]+)\.?[-\s./,]+(\d{2}|\d{4})$/.exec(text);
  if (match) {
    const month = MONTHS[(match[2] as string).toLowerCase()];
    const [d, y] = [Number(match[1]), fullYear(match[3] as string)];
    if (!month) return unreadable;
    return isCalendarDay(y, month, d) ? ok(day(y, month, d)) : impossible;
  }
  match = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (match) {
    const month = MONTHS[(match[1] as string).toLowerCase()];
    const [d, y] = [Number(match[2]), Number(match[3])];
    if (!month) return unreadable;
    return isCalendarDay(y, month, d) ? ok(day(y, month, d)) : impossible;
  }
  return unreadable;
}

/**
 * Whole shillings from "1,250,000", "1 250 000", "TZS 1,250,000/=", "2450000.00", "2.450.000" or a
 * number cell. Cents are refused rather than rounded away: a cost is a record, not an estimate. A
 * negative amount ("-5000", an accountant's "(5,000)") is told as such, not as an unreadable one.
 */
export function toShillings(cell: Cell): Converted<number | null> {
  const bad = fail('validation.money', { value: cellText(cell) });
  const negative = fail('import.errors.cost-negative', { value: cellText(cell) });
  let amount: number;
  if (typeof cell === 'number') {
    amount = cell;
  } else {
    const text = cellText(cell);
    if (text === '') return ok(null);
    let bare = text
      .toLowerCase()
      .replace(/^(tshs?|tzs|shs?)\.?/, '')
      .replace(/(tshs?|tzs|shs?)\.?$/, '')
      .replace(/\/[=-]$/, '')
      .replace(/[\s\u00a0\u202f']/g, '');
    let sign = 1;
    if (/^[-\u2212]/.test(bare)) [sign, bare] = [-1, bare.slice(1)];
    else if (/^\(.*\)$/.test(bare)) [sign, bare] = [-1, bare.slice(1, -1)];
    bare = bare.replace(/^(tshs?|tzs|shs?)\.?/, '').replace(/\/[=-]$/, '');
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(bare)) amount = Number(bare.replace(/,/g, ''));
    else if (/^\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(bare)) amount = Number(bare.replace(/\./g, '').replace(',', '.'));
    // Where Excel writes `;` between columns it writes a decimal comma: "2450000,00", "310.000,00".
    // Two digits after the comma are cents; three would be thousands, read above.
    else if (/^\d+,\d{2}$/.test(bare) || /^\d{1,3}(\.\d{3})+,\d{2}$/.test(bare)) amount = Number(bare.replace(/\./g, '').replace(',', '.'));
    else if (/^\d+(\.\d+)?$/.test(bare)) amount = Number(bare);
    else return bad;
    amount *= sign;
  }
  if (!Number.isFinite(amount)) return bad;
  if (amount < 0) return negative;
  const whole = Math.round(amount);
  // A spreadsheet's own arithmetic leaves dust like 2450000.0000001; real cents are a hundredth.
  if (Math.abs(amount - whole) > 1e-6) return bad;
  return ok(whole);
}

const YES = new Set(['ndiyo', 'ndio', 'yes', 'y', 'true', '1', 'x', 'kweli']);
const NO = new Set(['hapana', 'no', 'n', 'false', '0', 'si kweli']);

/** Yes, no, or blank for "the category decides". */
export function toYesNo(cell: Cell): Converted<boolean | null> {
  if (typeof cell === 'boolean') return ok(cell);
  const text = fold(cellText(cell));
  if (text === '') return ok(null);
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return fail('validation.invalid_value', { value: cellText(cell) });
}

const swCatalogue = catalogues.sw as { classifications: Record<string, string>; categories: Record<string, string>; media: Record<string, string> };
const enCatalogue = catalogues.en as typeof swCatalogue;

function namesOf<T extends string>(ids: readonly T[], group: 'classifications' | 'categories' | 'media', extra: Record<string, T>): Map<string, T> {
  const names = new Map<string, T>();
  for (const id of ids) {
    names.set(fold(id), id);
    for (const catalogue of [swCatalogue, enCatalogue]) {
      const label = catalogue[group][id];
      if (label) names.set(fold(label), id);
    }
  }
  for (const [name, id] of Object.entries(extra)) names.set(fold(name), id);
  return names;
}

const CLASSIFICATION_NAMES = namesOf(CLASSIFICATIONS, 'classifications', {
  umma: 'public',
  'kwa umma': 'public',
  ndani: 'internal',
  'siri kubwa': 'top_secret',
  'top secret': 'top_secret',
  'top-secret': 'top_secret',
});

/** A classification by id or by its name in either language; blank leaves the form's default. */
export function toClassification(cell: Cell): Converted<(typeof CLASSIFICATIONS)[number] | undefined> {
  const text = cellText(cell);
  if (text === '') return ok(undefined);
  const id = CLASSIFICATION_NAMES.get(fold(text));
  return id ? ok(id) : fail('validation.invalid_value', { value: text });
}

const MEDIUM_NAMES = namesOf(MEDIA_KINDS, 'media', {
  'hard disk': 'hdd',
  'hard drive': 'hdd',
  'diski ngumu': 'hdd',
  sata: 'hdd',
  'solid state': 'ssd',
  'solid state drive': 'ssd',
  nvme: 'ssd',
  'm 2': 'ssd',
  sd: 'memory_card',
  'sd card': 'memory_card',
  microsd: 'memory_card',
  'micro sd': 'memory_card',
  'memory card': 'memory_card',
  'kadi ya kumbukumbu': 'memory_card',
  nyingine: 'other',
});

export function toMediumKind(cell: Cell): Converted<(typeof MEDIA_KINDS)[number] | null> {
  const text = cellText(cell);
  if (text === '') return ok(null);
  const id = MEDIUM_NAMES.get(fold(text));
  return id ? ok(id) : fail('validation.invalid_value', { value: text });
}

/** Gigabytes from "500", "500 GB", "1 TB" (1000 GB, as drives are sold), or a number cell. */
export function toCapacity(cell: Cell): Converted<number | null> {
  if (typeof cell === 'number') return ok(cell);
  const text = cellText(cell);
  if (text === '') return ok(null);
  const match = /^(\d+(?:[.,]\d+)?)\s*(gb|tb|mb)?$/i.exec(text);
  if (!match) return fail('validation.capacity', { value: text });
  const amount = Number((match[1] as string).replace(',', '.'));
  const unit = (match[2] ?? 'gb').toLowerCase();
  const gb = unit === 'tb' ? amount * 1000 : unit === 'mb' ? amount / 1000 : amount;
  // Left fractional on purpose: the register's own rule (whole GB, at least 1) then says no.
  return ok(gb);
}

/** Names registers give the built-in categories, besides the catalogues' own. */
export const CATEGORY_SYNONYMS: Record<string, string> = {
  desktop: 'desktop',
  'desktop computer': 'desktop',
  'desktop pc': 'desktop',
  pc: 'desktop',
  computer: 'desktop',
  cpu: 'desktop',
  workstation: 'desktop',
  'all in one': 'desktop',
  kompyuta: 'desktop',
  'kompyuta ya mezani': 'desktop',
  'kompyuta mezani': 'desktop',
  laptop: 'laptop',
  notebook: 'laptop',
  'kompyuta mpakato': 'laptop',
  mpakato: 'laptop',
  'kompyuta ndogo': 'laptop',
  server: 'server',
  seva: 'server',
  printer: 'printer',
  printa: 'printer',
  photocopier: 'printer',
  copier: 'printer',
  'multifunction printer': 'printer',
  mfp: 'printer',
  'mashine ya kudurufu': 'printer',
  scanner: 'scanner',
  skana: 'scanner',
  network: 'network',
  networking: 'network',
  'network device': 'network',
  'network equipment': 'network',
  switch: 'network',
  router: 'network',
  'access point': 'network',
  firewall: 'network',
  modem: 'network',
  swichi: 'network',
  ruta: 'network',
  'kifaa cha mtandao': 'network',
  'vifaa vya mtandao': 'network',
  ups: 'ups',
  'uninterruptible power supply': 'ups',
  phone: 'phone',
  'mobile phone': 'phone',
  smartphone: 'phone',
  'ip phone': 'phone',
  'voip phone': 'phone',
  simu: 'phone',
  'simu ya mkononi': 'phone',
  'simu janja': 'phone',
  tablet: 'tablet',
  ipad: 'tablet',
  tableti: 'tablet',
  kishikwambi: 'tablet',
  projector: 'projector',
  projekta: 'projector',
  'external hdd': 'external_drive',
  'external hard disk': 'external_drive',
  'external hard drive': 'external_drive',
  'external drive': 'external_drive',
  'external disk': 'external_drive',
  'external ssd': 'external_drive',
  'portable hard disk': 'external_drive',
  'portable hard drive': 'external_drive',
  'hard disk ya nje': 'external_drive',
  flash: 'flash_disk',
  'flash disk': 'flash_disk',
  'flash drive': 'flash_disk',
  'usb flash': 'flash_disk',
  'usb flash drive': 'flash_disk',
  'usb drive': 'flash_disk',
  'pen drive': 'flash_disk',
  'memory stick': 'flash_disk',
  flashi: 'flash_disk',
  other: 'other',
  others: 'other',
  nyingine: 'other',
  vinginevyo: 'other',
};

/** Resolves a category cell against the built-in ids, their names and the custom categories. */
export function categoryResolver(builtins: readonly string[], custom: readonly { id: string; name_sw: string; name_en: string }[]): (cell: Cell) => Converted<string> {
  const names = namesOf(builtins, 'categories', CATEGORY_SYNONYMS);
  // A custom category named like a built-in one was made on purpose: its name wins.
  for (const c of custom) {
    names.set(fold(c.name_sw), c.id);
    names.set(fold(c.name_en), c.id);
    names.set(fold(c.id), c.id);
  }
  return (cell) => {
    const text = cellText(cell);
    if (text === '') return fail('validation.required');
    const key = fold(text);
    // English registers write categories in the plural ("Laptops", "Printers"), as Snipe-IT does.
    const id = names.get(key) ?? (key.endsWith('s') ? names.get(key.slice(0, -1)) : undefined);
    return id ? ok(id) : fail('errors.category-not-found', { value: text });
  };
}
