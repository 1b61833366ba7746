// The removable media register (3.6.7–3.6.10) as a spreadsheet: one row per flash disk or external
// drive, by tag, with who holds it and for what, where it is kept, its last return and wipe, and an
// open loss.
import type { z } from 'zod';
import { defineRegister, term, yesNo, type Column } from '../registers/register.ts';
import { statement } from '../store/open.ts';
import type { MediaRegisterFilters } from './contract.ts';
import { listMedia, type MediumItem } from './queries.ts';

type Filters = z.output<typeof MediaRegisterFilters>;

export interface MediaRegisterRow extends MediumItem {
  issues_count: number;
  wipes_count: number;
  lost_on: string;
}

const header = (key: string) => `media_ui.register.columns.${key}`;
const columns: Column<MediaRegisterRow>[] = [
  { key: 'tag', header: header('tag'), kind: 'text', value: (r) => r.tag },
  { key: 'category', header: header('category'), kind: 'text', value: (r, w) => term(w, 'categories', r.category) },
  { key: 'make', header: header('make'), kind: 'text', value: (r) => r.make },
  { key: 'model', header: header('model'), kind: 'text', value: (r) => r.model },
  { key: 'serial', header: header('serial'), kind: 'text', value: (r) => r.serial },
  { key: 'status', header: header('status'), kind: 'text', value: (r, w) => term(w, 'statuses', r.status) },
  { key: 'holder', header: header('holder'), kind: 'text', value: (r) => r.holder_name ?? '' },
  { key: 'purpose', header: header('purpose'), kind: 'text', value: (r) => r.open_issue_purpose ?? '' },
  { key: 'issued_on', header: header('issued-on'), kind: 'day', value: (r) => r.open_issued_on ?? '' },
  { key: 'location', header: header('location'), kind: 'text', value: (r) => r.location_name ?? '' },
  { key: 'issues', header: header('issues'), kind: 'number', value: (r) => r.issues_count },
  { key: 'last_returned_on', header: header('last-returned-on'), kind: 'day', value: (r) => r.last_returned_on ?? '' },
  { key: 'wipes', header: header('wipes'), kind: 'number', value: (r) => r.wipes_count },
  { key: 'last_wiped_on', header: header('last-wiped-on'), kind: 'day', value: (r) => r.last_wiped_on ?? '' },
  { key: 'wipe_due', header: header('wipe-due'), kind: 'text', value: (r, w) => yesNo(w, r.wipe_due) },
  { key: 'lost_on', header: header('lost-on'), kind: 'day', value: (r) => r.lost_on },
];

export const mediaRegister = defineRegister<MediaRegisterRow, Filters>({
  key: 'media',
  title: 'media_ui.register.title',
  sheet: 'media_ui.register.sheet',
  file: 'media_ui.register.file',
  columns,
  printed: ['tag', 'category', 'make', 'model', 'serial', 'status', 'holder', 'purpose', 'issued_on', 'location', 'last_wiped_on', 'wipe_due', 'lost_on'],
  // An institution keeps tens or hundreds of media, not thousands: the list is read whole.
  rows: ({ store }, filters) => {
    const issues = statement(store, 'SELECT count(*) AS n FROM media_issues WHERE asset_id = ?');
    const wipes = statement(store, 'SELECT count(*) AS n FROM media_wipes WHERE asset_id = ?');
    const lost = statement(store, 'SELECT reported_on FROM media_incidents WHERE id = ?');
    return listMedia(store, { list: filters.list, search: '' }).map((medium) => ({
      ...medium,
      issues_count: (issues.get(medium.id) as { n: number }).n,
      wipes_count: (wipes.get(medium.id) as { n: number }).n,
      lost_on: medium.lost_report_id ? ((lost.get(medium.lost_report_id) as { reported_on: string } | undefined)?.reported_on ?? '') : '',
    }));
  },
  count: ({ store }, filters) => listMedia(store, { list: filters.list, search: '' }).length,
  describe: (filters, words) => (filters.list === 'all' ? [] : [words.t('registers.media.filters.list', { list: term(words, 'media_ui.lists', filters.list) })]),
});
