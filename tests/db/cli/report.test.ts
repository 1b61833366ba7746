// `daftari report` from a shell, through the real binary, on the demo office: the list of reports,
// each format written to --out, a period, the mistakes a person makes typing it (in their language, no
// stack trace), and the older spelling `daftari register`.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { REGISTER_KEYS } from '../../../db/registers/contract.ts';
import { readXlsx } from '../../helpers/registers.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../bin/daftari.mjs');
const PASSWORD = 'Kijani#Mti42';
const scratch = mkdtempSync(join(tmpdir(), 'daftari-cli-report-'));
const db = join(scratch, 'ofisi.sqlite');
const en = translator('en');
const sw = translator('sw');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function daftari(args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, DAFTARI_PASSWORD: PASSWORD, DAFTARI_LANG: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A report as the administrator asks for it, written to a fresh file under the scratch folder. */
async function report(name: string, file: string, ...more: string[]): Promise<Outcome & { out: string }> {
  const out = join(scratch, file);
  return { ...(await daftari(['report', name, '--db', db, '--user', 'asha', '--out', out, ...more])), out };
}

function csvRows(path: string): string[][] {
  return parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as string[][];
}

function noStack(outcome: Outcome): void {
  expect(outcome.stderr).not.toMatch(/\n\s+at /);
}

describe('daftari report', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    const built = await daftari(['demo', '--operator', '--db', db, '--admin', 'asha', '--password', PASSWORD]);
    expect(built.code, built.stderr).toBe(0);
  }, 120_000);

  it('lists the report names, one a line, without a database', async () => {
    const listed = await daftari(['report', '--list']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toBe(`${REGISTER_KEYS.join('\n')}\n`);
    expect(listed.stdout.split('\n')).toEqual(expect.arrayContaining(['maintenance-cost', 'personal-devices', 'disposal-batches']));
  });

  it('prints a report as PDF, with its period and page numbers', async () => {
    const written = await report('maintenance-cost', 'cost.pdf', '--format', 'pdf', '--from', '2025-01-01', '--to', '2026-12-31', '--lang', 'en');
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain(written.out);
    // Every export is a report now, and the line that ends it says so.
    expect(written.stdout).toMatch(/^Report written to .*cost\.pdf: \d+ rows\.\n$/);
    const bytes = readFileSync(written.out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { stdout: text } = await run('pdftotext', ['-raw', written.out, '-']);
    expect(text).toContain('MAINTENANCE COST BY CATEGORY, DEPARTMENT AND PROVIDER');
    expect(text).toContain('Period: 01/01/2025 to 31/12/2026');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('Printed on');
  });

  it('writes the same report as XLSX with its totals row, and as CSV with the total labelled in words', async () => {
    const xlsx = await report('maintenance-cost', 'cost.xlsx', '--format', 'xlsx', '--lang', 'en');
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const sheet = (await readXlsx(readFileSync(xlsx.out))).worksheets[0];
    const last = sheet?.getRow(sheet.rowCount);
    expect(last?.getCell(1).value).toBe('Total');
    const csv = await report('maintenance-cost', 'cost.csv', '--format', 'csv');
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toMatch(/^Ripoti imeandikwa kwenye .*cost\.csv: safu \d+\.\n$/);
    const rows = csvRows(csv.out);
    const foot = rows.at(-1) ?? [];
    expect(foot[0]).toBe('Jumla');
    // The totals add up the rows above them.
    const entries = rows.slice(1, -1).reduce((sum, row) => sum + Number(row[3]), 0);
    expect(Number(foot[3])).toBe(entries);
    expect(entries).toBeGreaterThan(0);
    expect(Number(sheet?.getRow(sheet.rowCount).getCell(4).value)).toBe(entries);
  });

  it('takes a period with --from and --to on the reports that have one', async () => {
    const whole = csvRows((await report('log-book', 'log-all.csv', '--format', 'csv', '--lang', 'en')).out);
    const period = await report('log-book', 'log-2026.csv', '--format', 'csv', '--from', '2026-01-01', '--to', '2026-06-30', '--lang', 'en');
    expect(period.code, period.stderr).toBe(0);
    const [heads, ...entries] = csvRows(period.out);
    const reported = (heads ?? []).indexOf('Reported on');
    // The last row is the totals, labelled in the first column.
    expect(entries.at(-1)?.[reported]).toBe('Total');
    const rows = entries.slice(0, -1);
    const days = rows.map((row) => (row[reported] ?? '').split('/').reverse().join('-'));
    expect(days.every((day) => day >= '2026-01-01' && day <= '2026-06-30')).toBe(true);
    expect(rows.length).toBeLessThan(whole.length - 1);
    for (const name of ['movements', 'handovers', 'disposal-batches', 'maintenance-cost']) {
      const written = await report(name, `${name}-period.xlsx`, '--from', '2025-01-01', '--to', '2026-12-31');
      expect([name, written.code, written.stderr]).toEqual([name, 0, expect.any(String)]);
      expect(existsSync(written.out)).toBe(true);
    }
  });

  it("prints one device's page of the log book with --device, and names a tag the register does not hold", async () => {
    const records = new Database(db, { readonly: true });
    const { tag, entries } = records
      .prepare('SELECT a.tag AS tag, count(*) AS entries FROM maintenance_entries m JOIN assets a ON a.id = m.asset_id GROUP BY a.id ORDER BY entries DESC, a.tag LIMIT 1')
      .get() as { tag: string; entries: number };
    records.close();
    // Typed loosely, as people type tags.
    const written = await report('log-book', 'page.pdf', '--format', 'pdf', '--device', ` ${tag.toLowerCase()} `, '--lang', 'en');
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain(`: ${entries} rows.`);
    const { stdout: text } = await run('pdftotext', ['-raw', written.out, '-']);
    expect(text).toContain('SERVICE MAINTENANCE LOG BOOK');
    expect(text).toContain('DEVICE PARTICULARS');
    expect(text).toContain(tag);
    expect(text).toContain(`TOTAL — ${entries} entries`);

    const unknown = await report('log-book', 'none.pdf', '--format', 'pdf', '--device', 'WF/ICT/1999/0000');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe(sw('errors.asset-not-found'));
    const elsewhere = await report('devices', 'devices.pdf', '--device', tag, '--lang', 'en');
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr.trim()).toBe(en('registers.cli.device-log-book-only', { name: 'devices' }));
    for (const outcome of [unknown, elsewhere]) noStack(outcome);
    expect(existsSync(unknown.out) || existsSync(elsewhere.out)).toBe(false);
  });

  it('names the reports there are when asked for one there is not, in either language', async () => {
    const english = await report('toys', 'toys.pdf', '--lang', 'en');
    expect(english.code).toBe(1);
    expect(english.stderr.trim()).toBe(en('registers.cli.unknown', { name: 'toys', names: REGISTER_KEYS.join(', ') }));
    const swahili = await report('toys', 'toys.pdf');
    expect(swahili.stderr.trim()).toBe(sw('registers.cli.unknown', { name: 'toys', names: REGISTER_KEYS.join(', ') }));
    expect(swahili.stderr).toContain('maintenance-cost');
    noStack(swahili);
    expect(existsSync(english.out)).toBe(false);
  });

  it('refuses a date that is not one, and a period that ends before it starts, in either language', async () => {
    const bad = await report('log-book', 'bad.csv', '--from', '2026-02-30', '--lang', 'en');
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(en('registers.cli.bad-date', { date: '2026-02-30', option: '--from' }));
    const badSw = await report('log-book', 'bad.csv', '--to', '31/12/2026');
    expect(badSw.stderr.trim()).toBe(sw('registers.cli.bad-date', { date: '31/12/2026', option: '--to' }));
    const backwards = await report('handovers', 'back.csv', '--from', '2026-06-01', '--to', '2026-01-01', '--lang', 'en');
    expect(backwards.code).toBe(1);
    expect(backwards.stderr.trim()).toBe(en('registers.cli.period', { from: '2026-06-01', to: '2026-01-01' }));
    const backwardsSw = await report('handovers', 'back.csv', '--from', '2026-06-01', '--to', '2026-01-01');
    expect(backwardsSw.stderr.trim()).toBe(sw('registers.cli.period', { from: '2026-06-01', to: '2026-01-01' }));
    for (const outcome of [bad, badSw, backwards, backwardsSw]) noStack(outcome);
    expect(existsSync(join(scratch, 'bad.csv')) || existsSync(join(scratch, 'back.csv'))).toBe(false);
  });

  it('leaves a file already at --out alone unless --force says replace it', async () => {
    const out = join(scratch, 'kept.pdf');
    writeFileSync(out, 'a report somebody signed');
    const refused = await report('personal-devices', 'kept.pdf', '--format', 'pdf', '--lang', 'en');
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(en('errors.file-exists', { file: out }));
    const refusedSw = await report('personal-devices', 'kept.pdf', '--format', 'pdf');
    expect(refusedSw.stderr.trim()).toBe(sw('errors.file-exists', { file: out }));
    noStack(refusedSw);
    expect(readFileSync(out, 'utf8')).toBe('a report somebody signed');
    const replaced = await report('personal-devices', 'kept.pdf', '--format', 'pdf', '--force');
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('still answers to `daftari register --register NAME`, the same command under its older name', async () => {
    const out = join(scratch, 'watumishi.csv');
    const written = await daftari(['register', '--db', db, '--user', 'asha', '--register', 'disposal-batches', '--format', 'csv', '--out', out, '--lang', 'en']);
    expect(written.code, written.stderr).toBe(0);
    const rows = csvRows(out);
    expect(rows[0]?.[0]).toBe('Batch number');
    expect(rows.at(-1)?.[0]).toBe('Total');
    const unknown = await daftari(['register', '--db', db, '--user', 'asha', '--register', 'toys', '--out', join(scratch, 't.csv'), '--lang', 'en']);
    expect(unknown.stderr.trim()).toBe(en('registers.cli.unknown', { name: 'toys', names: REGISTER_KEYS.join(', ') }));
  });

  it('shows the report command in the help, in both languages', async () => {
    const help = await daftari(['--help', '--lang', 'en']);
    expect(help.stdout).toContain('daftari report NAME --db FILE --user USERNAME --format pdf|xlsx|csv --out FILE');
    expect(help.stdout).toContain('daftari report --list');
    expect(help.stdout).toContain(en('cli.help.reports'));
    const msaada = await daftari(['--help']);
    expect(msaada.stdout).toContain(sw('cli.help.reports'));
  });
});
