// A commit registers every row or none, and refuses files it must not take on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../db/import/contract.ts';
import { addUser, expectRefused, okValue, snapshotRows } from '../../helpers/core.ts';
import { csv, fileOf, openImportWorld, workbook, type ImportWorld } from '../../helpers/import-files.ts';

const HEADERS = ['Asset Tag', 'Category', 'Manufacturer', 'Model', 'Serial', 'Purchase Date', 'Cost'];
const rows = Array.from({ length: 30 }, (_, i) => [`HQ-${String(i + 1).padStart(3, '0')}`, 'Desktop', 'Dell', 'OptiPlex 7090', `OPX-${i}`, '2024-02-01', '1,850,000']);
const register = csv([HEADERS, ...rows]);

describe('an import commit', () => {
  let w: ImportWorld;
  beforeEach(async () => {
    w = await openImportWorld();
  });
  afterEach(() => w.core.close());

  it('refuses, writing nothing, when a device registered after the preview takes a tag of the file', async () => {
    const file = fileOf('register.csv', register);
    const preview = okValue(await w.call('import.preview', { file }));
    expect(preview.rows.invalid).toBe(0);
    // Someone registers a device by hand with the last row's tag while the officer reads the preview.
    okValue(await w.call('assets.register', { tag: 'HQ-030', category: 'laptop', make: 'HP', model: 'ProBook' }));
    const before = snapshotRows(w.core.services.store);
    const error = expectRefused(await w.call('import.commit', { file, mapping: preview.mapping }), 'import-has-errors');
    expect(error.params).toEqual({ count: 1, row: 31 });
    expect(snapshotRows(w.core.services.store)).toEqual(before);
  });

  it('leaves nothing behind when the last row fails after all the others were written', async () => {
    const store = w.core.services.store;
    const file = fileOf('register.csv', register);
    const { mapping } = okValue(await w.call('import.preview', { file }));
    // A failure no check foresees (a full disk, a crash in a trigger), on the very last row.
    store.sqlite.exec("CREATE TEMP TRIGGER fail_last BEFORE INSERT ON assets WHEN NEW.serial = 'OPX-29' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const before = snapshotRows(store);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expectRefused(await w.call('import.commit', { file, mapping }), 'internal-error');
      expect(quiet).toHaveBeenCalledWith(expect.stringContaining('import.commit'), expect.objectContaining({ message: 'disk full' }));
    } finally {
      quiet.mockRestore();
    }
    expect(snapshotRows(store)).toEqual(before);
    expect(w.assetCount()).toBe(0);
    store.sqlite.exec('DROP TRIGGER temp.fail_last');
    expect(okValue(await w.call('import.commit', { file, mapping }))).toMatchObject({ imported: 30 });
  });

  it('refuses a mapping that names a column the file does not have', async () => {
    const file = fileOf('register.csv', register);
    const error = expectRefused(await w.call('import.commit', { file, mapping: { category: 'Category', make: 'Brand', model: 'Model' } }), 'import-column-not-found');
    expect(error.params).toEqual({ column: 'Brand' });
  });

  it('is open to the ICT unit only', async () => {
    const file = fileOf('register.csv', register);
    const { token } = await addUser(w.t, w.token, 'mkaguzi', ['auditor'], 'Mkaguzi');
    expectRefused(await w.t.call(token, 'import.preview', { file }), 'forbidden');
    expectRefused(await w.t.call(token, 'import.commit', { file, mapping: {} }), 'forbidden');
  });
});

describe('an import file', () => {
  let w: ImportWorld;
  beforeEach(async () => {
    w = await openImportWorld();
  });
  afterEach(() => w.core.close());

  it('is refused above 10 MB', async () => {
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a');
    const error = expectRefused(await w.call('import.preview', { file: fileOf('big.csv', big) }), 'file-too-large');
    expect(error.params).toEqual({ megabytes: 10 });
  });

  it('is refused above 60,000 rows, and not a row is converted', async () => {
    const lines = ['Category,Make,Model', ...Array.from({ length: 60_001 }, () => 'UPS,APC,X')].join('\n');
    const error = expectRefused(await w.call('import.preview', { file: fileOf('many.csv', lines) }), 'import-too-many-rows');
    expect(error.params).toEqual({ rows: 60_001, limit: 60_000 });
  });

  it('is refused when it is not a spreadsheet at all', async () => {
    expectRefused(await w.call('import.preview', { file: fileOf('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])) }), 'import-unreadable');
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    expectRefused(await w.call('import.preview', { file: fileOf('broken.xlsx', broken) }), 'import-unreadable');
  });

  it('is read from the sheet the user chooses, and the sheet must exist', async () => {
    const book = await workbook([['Maelezo tu'], ['Tupu']], 'Maelezo', ['Vifaa']);
    const first = okValue(await w.call('import.preview', { file: fileOf('kitabu.xlsx', book) }));
    expect(first.sheets).toEqual(['Maelezo', 'Vifaa']);
    expect(first.sheet).toBe('Maelezo');
    const chosen = okValue(await w.call('import.preview', { file: fileOf('kitabu.xlsx', book), sheet: 'vifaa' }));
    expect(chosen.sheet).toBe('Vifaa');
    expect(chosen.headers).toEqual(['Tupu']);
    const error = expectRefused(await w.call('import.preview', { file: fileOf('kitabu.xlsx', book), sheet: 'Hakuna' }), 'import-sheet-not-found');
    expect(error.params).toEqual({ sheet: 'Hakuna' });
  });

  it('tells which required fields no column feeds', async () => {
    const preview = okValue(await w.call('import.preview', { file: fileOf('r.csv', csv([['Serial', 'Notes'], ['A1', 'x']])) }));
    expect(preview.unmapped_required).toEqual(['category', 'make', 'model']);
    expect(preview.invalid_rows[0]?.errors.map((e) => [e.field, e.message])).toEqual([
      ['category', 'validation.required'],
      ['make', 'validation.required'],
      ['model', 'validation.required'],
    ]);
  });
});
