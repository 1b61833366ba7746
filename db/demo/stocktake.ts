// The demo's stocktakes (issue 13), through the routes the committee uses: a closed stocktake of the
// offices with the most devices, counted by two counters, with a finding of every kind the register
// allows (found here, elsewhere, with another custodian, in another condition, without its label, not in
// the register, accounted for with each reason the register holds, outside the scope, missing) and an
// action of each kind taken on them; and an open one of two head office rooms, about half counted.
import type { Call } from './batch.ts';
import { addDays } from '../contract/days.ts';
import type { RouteInput, RouteOutput } from '../contract/routes.ts';
import type { Store } from '../store/open.ts';

export interface StocktakeDemoOptions {
  random: () => number;
  /** The day the records are entered. */
  today: string;
  /** People who may be seen holding a device: active staff of the institution. */
  people: { id: string; name: string }[];
  /** The head office's rooms: the open stocktake counts two of them. */
  headOffice: string[];
}

export interface StocktakeDemoSummary {
  closed: { id: string; name: string; expected: number; findings: Record<string, number>; actions: string[] };
  open: { id: string; name: string; expected: number; counted: number };
}

interface Device {
  id: string;
  tag: string;
  location_id: string;
  custodian_id: string | null;
  status: string;
  /** On an open handover or permit, or at repair: a device no stocktake action may move. */
  busy: number;
}

type Stocktake = RouteOutput<'stocktake.open'>;
type Member = RouteInput<'stocktake.open'>['committee'][number];

/** Devices away on these grounds are accounted for, not missing (stocktake/queries.ts `accountedReason`). */
const ACCOUNTED = ['away_for_repair', 'off_premises', 'in_disposal', 'awaiting_disposal'];
/** Those still on the premises, which the counters see and scan. */
const ON_PREMISES = ['in_disposal', 'awaiting_disposal'];
/** The in-service devices a closed stocktake wants, to give each kind of finding its devices and leave most found here. */
const WANTED_IN_SERVICE = 16;
/** The most devices counted in one location of the open stocktake: at a ministry's size, an afternoon's work. */
const OPEN_COUNT_LIMIT = 250;

const UNKNOWN_DEVICES = [
  { make: 'HP', model: 'LaserJet Pro M402dn', serial: 'VNB3K41672', note: 'Printa ya zamani chini ya meza ya mapokezi; haina lebo wala kumbukumbu kwenye daftari.' },
  { make: 'Lenovo', model: 'ThinkCentre M70q', serial: 'MJ0F8K2C', note: 'Kompyuta ndogo iliyoletwa na mradi wa maji vijijini; haijasajiliwa.' },
  { make: 'APC', model: 'Back-UPS 650', serial: '', note: 'UPS kwenye kabati la mtandao.' },
];
const MISSING_NOTES = [
  'Hakikuonekana ofisini wala stoo; mtunzaji amesema alikiacha ofisini kabla ya likizo.',
  'Hakionekani; kumbukumbu za ulinzi za lango zinakaguliwa.',
];

function devicesOf(store: Store): Device[] {
  // Each set read once: a ministry has 100,000 handovers, too many to search again for every device.
  const held = (sql: string) => new Set((store.sqlite.prepare(sql).all() as { id: string }[]).map((row) => row.id));
  const onHandover = held("SELECT DISTINCT j.value ->> '$.asset_id' AS id FROM handovers h, json_each(h.lines) j WHERE h.state IN ('pending', 'approved')");
  const onPermit = held("SELECT DISTINCT j.value ->> '$.asset_id' AS id FROM movements m, json_each(m.devices) j WHERE m.state IN ('requested', 'approved', 'checked_out')");
  const rows = store.sqlite
    .prepare(
      `SELECT a.id, a.tag, a.location_id, a.custodian_id, a.status, (a.repair_state != 'none' OR a.off_premises_id IS NOT NULL) AS busy
        FROM assets a
        WHERE a.status NOT IN ('disposed', 'transferred') AND a.location_id IS NOT NULL
        ORDER BY a.tag, a.id`,
    )
    .all() as Device[];
  return rows.map((d) => ({ ...d, busy: d.busy === 1 || onHandover.has(d.id) || onPermit.has(d.id) ? 1 : 0 }));
}

function userId(store: Store, username: string): string | null {
  return (store.sqlite.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string } | undefined)?.id ?? null;
}

/**
 * The closed stocktake's scope: the location with the most devices in service, then those that bring a
 * reason for being accounted for not yet held, then the fullest others until the stocktake has enough
 * devices in service for every kind of finding.
 */
