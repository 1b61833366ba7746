// The import screen's own decisions: which files it sends, the mapping being edited against the one
// checked, when the import button opens, which mapping a corrected file keeps, and the error layout.
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS, type ImportMapping, MAX_IMPORT_BYTES, REQUIRED_IMPORT_FIELDS } from '../../db/import/contract.ts';
import {
  choiceGroups,
  choiceOf,
  choiceOption,
  CREATE,
  errorLines,
  FIELD_ORDER,
  fileProblem,
  importKindOf,
  isDuplicate,
  mappingToCarry,
  pageCount,
  pageOf,
  readiness,
  rowsToImport,
  sameMapping,
  sharedColumns,
  valueKey,
  withChoice,
  withColumn,
  type InvalidRow,
} from '../../renderer/screens/import/import-state.ts';

const SUGGESTED: ImportMapping = { category: 'Aina ya kifaa', make: 'Mtengenezaji', model: 'Modeli', serial: 'Namba ya utambulisho' };

describe('a chosen file', () => {
  it('is sent when it is an Excel workbook or a CSV file, whatever the case of its extension', () => {
    expect(importKindOf('Rejista ya Vifaa 2024.XLSX')).toBe('xlsx');
    expect(importKindOf('snipe-it-assets.csv')).toBe('csv');
    expect(fileProblem({ name: 'rejista.xlsx', size: 2048 })).toBeNull();
  });

  it('is refused before it travels when it is another kind, empty, or over 10 MB', () => {
    expect(importKindOf('rejista.xls')).toBeNull();
    expect(fileProblem({ name: 'rejista.xls', size: 2048 })).toEqual({ message: 'importUi.file.wrong-type' });
    expect(fileProblem({ name: 'rejista.pdf', size: 2048 })).toEqual({ message: 'importUi.file.wrong-type' });
    expect(fileProblem({ name: 'tupu.csv', size: 0 })).toEqual({ message: 'importUi.file.empty' });
    expect(fileProblem({ name: 'kubwa.xlsx', size: MAX_IMPORT_BYTES + 1 })).toEqual({ message: 'errors.file-too-large', params: { megabytes: 10 } });
  });
});

describe('the mapping being edited', () => {
  it('sets and clears the column of one field, leaving the mapping checked untouched', () => {
    const changed = withColumn(SUGGESTED, 'notes', 'Hali ya kifaa');
    expect(changed).toEqual({ ...SUGGESTED, notes: 'Hali ya kifaa' });
    expect(SUGGESTED).not.toHaveProperty('notes');
    const cleared = withColumn(changed, 'serial', null);
    expect(cleared).not.toHaveProperty('serial');
    expect(sameMapping(withColumn(cleared, 'serial', 'Namba ya utambulisho'), changed)).toBe(true);
  });

  it('compares field by field, whatever the order of keys', () => {
    expect(sameMapping({ make: 'A', model: 'B' }, { model: 'B', make: 'A' })).toBe(true);
    expect(sameMapping({ make: 'A' }, { make: 'A', model: 'B' })).toBe(false);
  });

  it('points out a column chosen for two particulars', () => {
    const shared = sharedColumns({ ...SUGGESTED, notes: 'Modeli' });
    expect(shared.get('model')).toEqual(['notes']);
    expect(shared.get('notes')).toEqual(['model']);
    expect(shared.has('make')).toBe(false);
  });

  it('lists every field once, the required ones first', () => {
    expect(FIELD_ORDER.slice(0, REQUIRED_IMPORT_FIELDS.length)).toEqual([...REQUIRED_IMPORT_FIELDS]);
    expect([...FIELD_ORDER].sort()).toEqual([...IMPORT_FIELDS].sort());
  });
});

describe('the import button', () => {
  const clean = { mapping: SUGGESTED, unmapped_required: [], rows: { total: 200, valid: 200, invalid: 0, skipped: 0 } };

  it('opens only on the checked mapping, with every row valid', () => {
    expect(readiness(clean, SUGGESTED)).toBe('ready');
  });

  it('stays shut while one row has an error', () => {
    expect(readiness({ ...clean, rows: { total: 200, valid: 197, invalid: 3, skipped: 0 } }, SUGGESTED)).toBe('has-errors');
  });

  it('stays shut when the mapping was changed after the check, until it is checked again', () => {
    expect(readiness(clean, withColumn(SUGGESTED, 'notes', 'Hali ya kifaa'))).toBe('mapping-changed');
  });

  it('stays shut when a required field has no column, or the sheet has no rows', () => {
    expect(readiness({ ...clean, unmapped_required: ['model'] }, SUGGESTED)).toBe('unmapped');
    expect(readiness({ ...clean, rows: { total: 0, valid: 0, invalid: 0, skipped: 0 } }, SUGGESTED)).toBe('no-rows');
  });
});

describe('leaving the rows in error out', () => {
  const withErrors = { mapping: SUGGESTED, unmapped_required: [], rows: { total: 250, valid: 245, invalid: 5, skipped: 3 } };

  it('opens the import for the rows without errors, and counts only those', () => {
    expect(readiness(withErrors, SUGGESTED, true)).toBe('ready');
    expect(rowsToImport(withErrors)).toBe(245);
  });

  it('never promises the rows in error, even before the user chooses to leave them out', () => {
    expect(readiness(withErrors, SUGGESTED, false)).toBe('has-errors');
    expect(rowsToImport(withErrors)).toBe(245);
    expect(rowsToImport({ rows: { total: 120, valid: 120, invalid: 0, skipped: 2 } })).toBe(120);
  });

  it('never opens it when every row is in error', () => {
    expect(readiness({ ...withErrors, rows: { total: 5, valid: 0, invalid: 5, skipped: 0 } }, SUGGESTED, true)).toBe('has-errors');
  });

  it('stays shut while a value that matched nothing still waits for the user', () => {
    const values = [{ choice: null }, { choice: { field: 'location' as const, value: 'Masjala', action: 'create' as const } }];
    expect(readiness({ ...withErrors, values }, SUGGESTED, true)).toBe('values-unresolved');
  });
});

