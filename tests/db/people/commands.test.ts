// The register of people: registering, finding as you type, paging, and the rules a command enforces.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RouteInput } from '../../../db/contract/routes.ts';
import { seededRandom } from '../../../db/core/clock.ts';
import {
  addUser,
  expectRefused,
  okValue,
  openTestCore,
  present,
  setUp,
  snapshotRows,
  type TestCore,
  type TestUser,
} from '../../helpers/core.ts';

interface PersonView {
  id: string;
  full_name: string;
  check_number: string;
  department_id: string | null;
  department_name: string | null;
  institution: string;
  active: boolean;
}

interface Page {
  items: PersonView[];
  next: string | null;
  total: number;
}

describe('the register of people', () => {
  let t: TestCore;
  let admin: { token: string; id: string };
  let officer: TestUser;
  beforeEach(async () => {
    t = await openTestCore();
    admin = await setUp(t);
    officer = await addUser(t, admin.token, 'juma', ['ict_officer'], 'Juma Ally');
  });
  afterEach(() => t.core.close());

  async function register(fields: RouteInput<'people.register'>): Promise<PersonView> {
    return okValue(await t.call(officer.token, 'people.register', fields));
  }

  async function list(input: Record<string, unknown>): Promise<Page> {
    return okValue(await t.call(officer.token, 'people.list', input));
  }

  it('registers a person working here, naming the institution for them', async () => {
    const department = okValue(await t.call(officer.token, 'departments.create', { name: 'Uhasibu', code: 'UH' }));
    const person = await register({ full_name: '  Zuhura Said ', check_number: '100234', department_id: department.id });
    expect(person).toMatchObject({
      full_name: 'Zuhura Said',
      check_number: '100234',
      department_id: department.id,
      department_name: 'Uhasibu',
      institution: 'Wizara ya Fedha',
      active: true,
    });
    expect(okValue(await t.call(officer.token, 'people.get', { person_id: person.id }))).toEqual(person);
  });

  it('keeps the institution of a person from elsewhere', async () => {
    expect(await register({ full_name: 'Rehema Mollel', institution: 'Ofisi ya Rais' })).toMatchObject({ institution: 'Ofisi ya Rais' });
  });

  describe('search as you type', () => {
    beforeEach(async () => {
      await register({ full_name: 'Asha Mrisho', check_number: '100234', email: 'asha.mrisho@wf.go.tz' });
      await register({ full_name: 'Ashura Kombo', check_number: '100991', title: 'Mhasibu' });
      await register({ full_name: 'Juma Ally', check_number: '200234', phone: '+255 754 123 456' });
      await register({ full_name: 'Zuhura Saïd', check_number: 'TZ/55-01' });
    });

    const names = (page: Page) => page.items.map((p) => p.full_name);

    it('finds people by the first letters of any part of their name', async () => {
      expect(names(await list({ search: 'as' }))).toEqual(['Asha Mrisho', 'Ashura Kombo']);
      expect(names(await list({ search: 'mri' }))).toEqual(['Asha Mrisho']);
      expect(names(await list({ search: 'kom' }))).toEqual(['Ashura Kombo']);
      expect((await list({ search: 'as' })).total).toBe(2);
    });

    it('finds people by the first digits of their check number', async () => {
      expect(names(await list({ search: '1002' }))).toEqual(['Asha Mrisho']);
      expect(names(await list({ search: '100' }))).toEqual(['Asha Mrisho', 'Ashura Kombo']);
      expect(names(await list({ search: 'TZ/55' }))).toEqual(['Zuhura Saïd']);
    });

    it('needs every word typed to match', async () => {
      expect(names(await list({ search: 'asha mri' }))).toEqual(['Asha Mrisho']);
      expect(names(await list({ search: 'asha kombo' }))).toEqual([]);
    });

    it('ignores case and accents', async () => {
      expect(names(await list({ search: 'ZUH' }))).toEqual(['Zuhura Saïd']);
      expect(names(await list({ search: 'said' }))).toEqual(['Zuhura Saïd']);
    });

    it('finds people by title, phone and e-mail too', async () => {
      expect(names(await list({ search: 'mhasi' }))).toEqual(['Ashura Kombo']);
      expect(names(await list({ search: '754' }))).toEqual(['Juma Ally']);
      expect(names(await list({ search: 'asha.mrisho' }))).toEqual(['Asha Mrisho']);
    });

    it('treats search syntax as plain text', async () => {
      for (const search of ['"', 'as*', 'NEAR(as', 'as OR ju', '(', '^as', 'col:as', '{as}']) {
        const result = await t.call(officer.token, 'people.list', { search });
        expect([search, result.ok]).toEqual([search, true]);
      }
      expect(names(await list({ search: '"asha"' }))).toEqual(['Asha Mrisho']);
    });

    it('lists everyone when nothing is typed', async () => {
      expect((await list({ search: '   ' })).total).toBe(4);
    });

    it('follows a change of name', async () => {
      const [asha] = (await list({ search: 'asha' })).items;
      okValue(await t.call(officer.token, 'people.update', { person_id: present(asha, 'Asha').id, full_name: 'Amina Mrisho', check_number: '100234' }));
      expect(names(await list({ search: 'asha' }))).toEqual([]);
      expect(names(await list({ search: 'amin' }))).toEqual(['Amina Mrisho']);
    });
  });

  it('pages through everyone exactly once, in name order', async () => {
    const random = seededRandom(3);
    const first = ['Asha', 'asha', 'Baraka', 'Neema', 'neema', 'Zuhura', 'Ally', 'Hamisi', 'Grace'];
    const ids: string[] = [];
    for (let i = 0; i < 37; i += 1) {
      const name = `${first[Math.floor(random() * first.length)]} ${['Said', 'Mollel', 'Juma'][i % 3]}`;
      ids.push((await register({ full_name: name })).id);
    }
    const seen: PersonView[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list({ limit: 5, after });
      expect(page.total).toBe(37);
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items);
      after = page.next;
      pages += 1;
    } while (after !== null && pages < 20);
    expect(pages).toBe(8);
    expect(seen.map((p) => p.id).sort()).toEqual([...ids].sort());
    expect(new Set(seen.map((p) => p.id)).size).toBe(37);
    const expected = [...seen].sort((a, b) => {
      // SQLite's NOCASE: ASCII letters folded, then byte order; ties by id.
      const [x, y] = [a.full_name.toLowerCase(), b.full_name.toLowerCase()];
      if (x !== y) return x < y ? -1 : 1;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
    expect(seen.map((p) => p.id)).toEqual(expected.map((p) => p.id));
  });

  it('ends the last page without a cursor', async () => {
    await register({ full_name: 'Asha Mrisho' });
    await register({ full_name: 'Juma Ally' });
    expect((await list({ limit: 2 })).next).toBeNull();
    const first = await list({ limit: 1 });
    expect(first.next).not.toBeNull();
    const second = await list({ limit: 1, after: first.next });
    expect(second.items.map((p) => p.full_name)).toEqual(['Juma Ally']);
    expect(second.next).toBeNull();
  });

  it('refuses a cursor it did not give', async () => {
    expectRefused(await t.call(officer.token, 'people.list', { after: 'not-a-cursor' }), 'bad-cursor');
    expectRefused(await t.call(officer.token, 'people.list', { after: Buffer.from('[1,2]').toString('base64url') }), 'bad-cursor');
  });

  it('refuses a check number already registered to someone else, naming them', async () => {
    await register({ full_name: 'Asha Mrisho', check_number: '100234' });
    const before = snapshotRows(t.core.services.store);
    const error = expectRefused(await t.call(officer.token, 'people.register', { full_name: 'Mtu Mwingine', check_number: '100234' }), 'check-number-taken');
    expect(error.params).toEqual({ name: 'Asha Mrisho' });
    expect(error.fields).toEqual({ check_number: 'errors.check-number-taken' });
    expect(snapshotRows(t.core.services.store)).toEqual(before);
  });

  it('lets a person keep their own check number when their details change', async () => {
    const asha = await register({ full_name: 'Asha Mrisho', check_number: '100234' });
    const other = await register({ full_name: 'Juma Ally', check_number: '100235' });
    okValue(await t.call(officer.token, 'people.update', { person_id: asha.id, full_name: 'Asha J. Mrisho', check_number: '100234' }));
    expectRefused(await t.call(officer.token, 'people.update', { person_id: other.id, full_name: 'Juma Ally', check_number: '100234' }), 'check-number-taken');
  });

  it('allows many people without a check number', async () => {
    await register({ full_name: 'Mgeni Mmoja' });
    await register({ full_name: 'Mgeni Wawili' });
    expect((await list({})).total).toBe(2);
  });

  it('refuses a department that does not exist', async () => {
    const before = snapshotRows(t.core.services.store);
    const error = expectRefused(await t.call(officer.token, 'people.register', { full_name: 'Asha Mrisho', department_id: 'no-such' }), 'department-not-found');
    expect(error.fields).toEqual({ department_id: 'errors.department-not-found' });
    expect(snapshotRows(t.core.services.store)).toEqual(before);
  });

  it('refuses to change a person who is not in the register', async () => {
    expectRefused(await t.call(officer.token, 'people.update', { person_id: 'nobody', full_name: 'X' }), 'person-not-found');
    expectRefused(await t.call(officer.token, 'people.deactivate', { person_id: 'nobody' }), 'person-not-found');
    expectRefused(await t.call(officer.token, 'people.get', { person_id: 'nobody' }), 'person-not-found');
  });

  it('deactivates a person who left and reactivates one who returned', async () => {
    const asha = await register({ full_name: 'Asha Mrisho' });
    await register({ full_name: 'Juma Ally' });
    expect(okValue(await t.call(officer.token, 'people.deactivate', { person_id: asha.id }))).toMatchObject({ active: false });
    expect((await list({})).items.map((p) => p.full_name)).toEqual(['Juma Ally']);
    expect((await list({ status: 'inactive' })).items.map((p) => p.full_name)).toEqual(['Asha Mrisho']);
    expect((await list({ status: 'all' })).total).toBe(2);
    expectRefused(await t.call(officer.token, 'people.deactivate', { person_id: asha.id }), 'already-deactivated');
    expect(okValue(await t.call(officer.token, 'people.reactivate', { person_id: asha.id }))).toMatchObject({ active: true });
    expectRefused(await t.call(officer.token, 'people.reactivate', { person_id: asha.id }), 'already-active');
    expect((await list({})).total).toBe(2);
  });

  it('lets every signed-in user read the register but only registrars change it', async () => {
    const accountant = await addUser(t, admin.token, 'baraka', ['accounting_officer']);
    const asha = await register({ full_name: 'Asha Mrisho' });
    expect((await t.call(accountant.token, 'people.list', {})).ok).toBe(true);
    expectRefused(await t.call(accountant.token, 'people.register', { full_name: 'X' }), 'forbidden');
    expectRefused(await t.call(accountant.token, 'people.deactivate', { person_id: asha.id }), 'forbidden');
  });

  it("lists a person's history newest first, each event with who did it", async () => {
    const registrar = await addUser(t, admin.token, 'neema', ['records_officer'], 'Neema Kweka');
    const asha = await register({ full_name: 'Asha Mrisho' });
    t.clock.advance(60_000);
    okValue(await t.call(registrar.token, 'people.update', { person_id: asha.id, full_name: 'Asha J. Mrisho' }));
    t.clock.advance(60_000);
    okValue(await t.call(admin.token, 'people.deactivate', { person_id: asha.id }));
    const history = okValue(
      await t.call(officer.token, 'history.entity', { entity: asha.id }),
    );
    expect(history.map((e) => [e.type, e.actor_name, e.actor])).toEqual([
      ['people.deactivated', 'Asha Mrisho', admin.id],
      ['people.updated', 'Neema Kweka', registrar.id],
      ['people.registered', 'Juma Ally', officer.id],
    ]);
    expect(history.map((e) => e.at)).toEqual(['2025-03-03T08:02:00.000Z', '2025-03-03T08:01:00.000Z', '2025-03-03T08:00:00.000Z']);
    expect(history[1]?.payload).toMatchObject({ full_name: 'Asha J. Mrisho' });
    expect(history[1]?.payload).not.toHaveProperty('actor_name');
  });
});