function closedScope(devices: Device[]): string[] {
  const byLocation = new Map<string, Device[]>();
  for (const d of devices) {
    const here = byLocation.get(d.location_id);
    if (here) here.push(d);
    else byLocation.set(d.location_id, [d]);
  }
  const inService = (id: string) => (byLocation.get(id) ?? []).filter((d) => d.status === 'in_service').length;
  const ranked = [...byLocation.keys()].sort((a, b) => inService(b) - inService(a) || (a < b ? -1 : 1));
  const scope: string[] = [];
  const covered = new Set<string>();
  const add = (id: string) => {
    scope.push(id);
    for (const d of byLocation.get(id) ?? []) if (ACCOUNTED.includes(d.status)) covered.add(d.status === 'awaiting_disposal' ? 'in_disposal' : d.status);
  };
  if (ranked[0]) add(ranked[0]);
  for (const reason of ['away_for_repair', 'off_premises', 'in_disposal']) {
    if (covered.has(reason)) continue;
    const bringing = ranked.find((id) => !scope.includes(id) && (byLocation.get(id) ?? []).some((d) => d.status === reason || (reason === 'in_disposal' && d.status === 'awaiting_disposal')));
    if (bringing) add(bringing);
  }
  for (const id of ranked) {
    if (scope.length >= 2 && scope.reduce((sum, s) => sum + inService(s), 0) >= WANTED_IN_SERVICE) break;
    if (!scope.includes(id)) add(id);
  }
  return scope;
}

