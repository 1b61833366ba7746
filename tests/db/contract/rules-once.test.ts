// Issue 8, "Core rules are copied into the renderer": each rule the core and the window share is written
// once, in a pure contract the window may import (db/contract/days.ts, db/<area>/contract.ts). This test
// reads the sources of db/ and renderer/ and fails when a copy of a rule appears beside its home.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

function sourcesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => join(folder, name).split('\\').join('/'));
}

const SOURCES = new Map([...sourcesUnder('db'), ...sourcesUnder('renderer')].map((path) => [path, readFileSync(join(ROOT, path), 'utf8')]));

/** Every file that defines `name` as a function, a constant or a method. */
function definitionsOf(name: string): string[] {
  const definition = new RegExp(String.raw`^\s*(?:export\s+)?(?:(?:async\s+)?function\s+${name}\b|(?:const|let)\s+${name}\b\s*[=:])`, 'm');
  return [...SOURCES].filter(([, text]) => definition.test(text)).map(([path]) => path);
}

/** Every file where `pattern` appears outside the rule's home. */
function copiesOf(pattern: RegExp, home: string): string[] {
  return [...SOURCES].filter(([path, text]) => path !== home && pattern.test(text)).map(([path]) => relative('.', path));
}

const HOMES: Record<string, string[]> = {
  'db/contract/days.ts': [
    'workingDay',
    'formatDay',
    'formatDate',
    'formatDateTime',
    'parseTypedDay',
    'isCalendarDay',
    'isCalendarDate',
    'daysBetween',
    'addDays',
    'addMonths',
    'financialYearStart',
    'monthStart',
  ],
  'db/maintenance/contract.ts': ['entryDowntime', 'closedDowntime', 'planAppliesTo', 'preventiveDueOn', 'partCost', 'partsCost', 'MAX_FILE_BYTES'],
  'db/assets/contract.ts': ['formatTag', 'describeMedium', 'deviceSince', 'underWarranty', 'holdsRecords'],
  // The window's "today" reads the PC's clock; the rule it applies is workingDay.
  'renderer/components/assets/days.ts': ['todayInDar'],
};

describe('each rule the core and the window share', () => {
  for (const [home, names] of Object.entries(HOMES)) {
    for (const name of names) {
      it(`${name} is written once, in ${home}`, () => {
        expect(definitionsOf(name)).toEqual([home]);
      });
    }
  }

  it('counts an entry’s downtime only through entryDowntime', () => {
    expect(copiesOf(/downtime_days\s*\?\?/, 'db/maintenance/contract.ts')).toEqual([]);
    expect(copiesOf(/daysBetween\([^)]*reported_on/, 'db/maintenance/contract.ts')).toEqual([]);
  });

  it('decides which plans apply to a device only through planAppliesTo', () => {
    // The join the due list used to make in SQL, and the filter the fault report made for itself.
    expect(copiesOf(/asset_id IS NULL AND \w+\.category\s*=/, 'db/maintenance/contract.ts')).toEqual([]);
    expect(copiesOf(/\.asset_id === \w+\.id \|\|/, 'db/maintenance/contract.ts')).toEqual([]);
    expect(copiesOf(/\.category === \w+\.category/, 'db/maintenance/contract.ts')).toEqual([]);
  });

  it('decides whether a device can hold records only through holdsRecords', () => {
    expect(copiesOf(/can_hold_records\s*\?\?/, 'db/assets/contract.ts')).toEqual([]);
  });

  it('decides whether a device is under warranty only through underWarranty', () => {
    expect(copiesOf(/warranty_end\s*>=/, 'db/assets/contract.ts')).toEqual([]);
  });

  it('does day arithmetic on typed dates only in db/contract/days.ts', () => {
    expect(copiesOf(/T00:00:00Z/, 'db/contract/days.ts')).toEqual([]);
  });

  it('costs parts and limits stored files only through the log book’s contract', () => {
    expect(copiesOf(/quantity \* \w*\.?unit_cost_tzs/, 'db/maintenance/contract.ts')).toEqual([]);
    expect(copiesOf(/megabytes: 15\b|=\s*15;|15 \* 1024 \* 1024/, 'db/maintenance/contract.ts').filter((path) => !path.startsWith('db/sync/'))).toEqual([]);
  });
});
