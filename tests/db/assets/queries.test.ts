// Finding devices in the register: search as you type, every filter, the sorts, and keyset paging.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssetListItem, AssetView } from '../../../db/assets/queries.ts';
import { expectRefused, okValue } from '../../helpers/core.ts';
import { openOffice, registerLaptop, type Office } from '../../helpers/office.ts';

interface Page {
  items: AssetListItem[];
  next: string | null;
  total: number | null;
}

async function list(o: Office, input: Record<string, unknown>): Promise<Page> {
  return okValue(await o.call(o.officer.token, 'assets.list', input));
}
const tags = (page: Page) => page.items.map((i) => i.tag);

describe('finding devices in the register', () => {
  let o: Office;
  let dell: AssetView;
  let hp: AssetView;
  let lenovo: AssetView;
  let canon: AssetView;
  beforeEach(async () => {
    o = await openOffice();
    dell = await registerLaptop(o);
    o.clock.advance(1000);
    hp = await registerLaptop(o, {
      category: 'desktop',
      make: 'HP',
      model: 'ProDesk 400',
      serial: 'CZC1234ABC',
      custodian_id: o.people.hamisi,
      location_id: o.locations.store,
      department_id: o.departments.ict,
      classification: 'secret',
      media: [],
    });
    o.clock.advance(1000);
    lenovo = await registerLaptop(o, {
      make: 'Lenovo',
      model: 'ThinkPad T14',
      serial: 'PF3ABC12',
      custodian_id: null,
      location_id: o.locations.store,
      department_id: null,
      classification: 'confidential',
      media: [],
    });
    o.clock.advance(1000);
    canon = await registerLaptop(o, {
      category: 'printer',
      make: 'Canon',
      model: 'i-SENSYS LBP226',
      serial: 'CN-LBP-7781',
      custodian_id: o.people.zuhura,
      location_id: null,
      department_id: o.departments.finance,
      classification: 'public',
      media: [],
    });
  });
  afterEach(() => o.core.close());

  describe('search as you type', () => {
    const search = async (text: string) => tags(await list(o, { search: text }));

    it('finds a device by the first letters of its make or model', async () => {
      expect(await search('del')).toEqual([dell.tag]);
      expect(await search('lati')).toEqual([dell.tag]);
      expect(await search('think')).toEqual([lenovo.tag]);
      expect(await search('prodesk 4')).toEqual([hp.tag]);
    });

    it('finds a device by the first letters of its serial or its tag', async () => {
      expect(await search('czc12')).toEqual([hp.tag]);
      expect(await search('DL5440-7')).toEqual([dell.tag]);
      expect(await search('MAJI/ICT/2026/00003')).toEqual([lenovo.tag]);
      expect(await search('00004')).toEqual([canon.tag]);
      expect(await search('maji/ict')).toEqual([dell.tag, hp.tag, lenovo.tag, canon.tag]);
    });

    it("finds a device by its custodian's name or its location's name", async () => {
      expect(await search('zuh')).toEqual([dell.tag, canon.tag]);
      expect(await search('hamisi')).toEqual([hp.tag]);
      expect(await search('stoo')).toEqual([hp.tag, lenovo.tag]);
      expect(await search('maji house')).toEqual([dell.tag]);
    });

    it('needs every word to match', async () => {
      expect(await search('zuhura canon')).toEqual([canon.tag]);
      expect(await search('dell canon')).toEqual([]);
    });

    it('counts what it found', async () => {
      expect((await list(o, { search: 'stoo' })).total).toBe(2);
      expect((await list(o, { search: 'nothing-like-this' })).total).toBe(0);
    });

    it("finds the device by the custodian's new name once the person is renamed", async () => {
      okValue(await o.call(o.officer.token, 'people.update', { person_id: o.people.zuhura, full_name: 'Zuhura Omari', check_number: '100230', department_id: o.departments.finance }));
      expect(await search('omari')).toEqual([dell.tag, canon.tag]);
      expect(await search('said')).toEqual([]);
      expect((await list(o, { search: 'omari' })).items[0]?.custodian_name).toBe('Zuhura Omari');
    });

    it("finds the device by the location's new name once the place is renamed", async () => {
      okValue(await o.call(o.officer.token, 'locations.update', { location_id: o.locations.store, name: 'Ghala Kuu', building: 'Jengo B', active: true }));
      expect(await search('ghala')).toEqual([hp.tag, lenovo.tag]);
      expect(await search('stoo')).toEqual([]);
    });

    it('finds the device under its new custodian once it is handed over', async () => {
      okValue(await o.call(o.officer.token, 'assets.update', { asset_id: lenovo.id, tag: lenovo.tag, category: 'laptop', make: 'Lenovo', model: 'ThinkPad T14', custodian_id: o.people.rehema }));
      expect(await search('rehema')).toEqual([lenovo.tag]);
    });
  });

  describe('filters', () => {
    it('keeps to one category', async () => {
      expect(tags(await list(o, { category: 'laptop' }))).toEqual([dell.tag, lenovo.tag]);
      expect(tags(await list(o, { category: 'printer' }))).toEqual([canon.tag]);
    });

    it('keeps to one status', async () => {
      okValue(await o.call(o.officer.token, 'maintenance.report', { asset_id: hp.id, reported_on: '2026-11-22', reported_by: 'Hamisi Juma', symptoms: 'Haiwaki' }));
      expect(tags(await list(o, { status: 'under_repair' }))).toEqual([hp.tag]);
      expect(tags(await list(o, { status: 'in_service' }))).toEqual([dell.tag, canon.tag]);
      expect(tags(await list(o, { status: 'in_store' }))).toEqual([lenovo.tag]);
    });

    it('keeps to one department, location or custodian', async () => {
      expect(tags(await list(o, { department_id: o.departments.finance }))).toEqual([dell.tag, canon.tag]);
      expect(tags(await list(o, { location_id: o.locations.store }))).toEqual([hp.tag, lenovo.tag]);
      expect(tags(await list(o, { custodian_id: o.people.zuhura }))).toEqual([dell.tag, canon.tag]);
    });

    it('keeps to one classification', async () => {
      expect(tags(await list(o, { classification: 'secret' }))).toEqual([hp.tag]);
      expect(tags(await list(o, { classification: 'internal' }))).toEqual([dell.tag]);
    });

    it('combines filters with a search, and counts the result', async () => {
      const page = await list(o, { category: 'laptop', location_id: o.locations.store, search: 'len' });
      expect(tags(page)).toEqual([lenovo.tag]);
      expect(page.total).toBe(1);
      expect(page.items[0]).toMatchObject({ custodian_name: null, location_name: 'Stoo ya TEHAMA', department_name: null, can_hold_records: true, status: 'in_store' });
    });
  });

  describe('sorting', () => {
    it('sorts by tag either way', async () => {
      expect(tags(await list(o, {}))).toEqual([dell.tag, hp.tag, lenovo.tag, canon.tag]);
      expect(tags(await list(o, { sort: 'tag_desc' }))).toEqual([canon.tag, lenovo.tag, hp.tag, dell.tag]);
    });

    it('puts the most recently changed device first', async () => {
      o.clock.advance(60_000);
      okValue(await o.call(o.officer.token, 'assets.update', { asset_id: hp.id, tag: hp.tag, category: 'desktop', make: 'HP', model: 'ProDesk 600' }));
      expect(tags(await list(o, { sort: 'updated_desc' }))).toEqual([hp.tag, canon.tag, lenovo.tag, dell.tag]);
    });
  });

  it('refuses a cursor it did not make', async () => {
    expectRefused(await o.call(o.officer.token, 'assets.list', { after: 'not-a-cursor' }), 'bad-cursor');
  });
});

