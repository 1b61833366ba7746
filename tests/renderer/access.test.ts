import { describe, expect, it } from 'vitest';
import { areaFromHash, areasFor, canKeepEquipment, canKeepRegisters, canManageAccounts, type Area } from '../../renderer/shell/access.ts';
import { accountStatus } from '../../renderer/screens/users/account-status.ts';

/** The areas these tests speak for; areas added by others are checked beside their own screens. */
const OWN: readonly Area[] = ['equipment', 'logbook', 'maintenance', 'import', 'people', 'places', 'users', 'settings'];

describe('what each role is shown', () => {
  it('shows an ICT officer the registers, the log book and import, but not the accounts or settings', () => {
    // Other areas may join the list; these must be there, in this order, and the admin's must not.
    expect(areasFor(['ict_officer']).filter((area) => OWN.includes(area))).toEqual(['equipment', 'logbook', 'maintenance', 'import', 'people', 'places']);
    expect(areasFor(['ict_officer'])).not.toContain('users');
    expect(areasFor(['ict_officer'])).not.toContain('settings');
    expect(canKeepRegisters(['ict_officer'])).toBe(true);
    expect(canKeepEquipment(['ict_officer'])).toBe(true);
    expect(canManageAccounts(['ict_officer'])).toBe(false);
  });

  it('shows an auditor the accounts to read, but no settings and no register changes', () => {
    expect(areasFor(['auditor']).filter((area) => OWN.includes(area))).toEqual(['equipment', 'logbook', 'maintenance', 'people', 'places', 'users']);
    expect(areasFor(['auditor'])).not.toContain('import');
    expect(areasFor(['auditor'])).not.toContain('settings');
    expect(canKeepRegisters(['auditor'])).toBe(false);
    expect(canKeepEquipment(['auditor'])).toBe(false);
    expect(canManageAccounts(['auditor'])).toBe(false);
  });

  it('shows the administrator every area', () => {
    expect(areasFor(['admin']).filter((area) => OWN.includes(area))).toEqual(['equipment', 'logbook', 'maintenance', 'import', 'people', 'places', 'users', 'settings']);
    expect(canKeepEquipment(['admin'])).toBe(true);
    expect(canManageAccounts(['admin'])).toBe(true);
  });

  it('lets the Accounting Officer read the registers without keeping them', () => {
    expect(areasFor(['accounting_officer']).filter((area) => OWN.includes(area))).toEqual(['equipment', 'logbook', 'maintenance', 'people', 'places']);
    expect(areasFor(['accounting_officer'])).not.toContain('import');
    expect(canKeepRegisters(['accounting_officer'])).toBe(false);
    expect(canKeepEquipment(['accounting_officer'])).toBe(false);
  });

  it('opens the area named in the address only when the roles reach it', () => {
    const officer = areasFor(['ict_officer']);
    expect(areaFromHash('#/places', officer)).toBe('places');
    expect(areaFromHash('#/users', officer)).toBe('equipment');
    expect(areaFromHash('', officer)).toBe('equipment');
    expect(areaFromHash('#/equipment/0192-device', officer)).toBe('equipment');
    expect(areaFromHash('#/import', areasFor(['auditor']))).toBe('equipment');
    expect(areaFromHash('#/settings', areasFor(['admin']))).toBe('settings');
  });
});

describe('an account as the list shows it', () => {
  const now = new Date('2025-06-01T08:00:00Z');
  it('is locked while the lock lasts, then active again', () => {
    expect(accountStatus({ active: true, locked_until: '2025-06-01T08:10:00Z' }, now)).toBe('locked');
    expect(accountStatus({ active: true, locked_until: '2025-06-01T07:59:00Z' }, now)).toBe('active');
  });

  it('is deactivated whatever its lock says (3.1.2)', () => {
    expect(accountStatus({ active: false, locked_until: '2025-06-01T08:10:00Z' }, now)).toBe('deactivated');
  });
});
