// The static list of migrations, in order. Numbered with gaps; a shipped migration is never edited.
import type { Migration } from 'kysely/migration';
import * as m0010 from './0010-journal.ts';
import * as m0020 from './0020-accounts.ts';
import * as m0030 from './0030-people-places.ts';
import * as m0040 from './0040-assets.ts';
import * as m0050 from './0050-maintenance.ts';
import * as m0060 from './0060-import.ts';
import * as m0070 from './0070-sync.ts';
import * as m0080 from './0080-log-book-close.ts';
import * as m0090 from './0090-held-events.ts';
import * as m0100 from './0100-device-search-prefixes.ts';
import * as m0105 from './0105-device-custody.ts';

export const migrations: Record<string, Migration> = {
  '0010-journal': m0010,
  '0020-accounts': m0020,
  '0030-people-places': m0030,
  '0040-assets': m0040,
  '0050-maintenance': m0050,
  '0060-import': m0060,
  '0070-sync': m0070,
  '0080-log-book-close': m0080,
  '0090-held-events': m0090,
  '0100-device-search-prefixes': m0100,
  '0105-device-custody': m0105,
};

export const migrationNames = Object.keys(migrations).sort();
export const latestMigration = migrationNames[migrationNames.length - 1] as string;