export async function stocktakeDemo(records: Call, officer: Call, store: Store, options: StocktakeDemoOptions): Promise<StocktakeDemoSummary> {
  const { random, today } = options;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const year = today.slice(0, 4);
  const devices = devicesOf(store);
  const committee = (members: { name: string; title: string; username?: string }[]): Member[] =>
    members.map((m, i) => ({ name: m.name, title: m.title, user_id: m.username ? userId(store, m.username) : null, chair: i === 0 }));
  const staff = (n: number) => options.people[Math.floor((options.people.length * n) / 7)]?.name ?? 'Rehema Mollel';

  // ---- the closed stocktake -------------------------------------------------------------------------
  const scope = closedScope(devices);
  const inScope = devices.filter((d) => scope.includes(d.location_id));
  const closed: Stocktake = await records('stocktake.open', {
    name: `Uhakiki wa vifaa vya TEHAMA wa mwaka ${year}`,
    scope: { kind: 'locations', location_ids: scope },
    committee: committee([
      { name: 'Zawadi Mushi', title: 'Afisa Kumbukumbu', username: 'zawadi.mushi' },
      { name: 'Juma Ally', title: 'Afisa TEHAMA', username: 'juma.ally' },
      { name: staff(1), title: 'Afisa Ugavi' },
      { name: staff(4), title: 'Mhasibu' },
    ]),
    starts_on: addDays(today, -4),
    ends_on: today,
  });
  const at = (location: string, code: string, observed: Partial<RouteInput<'stocktake.scan'>> = {}) =>
    records('stocktake.scan', { stocktake_id: closed.id, location_id: location, code, ...observed });
  // The second counter walks the second location, and any after it.
  const atOther = (location: string, code: string, observed: Partial<RouteInput<'stocktake.scan'>> = {}) =>
    (location === scope[0] ? records : officer)('stocktake.scan', { stocktake_id: closed.id, location_id: location, code, ...observed });

  // Two devices in service for each kind of finding, dealt one round at a time so that a small register
  // still gives every kind one.
  const free = inScope.filter((d) => d.status === 'in_service' && d.custodian_id !== null && d.busy === 0);
  const missing: Device[] = [];
  const elsewhere: Device[] = [];
  const otherCustodian: Device[] = [];
  const condition: Device[] = [];
  const labelMissing: Device[] = [];
  const taken = new Set<string>();
  let next = 0;
  for (let round = 0; round < 2; round += 1) {
    for (const kind of [missing, elsewhere, otherCustodian, condition, labelMissing]) {
      if (kind === elsewhere && scope.length < 2) continue;
      const device = free[next];
      if (!device) break;
      kind.push(device);
      taken.add(device.id);
      next += 1;
    }
  }

  for (const d of elsewhere) await atOther(d.location_id === scope[0] ? (scope[1] as string) : (scope[0] as string), d.tag);
  for (const d of otherCustodian) {
    const seen = options.people.find((p) => p.id !== d.custodian_id && random() < 0.5) ?? options.people.find((p) => p.id !== d.custodian_id);
    await atOther(d.location_id, d.tag, seen ? { custodian_id: seen.id, note: `Kinatumiwa na ${seen.name} tangu mtunzaji wake alipohamishwa idara.` } : {});
  }
  for (const [i, d] of condition.entries()) {
    await atOther(d.location_id, d.tag, i === 0 ? { condition: 'faulty', note: 'Skrini ina mistari; haijaripotiwa kwenye daftari la matengenezo.' } : { condition: 'unserviceable', note: 'Hakiwaki kabisa; ubao mama umeungua.' });
  }
  for (const d of labelMissing) await atOther(d.location_id, d.tag, { label_missing: true, note: 'Lebo imeng’oka; lebo mpya ibandikwe.' });
  // Everything else on the premises is found where the register says, devices being disposed of included;
  // those out of the office or away for repair are not there to scan, and count as accounted for.
  const away = new Set(['away_for_repair', 'off_premises']);
  for (const d of inScope) {
    if (taken.has(d.id) || away.has(d.status)) continue;
    if (ON_PREMISES.includes(d.status) && random() < 0.5) continue;
    await atOther(d.location_id, d.tag);
  }
  // A head office laptop found in the offices counted: registered, but outside the scope.
  const stray = devices.find((d) => !scope.includes(d.location_id) && d.status === 'in_service' && d.busy === 0);
  if (stray) await at(scope[0] as string, stray.tag, { note: 'Kimeletwa na mtumishi aliyehamia kutoka Makao Makuu.' });
  const unknown = [];
  for (const [i, described] of UNKNOWN_DEVICES.slice(0, 2).entries()) {
    unknown.push(await (i === 0 ? records : officer)('stocktake.record-unknown', { stocktake_id: closed.id, location_id: scope[i % scope.length] as string, ...described }));
  }
  await records('stocktake.close', { stocktake_id: closed.id });

  // One action of each kind, by the role each needs.
  const actions: string[] = [];
  const [moved] = elsewhere;
  if (moved) {
    await officer('stocktake.move-found', { stocktake_id: closed.id, asset_id: moved.id });
    actions.push('moved');
  }
  const [corrected] = otherCustodian;
  if (corrected) {
    await officer('stocktake.correct-custodian', { stocktake_id: closed.id, asset_id: corrected.id });
    actions.push('custodian-corrected');
  }
  const [registered] = unknown;
  if (registered) {
    await officer('stocktake.register-unknown', { stocktake_id: closed.id, count_id: registered.id, category: 'printer', tag: `MAJI/ICT/${year}/ST01` });
    actions.push('registered');
  }
  const [lost] = missing;
  if (lost) {
    await records('stocktake.report-missing', { stocktake_id: closed.id, asset_id: lost.id, note: pick(MISSING_NOTES) });
    actions.push('missing-reported');
  }
  const result = await records('stocktake.result', { stocktake_id: closed.id });
  const findings: Record<string, number> = {
    missing: result.missing.length,
    found_elsewhere: result.found_elsewhere.length,
    custodian_mismatches: result.custodian_mismatches.length,
    condition_differences: result.condition_differences.length,
    labels_missing: result.labels_missing.length,
    unknown: result.unknown.length,
    accounted_for: result.accounted_for.length,
    not_expected: result.not_expected.length,
    found: result.totals.found,
  };

  // ---- the open stocktake, about half counted -------------------------------------------------------------
  const rooms = options.headOffice.filter((id) => !scope.includes(id));
  const fullest = rooms
    .map((id) => ({ id, n: devices.filter((d) => d.location_id === id).length }))
    .filter((r) => r.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 2)
    .map((r) => r.id);
  const openScope = fullest.length > 0 ? fullest : scope;
  const open: Stocktake = await records('stocktake.open', {
    name: `Uhakiki wa Makao Makuu baada ya kuhamia ofisi mpya, ${year}`,
    scope: { kind: 'locations', location_ids: openScope },
    committee: committee([
      { name: 'Zawadi Mushi', title: 'Afisa Kumbukumbu', username: 'zawadi.mushi' },
      { name: 'Neema Kweka', title: 'Afisa TEHAMA', username: 'neema.kweka' },
      { name: staff(2), title: 'Afisa Utumishi' },
    ]),
    starts_on: today,
    ends_on: addDays(today, 2),
  });
  let counted = 0;
  for (const [i, location] of openScope.entries()) {
    const here = devices.filter((d) => d.location_id === location && !away.has(d.status));
    for (const d of here.slice(0, Math.min(OPEN_COUNT_LIMIT, Math.ceil(here.length / 2)))) {
      await (i === 0 ? records : officer)('stocktake.scan', { stocktake_id: open.id, location_id: location, code: d.tag });
      counted += 1;
    }
  }
  const third = UNKNOWN_DEVICES[2];
  if (third && openScope[0]) await records('stocktake.record-unknown', { stocktake_id: open.id, location_id: openScope[0], ...third });
  return {
    closed: { id: closed.id, name: closed.name, expected: closed.expected_count, findings, actions },
    open: { id: open.id, name: open.name, expected: open.expected_count, counted },
  };
}