describe('paging through 250 devices', () => {
  let o: Office;
  beforeEach(async () => {
    o = await openOffice();
    for (let i = 1; i <= 250; i += 1) {
      // Several devices share each second, and some tags are typed by hand in either case.
      if (i % 7 === 0) o.clock.advance(1000);
      const tag = i % 10 === 0 ? (i % 20 === 0 ? `lap-${i}` : `LAP-${i}`) : '';
      await registerLaptop(o, { tag, serial: `SN-${i}`, media: [], custodian_id: i % 3 === 0 ? null : o.people.hamisi });
    }
    // Some devices are changed later, so the most recently changed order differs from the tag order.
    const ids = (o.core.services.store.sqlite.prepare('SELECT id, tag FROM assets ORDER BY tag DESC LIMIT 30').all() as { id: string; tag: string }[]).filter((_, n) => n % 3 === 0);
    for (const { id, tag } of ids) {
      o.clock.advance(500);
      okValue(await o.call(o.officer.token, 'assets.update', { asset_id: id, tag, category: 'laptop', make: 'Dell', model: 'Latitude 7440' }));
    }
  }, 120_000);
  afterEach(() => o.core.close());

  function expectedOrder(sort: string): string[] {
    const rows = o.core.services.store.sqlite.prepare('SELECT id, tag, updated_at FROM assets').all() as { id: string; tag: string; updated_at: string }[];
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const byTag = (a: (typeof rows)[number], b: (typeof rows)[number]) => cmp(a.tag.toLowerCase(), b.tag.toLowerCase()) || cmp(a.id, b.id);
    if (sort === 'tag_asc') return rows.sort(byTag).map((r) => r.id);
    if (sort === 'tag_desc') return rows.sort((a, b) => byTag(b, a)).map((r) => r.id);
    return rows.sort((a, b) => cmp(b.updated_at, a.updated_at) || cmp(b.id, a.id)).map((r) => r.id);
  }

  for (const sort of ['tag_asc', 'tag_desc', 'updated_desc'] as const) {
    it(`returns every device exactly once, in order, sorted ${sort}`, async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: Page = await list(o, { sort, limit: 37, after });
        // The first page counts; later pages leave the count to it.
        expect(page.total).toBe(after === null ? 250 : null);
        expect(page.items.length).toBeLessThanOrEqual(37);
        seen.push(...page.items.map((i) => i.id));
        after = page.next;
        pages += 1;
      } while (after !== null && pages < 20);
      expect(pages).toBe(7);
      expect(new Set(seen).size).toBe(250);
      expect(seen).toEqual(expectedOrder(sort));
    });
  }

  // 50,000 devices make reading every earlier row per page slow (tests/bench); the plan shows it, not a timing.
  for (const sort of ['tag_asc', 'tag_desc', 'updated_desc'] as const) {
    it(`reaches a page deep in the register by seeking its index, not by reading every row before it (${sort})`, async () => {
      const store = o.core.services.store;
      const first = await list(o, { sort, limit: 37 });
      await list(o, { sort, limit: 37, after: first.next });
      // The statement listAssets prepared for a page after a cursor: the one comparing (key, id) with (?, ?).
      const paged = [...store.statements.keys()].filter((text) => /, assets\.id\) [<>] \(/.test(text) && !/count\(/i.test(text));
      expect(paged).toHaveLength(1);
      const text = paged[0] as string;
      const params = Array.from({ length: (text.match(/\?/g) ?? []).length }, (_, n) => (n === 0 ? 'MAJI/ICT/2026/00100' : n === 1 ? 'x' : 37));
      const plan = (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      const index = sort === 'updated_desc' ? 'assets_updated' : 'assets_tag';
      const reading = plan.find((detail) => /^(SCAN|SEARCH) assets\b/.test(detail));
      expect(reading).toMatch(new RegExp(`^SEARCH assets USING INDEX ${index} \\(`));
    });
  }

  it('pages through a filtered list too', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Page = await list(o, { status: 'in_store', limit: 10, after });
      seen.push(...page.items.map((i) => i.id));
      after = page.next;
    } while (after !== null);
    const inStore = (o.core.services.store.sqlite.prepare("SELECT id FROM assets WHERE status = 'in_store'").all() as { id: string }[]).map((r) => r.id);
    // A third were registered without a custodian; the corrections above left theirs out too.
    expect(inStore.length).toBeGreaterThanOrEqual(83);
    expect(seen).toHaveLength(inStore.length);
    expect(new Set(seen)).toEqual(new Set(inStore));
  });
});
