// Exporting a report: PDF to print and sign, XLSX and CSV for people who work in Excel; the file in
// memory for the window to save, or streamed to a path for the CLI. Which reports exist is decided by
// the areas' manifests; which formats, here, one case each.
import { createWriteStream, openSync, renameSync, rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { z } from 'zod';
import { type ExportFormat, RegisterExportInput, type RegisterExportRequest } from './contract.ts';
import { assertNever } from '../core/assert.ts';
import type { Services, SessionUser } from '../core/context.ts';
import { workingDay } from '../contract/days.ts';
import { Refusal, refuse } from '../core/refusal.ts';
import { formatPrintDay } from '../documents/pdf.ts';
import { printWitness } from '../documents/witness.ts';
import { writePdf } from './pdf.ts';
import { getInstitution } from '../institution/queries.ts';
import { writeCsv } from './csv.ts';
import { PAGE_SIZE, wordsIn, type CellValue, type Register, type RegisterSource, type Words } from './register.ts';
import type { ExportControl, Table } from './table.ts';
import { writeXlsx } from './xlsx.ts';

export const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface ExportedRegister {
  filename: string;
  mime: string;
  base64: string;
  rows: number;
}

/** `user`: who produced the report, named on every printed page. */
type ExportServices = Pick<Services, 'store' | 'clock' | 'registry'> & { user?: SessionUser | null };

interface Prepared {
  register: Omit<Register<never>, 'cells' | 'count' | 'describe'>;
  rows: Iterable<CellValue[]>;
  total: number;
  /** The filters in words, for the printed heading. */
  filters: string[];
}

/** The register asked for, from the areas' manifests (each area declares its own `registers`). */
function prepare(services: ExportServices, request: RegisterExportRequest, source: RegisterSource, words: Words): Prepared {
  const register = services.registry.registers.get(request.register);
  // Every key the input schema takes has its register: tests/db/areas/registry.test.ts holds them together.
  if (!register) throw new Error(`no area declares the register ${request.register}`);
  // The input schema checked these filters against the register its key names.
  const filters = request.filters as never;
  return { register, rows: register.cells(source, filters, words), total: register.count(source, filters), filters: register.describe(filters, words, source) };
}

interface Job {
  filename: string;
  write(out: Writable, control: ExportControl): Promise<number>;
}

function job(services: ExportServices, request: RegisterExportRequest): Job {
  const now = services.clock.now();
  const source: RegisterSource = { store: services.store, today: workingDay(now), reader: services.user ? { user: services.user, registry: services.registry } : null };
  const words = wordsIn(request.language);
  const { register, rows, total, filters } = prepare(services, request, source, words);
  const totalled = register.columns.map((column) => register.totals.includes(column.key));
  const table: Table = {
    columns: register.columns,
    headers: register.columns.map((column) => words.t(column.header)),
    rows,
    pageSize: PAGE_SIZE,
    total,
    ...(register.totals.length ? { totals: { columns: totalled, label: words.t('registers.totals') } } : {}),
  };
  const format = request.format;
  return {
    filename: `${words.t(register.file)}-${source.today}.${format}`,
    write: (out, control) => {
      switch (format) {
        case 'csv':
          return writeCsv(table, out, control);
        case 'xlsx':
          return writeXlsx(
            table,
            out,
            { title: words.t(register.title), sheet: words.t(register.sheet), creator: getInstitution(services.store)?.name ?? '', created: now },
            control,
          );
        case 'pdf': {
          const institution = getInstitution(services.store) ?? refuse('not-initialized');
          // The input schema checked these filters against the register its key names.
          const printing = register.printing(source, request.filters as never, words);
          return writePdf(
            printing,
            out,
            {
              t: words.t,
              language: words.language,
              institution,
              title: words.t(register.title),
              filters,
              printedOn: formatPrintDay(now),
              printedBy: services.user?.display_name ?? '',
              // Headed by the records as printed; a report of one device's records names that device, so a check can tell they are unchanged.
              witness: printWitness(services.store, printing.witnessed),
              now,
              total,
              pageSize: PAGE_SIZE,
            },
            control,
          );
        }
        default:
          return assertNever(format, 'format');
      }
    },
  };
}

/**
 * The register as a file in memory, for the window to offer to save. A long job when `control.job` is
 * given: it pauses every page, and a stop leaves nothing behind (the file was never handed over).
 */
export async function exportRegister(services: ExportServices, request: RegisterExportRequest, control: ExportControl = {}): Promise<ExportedRegister> {
  const exporting = job(services, request);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const rows = await exporting.write(sink, control);
  return { filename: exporting.filename, mime: MIME[request.format], base64: Buffer.concat(chunks).toString('base64'), rows };
}

function parse(options: RegisterExportInput): RegisterExportRequest {
  const parsed = RegisterExportInput.safeParse(options);
  if (parsed.success) return parsed.data;
  throw new Refusal('invalid-input', undefined, fieldsOf(parsed.error));
}

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return fields;
}

/**
 * The register written to `path` as a stream, for the CLI. It is written beside the path first and
 * renamed when whole, so a failure or a cancel leaves no half-written register where one is expected.
 */
export async function exportRegisterToFile(
  services: ExportServices,
  options: RegisterExportInput,
  path: string,
  control: ExportControl = {},
): Promise<{ path: string; filename: string; rows: number }> {
  const request = parse(options);
  const exporting = job(services, request);
  const partial = `${path}.${process.pid}.part`;
  // Opened here so that a folder that does not exist fails at once, before anything is read.
  const out = createWriteStream(partial, { fd: openSync(partial, 'w') });
  // A full disk surfaces as an 'error' on the file stream, which the zip writer only listens for at its end.
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  try {
    const rows = await Promise.race([exporting.write(out, control), failed]);
    renameSync(partial, path);
    return { path, filename: exporting.filename, rows };
  } catch (error) {
    out.destroy();
    // Closed before it is removed: Windows will not delete a file that is still open.
    await finished(out).catch(() => undefined);
    rmSync(partial, { force: true });
    throw error;
  }
}
