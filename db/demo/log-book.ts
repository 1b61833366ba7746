// The demo's Service Maintenance Log Book (3.6.4): years of repairs and preventive work, entry by entry
// through the same commands an ICT officer uses, from the fault report to its close. Most are closed,
// some still open in every state; internal officers and outside providers; parts priced in shillings;
// storage media out before a device leaves and back in when it returns (3.6.3).
import type { Call } from './batch.ts';
import { addDays, daysBetween } from '../contract/days.ts';
import { underWarranty } from '../assets/contract.ts';
import { partsCost, type Outcome } from '../maintenance/contract.ts';
import { CANCEL_REASONS, FAULTS, PREVENTIVE, type Fault, type Part } from './faults.ts';
import type { DemoDevice, DemoPlan, DemoProvider } from './register.ts';
import type { Progress } from './progress.ts';

/** Entries a year on a typical device of each kind, preventive work included: their share of the book. */
const RATES: Readonly<Record<string, number>> = {
  desktop: 2.0,
  laptop: 2.4,
  printer: 2.8,
  ups: 3.2,
  server: 4.5,
  network: 1.0,
  scanner: 1.0,
  projector: 1.2,
  phone: 0.7,
  tablet: 0.7,
  external_drive: 0.3,
};
/** Of a device's entries, how many are preventive work under its plan. */
const PREVENTIVE_SHARE: Readonly<Record<string, number>> = { desktop: 0.55, laptop: 0.45, ups: 0.7, server: 0.6, printer: 0.45, network: 0.6 };
/** The shortest stretch of days one entry takes in a device's book. */
const MIN_SLOT_DAYS = 4;
/** Devices whose last entry is still open on the day the records are entered. */
const OPEN_SHARE = 0.05;
/** Media that can be taken out before a device leaves (an eMMC is soldered in: that device is repaired here). */
const REMOVABLE = new Set(['hdd', 'ssd', 'memory_card']);
const SHARED_REPORTERS = ['Kitengo cha TEHAMA', 'Msimamizi wa Ofisi', 'Katibu Muhtasi wa Idara'];

export interface LogBookDemoOptions {
  entries: number;
  random: () => number;
  /** The first and last day of the book; the last is the day the records are entered. */
  book: { start: string; end: string };
  devices: DemoDevice[];
  plans: Map<string, DemoPlan>;
  providers: DemoProvider[];
  /** The ICT officers of each region, by name: technicians, supervisors and witnesses. */
  officers: Map<string, string[]>;
  progress: Progress;
}

export interface LogBookDemoSummary {
  entries: number;
  open_entries: number;
  preventive_entries: number;
  external_repairs: number;
  offsite_repairs: number;
  outcomes: Record<Outcome, number>;
  parts_cost_tzs: number;
}

/**
 * Shares `total` among the devices in proportion to their weights, none above its cap (largest
 * remainder, then one more each in order while some are left): the book holds exactly `total`
 * entries whenever the devices have room for them.
 */
export function shareOut(weights: readonly number[], caps: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map((x, i) => Math.min(Math.floor(x), caps[i] as number));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left === 0) break;
    if ((shares[i] as number) < (caps[i] as number)) {
      shares[i] = (shares[i] as number) + 1;
      left -= 1;
    }
  }
  for (let i = 0; left > 0 && i < shares.length; i += 1) {
    const room = Math.min(left, (caps[i] as number) - (shares[i] as number));
    shares[i] = (shares[i] as number) + room;
    left -= room;
  }
  return shares;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

