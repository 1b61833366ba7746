// Issue 8: every list the product keeps of its areas is derived from the one list (db/areas.ts). These
// hold the derived lists to it, so an area added to the list is served everywhere or the build fails.
import { describe, expect, it } from 'vitest';
import { AREAS, registry } from '../../../db/areas.ts';
import { routes } from '../../../db/contract/routes.ts';
import { domain } from '../../../db/domain.ts';
import { REGISTER_KEYS } from '../../../db/registers/contract.ts';
import { latestMigration, migrations } from '../../../db/store/migrations/index.ts';

describe('the registry built from the one list of areas', () => {
  it('is the route table the dispatcher uses, area by area', () => {
    expect(Object.keys(routes)).toEqual(AREAS.flatMap((area) => Object.keys(area.routes)));
  });

  it('is the domain the journal folds with: every area’s events and projections, in the list’s order', () => {
    expect(domain).toBe(registry.domain);
    expect([...domain.events.keys()]).toEqual(AREAS.flatMap((area) => (area.events ?? []).map((event) => event.type)));
    expect(domain.projections.map((p) => p.table)).toEqual(AREAS.flatMap((area) => (area.projections ?? []).map((p) => p.table)));
  });

  it('exports every register the export dialog offers, each from the area it belongs to', () => {
    expect([...registry.registers.keys()].sort()).toEqual([...REGISTER_KEYS].sort());
    const owner = (key: string) => AREAS.find((area) => (area.registers ?? []).some((register) => register.key === key))?.name;
    expect([owner('devices'), owner('log-book'), owner('people')]).toEqual(['assets', 'maintenance', 'people']);
  });

  it('runs the store’s migrations and those the areas bring, each named once', () => {
    const own = AREAS.flatMap((area) => Object.keys(area.migrations ?? {})).sort();
    expect(own).toEqual(['0110-handovers', '0120-movements', '0130-personal-devices', '0140-media', '0150-disposal', '0155-device-batches', '0160-backups', '0170-stocktake', '0180-dashboard', '0190-account-person']);
    expect(Object.keys(registry.migrations).sort()).toEqual([...Object.keys(migrations), ...own].sort());
    expect(Object.keys(migrations)).toContain(latestMigration);
  });

  it('opens each of the window’s areas with a route of the table', () => {
    expect(registry.screens.map((screen) => screen.id)).toEqual(['dashboard', 'assets', 'inbox', 'logbook', 'maintenance', 'movements', 'handovers', 'personal-devices', 'media', 'disposal', 'stocktake', 'import', 'people', 'places', 'sync', 'backups', 'users', 'settings', 'check-page']);
    for (const screen of registry.screens) expect(Object.hasOwn(routes, screen.route)).toBe(true);
  });
});
