// The schedule of a frozen disposal batch as a spreadsheet (3.6.12): one row per storage medium (a
// device without any has one row of its own), with the NIST SP 800-88 record beside it. Written from the
// snapshot alone by the registers engine's XLSX writer, dated as submitted: the same bytes every time.
import { Writable } from 'node:stream';
import { translator, type Language, type Translate } from '../contract/catalogues/index.ts';
import type { CellValue, ColumnShape } from '../registers/register.ts';
import { writeXlsx } from '../registers/xlsx.ts';
import { safeFilename } from '../documents/pdf.ts';
import type { DeviceLine, Snapshot } from './events.ts';
import type { Frozen } from './pack-form.ts';

type Medium = Snapshot['media'][number];

interface SheetRow {
  n: number;
  device: DeviceLine;
  medium: Medium | null;
}

interface SheetColumn extends ColumnShape {
  value(row: SheetRow, t: Translate, snapshot: Snapshot, language: Language): CellValue;
}

const term = (t: Translate, group: string, value: string | null | undefined) => (value ? t(`${group}.${value}`) : '');

const columns: SheetColumn[] = [
  { key: 'n', header: 'number', kind: 'number', value: (r) => r.n },
  { key: 'tag', header: 'tag', kind: 'text', value: (r) => r.device.tag },
  { key: 'category', header: 'category', kind: 'text', value: (r, _t, s, language) => s.categories[r.device.category]?.[language] ?? r.device.category },
  { key: 'make', header: 'make', kind: 'text', value: (r) => r.device.make },
  { key: 'model', header: 'model', kind: 'text', value: (r) => r.device.model },
  { key: 'serial', header: 'serial', kind: 'text', value: (r) => r.device.serial },
  { key: 'condition', header: 'condition', kind: 'text', value: (r, t) => term(t, 'disposal_ui.conditions', r.device.condition) },
  { key: 'reason', header: 'reason', kind: 'text', value: (r, t) => term(t, 'disposal_ui.reasons', r.device.reason) },
  { key: 'note', header: 'note', kind: 'text', value: (r) => r.device.note },
  { key: 'route', header: 'route', kind: 'text', value: (r, t) => term(t, 'disposal_ui.routes', r.device.route) },
  { key: 'medium_kind', header: 'medium-kind', kind: 'text', value: (r, t) => (r.medium ? (r.medium.medium_id === null ? t('disposal_ui.pack.the-device-itself') : term(t, 'media', r.medium.kind)) : '') },
  { key: 'capacity', header: 'capacity', kind: 'number', value: (r) => r.medium?.capacity_gb ?? null },
  { key: 'medium_serial', header: 'medium-serial', kind: 'text', value: (r) => r.medium?.serial ?? '' },
  { key: 'category_nist', header: 'sanitisation', kind: 'text', value: (r, t) => term(t, 'disposal_ui.categories', r.medium?.sanitisation.category) },
  { key: 'method', header: 'method', kind: 'text', value: (r, t) => term(t, 'disposal_ui.methods', r.medium?.sanitisation.method) },
  { key: 'tool', header: 'tool', kind: 'text', value: (r) => [r.medium?.sanitisation.tool, r.medium?.sanitisation.tool_version].filter(Boolean).join(' ') },
  { key: 'verification', header: 'verification', kind: 'text', value: (r, t) => term(t, 'disposal_ui.verifications', r.medium?.sanitisation.verification) },
  { key: 'performed_by', header: 'performed-by', kind: 'text', value: (r) => r.medium?.sanitisation.performed_by?.name ?? '' },
  { key: 'performed_on', header: 'performed-on', kind: 'day', value: (r) => r.medium?.sanitisation.performed_by?.date ?? '' },
  { key: 'verified_by', header: 'verified-by', kind: 'text', value: (r) => r.medium?.sanitisation.verified_by?.name ?? '' },
  { key: 'verified_on', header: 'verified-on', kind: 'day', value: (r) => r.medium?.sanitisation.verified_by?.date ?? '' },
  { key: 'before', header: 'before', kind: 'text', value: (r, t) => term(t, 'classifications', r.medium?.sanitisation.confidentiality_before) },
  { key: 'after', header: 'after', kind: 'text', value: (r, t) => term(t, 'classifications', r.medium?.sanitisation.confidentiality_after) },
  { key: 'report', header: 'report', kind: 'text', value: (r) => r.medium?.sanitisation.report?.sha256 ?? '' },
];

/** The rows in the schedule's order: each device, then each of its media. */
function rowsOf(snapshot: Snapshot): SheetRow[] {
  return snapshot.devices.flatMap((device, i): SheetRow[] => {
    const media = snapshot.media.filter((m) => m.asset_id === device.asset_id);
    return media.length ? media.map((medium) => ({ n: i + 1, device, medium })) : [{ n: i + 1, device, medium: null }];
  });
}

/** The schedule as an Excel workbook. */
export async function scheduleSheet({ snapshot }: Frozen, language: Language): Promise<{ filename: string; mime: string; base64: string }> {
  const t = translator(language);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const rows = rowsOf(snapshot);
  await writeXlsx(
    {
      columns,
      headers: columns.map((column) => t(`disposal_ui.sheet.${column.header}`)),
      rows: rows.map((row) => columns.map((column) => column.value(row, t, snapshot, language))),
      pageSize: 500,
      total: rows.length,
    },
    sink,
    { title: t('disposal_ui.pack.schedule-pdf-title', { number: snapshot.number }), sheet: t('disposal_ui.sheet.name'), creator: snapshot.institution.name, created: new Date(snapshot.submitted_at) },
  );
  return {
    filename: safeFilename(t('disposal_ui.pack.schedule-xlsx-file', { number: snapshot.number })),
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: stampZip(Buffer.concat(chunks), new Date(snapshot.submitted_at)).toString('base64'),
  };
}

/**
 * The zip under the workbook stamps each file with the time it was written; set every stamp to the
 * submission's, so the schedule drawn next year is the same bytes as today's.
 */
function stampZip(zip: Buffer, at: Date): Buffer {
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2);
  const date = ((Math.max(at.getUTCFullYear(), 1980) - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return zip;
  let entry = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0 && zip.readUInt32LE(entry) === 0x02014b50; i -= 1) {
    zip.writeUInt16LE(time, entry + 12);
    zip.writeUInt16LE(date, entry + 14);
    const local = zip.readUInt32LE(entry + 42);
    if (zip.readUInt32LE(local) === 0x04034b50) {
      zip.writeUInt16LE(time, local + 10);
      zip.writeUInt16LE(date, local + 12);
    }
    entry += 46 + zip.readUInt16LE(entry + 28) + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
  }
  return zip;
}