export async function logBookDemo(call: Call, options: LogBookDemoOptions): Promise<LogBookDemoSummary> {
  const { random, book, progress } = options;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number) => random() < p;
  const pickFault = (faults: readonly Fault[]): Fault => {
    let roll = random() * faults.reduce((sum, f) => sum + f.weight, 0);
    for (const fault of faults) {
      roll -= fault.weight;
      if (roll < 0) return fault;
    }
    return faults[faults.length - 1] as Fault;
  };
  /** A price as a job card gives it: within a tenth of the usual, to the thousand shillings. */
  const price = (usual: number) => Math.max(1_000, Math.round((usual * (0.9 + random() * 0.2)) / 1_000) * 1_000);
  const jobCards = new Map<string, number>();

  const summary: LogBookDemoSummary = {
    entries: 0,
    open_entries: 0,
    preventive_entries: 0,
    external_repairs: 0,
    offsite_repairs: 0,
    outcomes: { repaired: 0, part_replaced: 0, beyond_repair: 0, no_fault: 0, cancelled: 0 },
    parts_cost_tzs: 0,
  };

  // Each device's share of the book: by how long it has been in service within it, how often its
  // kind fails, and its own luck (a few are lemons).
  const spans = options.devices.map((d) => {
    const since = later(book.start, addDays(d.purchased, 7));
    return { since, days: since > book.end ? 0 : daysBetween(since, book.end) + 1 };
  });
  const weights = options.devices.map((d, i) => {
    const { days } = spans[i] as { days: number };
    const luck = chance(0.05) ? 3 : 0.5 + random();
    return days < MIN_SLOT_DAYS ? 0 : days * (RATES[d.category] ?? 0.5) * luck;
  });
  const shares = shareOut(
    weights,
    spans.map((s) => Math.floor(s.days / MIN_SLOT_DAYS)),
    options.entries,
  );
  const planned = shares.reduce((a, b) => a + b, 0);
  progress.start('log-book', planned);

  for (const [n, device] of options.devices.entries()) {
    const count = shares[n] as number;
    if (count === 0) continue;
    const { since, days } = spans[n] as { since: string; days: number };
    const officers = options.officers.get(device.region) ?? [...options.officers.values()][0] ?? ['Juma Ally'];
    const providers = options.providers.filter((p) => p.regions === 'all' || p.regions.includes(device.region));
    const supplier = options.providers.find((p) => p.name === device.supplier);
    const plan = options.plans.get(device.category);
    const faults = FAULTS[device.category] ?? FAULTS.desktop ?? [];
    const reporter = () => device.holder ?? pick(SHARED_REPORTERS);
    const canLeave = device.media.every((m) => REMOVABLE.has(m.kind));
    const openLast = chance(OPEN_SHARE);
    // A device written off is written off once, at the end of its book, and only after some years of service.
    const writtenOff = !openLast && daysBetween(device.purchased, book.end) > 4 * 365 && chance(0.04) && faults.some((f) => f.outcome === 'beyond_repair');

    // The provider's job card: numbered by the day it was opened, then in the order of that day.
    const jobRef = (provider: DemoProvider, day: string) => {
      const key = `${provider.code}/JC/${day.replaceAll('-', '')}`;
      const next = (jobCards.get(key) ?? 0) + 1;
      jobCards.set(key, next);
      return `${key}/${next}`;
    };

    // 3.6.3: every medium out, witnessed, before the device leaves; back in when it returns.
    const removeMedia = async (entryId: string, on: string, officer: string) => {
      const witness = officers.find((o) => o !== officer) ?? officer;
      for (const medium of device.media) {
        await call('drives.remove', {
          medium_id: medium.id,
          removed_by: officer,
          witnessed_by: witness,
          kept_at: `Kabati la chuma lenye kufuli, Ofisi ya TEHAMA ${device.region}`,
          removed_on: on,
          entry_id: entryId,
        });
      }
    };
    const reinstallMedia = async (entryId: string, on: string, officer: string) => {
      for (const medium of device.media) {
        await call('drives.reinstall', { medium_id: medium.id, reinstalled_by: officer, reinstalled_on: on, entry_id: entryId });
      }
    };

    for (let k = 0; k < count; k += 1) {
      // The entries of one device follow each other: each has its own stretch of days, and the next
      // fault is reported only after this one closed.
      const slotStart = addDays(since, Math.floor((k * days) / count));
      const slotEnd = k === count - 1 ? book.end : addDays(since, Math.floor(((k + 1) * days) / count) - 1);
      const slotDays = daysBetween(slotStart, slotEnd) + 1;
      const last = k === count - 1;
      const officer = pick(officers);

      if (last && openLast) {
        // Still open on the day the records are entered: reported in the last weeks, in any state.
        const fault = pickFault(faults.filter((f) => f.outcome !== 'beyond_repair'));
        const reported = later(slotStart, addDays(book.end, -Math.floor(random() * 45)));
        const entry = await call('maintenance.report', {
          asset_id: device.id,
          reported_on: reported,
          reported_by: reporter(),
          symptoms: pick(fault.symptoms),
          warranty: underWarranty(device, reported),
        });
        summary.entries += 1;
        summary.open_entries += 1;
        const roll = random();
        if (roll >= 0.25) {
          await call('maintenance.diagnose', { entry_id: entry.id, diagnosis: fault.diagnosis });
          const away = roll >= 0.65 && canLeave && device.media.length > 0 && reported < book.end;
          if (!away) {
            await call('maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: officer } });
          } else {
            const provider = pick(providers);
            const sent = addDays(reported, 1);
            await call('maintenance.assign', {
              entry_id: entry.id,
              technician: { type: 'external', provider_id: provider.id, job_ref: jobRef(provider, sent), supervisor_name: officer },
            });
            await removeMedia(entry.id, reported, officer);
            await call('maintenance.send-offsite', { entry_id: entry.id, sent_on: sent });
            summary.external_repairs += 1;
            summary.offsite_repairs += 1;
            // Some are back and wait to be checked and closed.
            if (roll >= 0.9) {
              const back = earlier(book.end, addDays(sent, 3 + Math.floor(random() * 10)));
              await call('maintenance.return', { entry_id: entry.id, returned_on: back });
              await reinstallMedia(entry.id, back, officer);
            }
          }
        }
        progress.tick(summary.entries);
        continue;
      }

      // A report made twice by mistake, or withdrawn, is closed as cancelled with the reason (issue 7).
      if (!(last && writtenOff) && chance(0.03)) {
        const reported = addDays(slotStart, Math.floor(random() * slotDays));
        const entry = await call('maintenance.report', { asset_id: device.id, reported_on: reported, reported_by: reporter(), symptoms: pick(pick(faults).symptoms) });
        await call('maintenance.close', { entry_id: entry.id, closed_on: reported, outcome: 'cancelled', reason: pick(CANCEL_REASONS) });
        summary.entries += 1;
        summary.outcomes.cancelled += 1;
        progress.tick(summary.entries);
        continue;
      }

      const preventive = PREVENTIVE[device.category];
      if (plan && preventive && !(last && writtenOff) && chance(PREVENTIVE_SHARE[device.category] ?? 0)) {
        const reported = addDays(slotStart, Math.floor(random() * slotDays));
        const entry = await call('maintenance.report', {
          asset_id: device.id,
          kind: 'preventive',
          plan_id: plan.id,
          reported_on: reported,
          reported_by: 'Kitengo cha TEHAMA',
          symptoms: `Matengenezo kinga ya kila miezi ${plan.interval_months} kwa mujibu wa mpango.`,
        });
        await call('maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: officer } });
        // Now and then the visit finds a part worn out and replaces it there and then.
        const part = preventive.part && chance(0.12) ? preventive.part : null;
        const parts = part ? [{ name: part[0], quantity: part[2] ?? 1, unit_cost_tzs: price(part[1]) }] : [];
        await call('maintenance.record-work', {
          entry_id: entry.id,
          actions: pick(preventive.actions),
          parts,
          hours: chance(0.1) ? null : 0.5 + Math.floor(random() * 4) / 2,
        });
        const closedOn = reported < slotEnd && chance(0.3) ? addDays(reported, 1) : reported;
        const outcome = parts.length > 0 ? 'part_replaced' : 'repaired';
        await call('maintenance.close', { entry_id: entry.id, closed_on: closedOn, outcome });
        summary.entries += 1;
        summary.preventive_entries += 1;
        summary.outcomes[outcome] += 1;
        summary.parts_cost_tzs += partsCost(parts);
        progress.tick(summary.entries);
        continue;
      }

      // A repair, from the complaint to the close.
      const fault = last && writtenOff ? pickFault(faults.filter((f) => f.outcome === 'beyond_repair')) : pickFault(faults.filter((f) => f.outcome !== 'beyond_repair'));
      const covered = underWarranty(device, slotStart);
      // Under warranty the supplier repairs it, when the supplier is one of the providers.
      const byWarranty = covered && supplier !== undefined && fault.outcome !== 'no_fault' && chance(0.7);
      const external = byWarranty || (fault.outcome !== 'no_fault' && (fault.workshop === true || chance(0.12)));
      let away = external && fault.workshop === true && canLeave;
      // Days the repair takes: out to the workshop and back, or here.
      let sentAfter = 0;
      let awayDays = 0;
      let closeAfter = 0;
      let duration = 0;
      if (away) {
        sentAfter = Math.floor(random() * 2);
        awayDays = 3 + Math.floor(random() * 12);
        closeAfter = Math.floor(random() * 2);
        duration = sentAfter + awayDays + closeAfter;
        if (duration > slotDays - 1) {
          sentAfter = 0;
          closeAfter = 0;
          awayDays = Math.min(awayDays, slotDays - 1);
          duration = awayDays;
          if (awayDays < 1) away = false;
        }
      }
      if (!away) {
        duration = external ? 1 + Math.floor(random() * 5) : weightedDays(random);
        duration = Math.min(duration, slotDays - 1);
      }
      duration = Math.max(0, duration);
      let reported = addDays(slotStart, Math.floor(random() * (slotDays - duration)));
      // A warranty repair was reported while the warranty ran.
      if (byWarranty) reported = earlier(reported, device.warranty_end);
      const closedOn = addDays(reported, duration);
      const warranty = byWarranty || (underWarranty(device, reported) && chance(0.85));
      const entry = await call('maintenance.report', {
        asset_id: device.id,
        reported_on: reported,
        reported_by: reporter(),
        symptoms: pick(fault.symptoms),
        warranty,
      });
      summary.entries += 1;
      await call('maintenance.diagnose', { entry_id: entry.id, diagnosis: fault.diagnosis });
      if (fault.outcome === 'no_fault') {
        // Issue 7: "no fault found" says why: the diagnosis is the reason.
        if (chance(0.5)) await call('maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: officer } });
        await call('maintenance.close', { entry_id: entry.id, closed_on: closedOn, outcome: 'no_fault', reason: fault.diagnosis });
        summary.outcomes.no_fault += 1;
        progress.tick(summary.entries);
        continue;
      }
      if (external) {
        const provider = byWarranty ? (supplier as DemoProvider) : pick(providers);
        await call('maintenance.assign', {
          entry_id: entry.id,
          technician: { type: 'external', provider_id: provider.id, job_ref: jobRef(provider, reported), supervisor_name: officer },
        });
        summary.external_repairs += 1;
      } else {
        await call('maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: officer } });
      }
      if (away) {
        const sent = addDays(reported, sentAfter);
        const back = addDays(sent, awayDays);
        await removeMedia(entry.id, sent, officer);
        await call('maintenance.send-offsite', { entry_id: entry.id, sent_on: sent });
        await call('maintenance.return', { entry_id: entry.id, returned_on: back });
        await reinstallMedia(entry.id, back, officer);
        summary.offsite_repairs += 1;
      }
      // A repair under the supplier's warranty costs the institution nothing.
      const parts = (fault.parts ?? []).map(([name, usual, quantity]: Part) => ({ name, quantity: quantity ?? 1, unit_cost_tzs: byWarranty ? 0 : price(usual) }));
      const labour = external && !byWarranty ? price(device.category === 'server' ? 350_000 : 40_000 + Math.floor(random() * 12) * 10_000) : 0;
      // Some job cards give no hours: the book leaves them blank, never 0 (issue 7).
      const hours = chance(0.12) ? null : external ? 1 + Math.floor(random() * 16) : 0.5 + Math.floor(random() * 12) / 2;
      await call('maintenance.record-work', { entry_id: entry.id, actions: fault.actions, parts, labour_cost_tzs: labour, hours });
      await call('maintenance.close', { entry_id: entry.id, closed_on: closedOn, outcome: fault.outcome });
      summary.outcomes[fault.outcome] += 1;
      summary.parts_cost_tzs += partsCost(parts);
      progress.tick(summary.entries);
    }
  }
  progress.finish();
  return summary;
}

/** Days an in-house repair takes: most the same day or the next, a few wait for a part. */
function weightedDays(random: () => number): number {
  const roll = random();
  if (roll < 0.35) return 0;
  if (roll < 0.65) return 1;
  if (roll < 0.8) return 2;
  return 3 + Math.floor(random() * 11);
}