describe('answers for values that matched nothing', () => {
  const value = {
    field: 'category' as const,
    value: 'Diski ya Nje',
    suggestions: [{ id: 'external_drive', label: 'Diski ngumu ya nje', score: 0.92 }],
  };
  const entries = {
    category: [
      { id: 'external_drive', label: 'Diski ngumu ya nje' },
      { id: 'laptop', label: 'Kompyuta mpakato' },
    ],
    location: [],
    department: [],
  };

  it('offers the close matches first, then every other entry, and "add" only to those who may add', () => {
    expect(choiceGroups(value, entries, false).map((g) => [g.group, g.items.map((i) => i.value)])).toEqual([
      ['suggested', ['external_drive']],
      ['all', ['laptop']],
    ]);
    expect(choiceGroups(value, entries, true)[0]).toEqual({ group: 'create', items: [{ value: CREATE, label: 'Diski ya Nje' }] });
    // People are many: their close matches only, and a new person may always be added.
    const person = { field: 'custodian' as const, value: 'Bw. Juma', suggestions: [] };
    expect(choiceGroups(person, entries, false).map((g) => g.group)).toEqual(['create']);
  });

  it('keeps one answer per value, the latest, whatever the case it is written in', () => {
    const first = choiceOf(value, CREATE);
    const second = choiceOf({ ...value, value: 'DISKI YA NJE' }, 'external_drive');
    expect(withChoice(withChoice([], first), second)).toEqual([{ field: 'category', value: 'DISKI YA NJE', action: 'map', id: 'external_drive' }]);
    expect(valueKey({ field: 'location', value: 'Diski ya Nje' })).not.toBe(valueKey(value));
    expect(choiceOption({ choice: second })).toBe('external_drive');
    expect(choiceOption({ choice: first })).toBe(CREATE);
    expect(choiceOption({ choice: null })).toBeNull();
  });
});

describe('a corrected file chosen again', () => {
  it('keeps the mapping the user chose, checked or not', () => {
    const given = withColumn(SUGGESTED, 'notes', 'Hali ya kifaa');
    expect(mappingToCarry({ mapping: given, mapping_source: 'given' }, given)).toEqual(given);
    expect(mappingToCarry({ mapping: SUGGESTED, mapping_source: 'suggested' }, given)).toEqual(given);
  });

  it('leaves an untouched suggestion or remembered mapping for the core to choose afresh', () => {
    expect(mappingToCarry({ mapping: SUGGESTED, mapping_source: 'suggested' }, SUGGESTED)).toBeUndefined();
    expect(mappingToCarry({ mapping: SUGGESTED, mapping_source: 'remembered' }, SUGGESTED)).toBeUndefined();
    expect(mappingToCarry(null, {})).toBeUndefined();
  });
});

describe('the errors of the dry run', () => {
  const rows: InvalidRow[] = [
    { row: 21, errors: [{ field: 'category', column: 'Aina ya kifaa', cell: 'B21', value: 'Mashine ya kahawa', message: 'errors.category-not-found', params: { value: 'Mashine ya kahawa' } }] },
    {
      row: 92,
      errors: [
        { field: 'purchase_date', column: 'Tarehe ya kununua', cell: 'F92', value: '31/02/2023', message: 'validation.date', params: { value: '31/02/2023' } },
        { field: 'serial', column: 'Namba ya utambulisho', cell: 'E92', value: 'CN-0F6T2M-0007', message: 'import.errors.duplicate-serial', params: { serial: 'CN-0F6T2M-0007', row: 10 } },
      ],
    },
  ];

  it('lays out one line per error, the row number spanning its lines', () => {
    expect(errorLines(rows).map((line) => [line.row, line.span, line.error.field])).toEqual([
      [21, 1, 'category'],
      [92, 2, 'purchase_date'],
      [92, 0, 'serial'],
    ]);
  });

  it('flags repeats in the file and serials or tags the register already holds', () => {
    expect(isDuplicate({ message: 'import.errors.duplicate-serial' })).toBe(true);
    expect(isDuplicate({ message: 'import.errors.duplicate-tag' })).toBe(true);
    expect(isDuplicate({ message: 'errors.serial-taken' })).toBe(true);
    expect(isDuplicate({ message: 'errors.tag-taken' })).toBe(true);
    expect(isDuplicate({ message: 'validation.date' })).toBe(false);
  });

  it('pages the rows so that every one stays reachable', () => {
    const many = Array.from({ length: 60 }, (_, i) => i + 1);
    expect(pageCount(many.length, 25)).toBe(3);
    expect(pageOf(many, 3, 25)).toEqual([51, 52, 53, 54, 55, 56, 57, 58, 59, 60]);
    expect([1, 2, 3].flatMap((page) => pageOf(many, page, 25))).toEqual(many);
    expect(pageCount(0, 25)).toBe(1);
  });
});
