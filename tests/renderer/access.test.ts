import { describe, expect, it } from 'vitest';
import { areaFromHash, areasFor, canKeepRegisters, canManageAccounts } from '../../renderer/shell/access.ts';
import { accountStatus } from '../../renderer/screens/users/account-status.ts';

describe('what each role is shown', () => {
  it('shows an ICT officer the registers but not the accounts or settings', () => {
    expect(areasFor(['ict_officer'])).toEqual(['people', 'places']);
    expect(canKeepRegisters(['ict_officer'])).toBe(true);
    expect(canManageAccounts(['ict_officer'])).toBe(false);
  });

  it('shows an auditor the accounts to read, but no settings and no register changes', () => {
    expect(areasFor(['auditor'])).toEqual(['people', 'places', 'users']);
    expect(canKeepRegisters(['auditor'])).toBe(false);
    expect(canManageAccounts(['auditor'])).toBe(false);
  });

  it('shows the administrator every area', () => {
    expect(areasFor(['admin'])).toEqual(['people', 'places', 'users', 'settings']);
    expect(canManageAccounts(['admin'])).toBe(true);
  });

  it('lets the Accounting Officer read the registers without keeping them', () => {
    expect(areasFor(['accounting_officer'])).toEqual(['people', 'places']);
    expect(canKeepRegisters(['accounting_officer'])).toBe(false);
  });

  it('opens the area named in the address only when the roles reach it', () => {
    const officer = areasFor(['ict_officer']);
    expect(areaFromHash('#/places', officer)).toBe('places');
    expect(areaFromHash('#/users', officer)).toBe('people');
    expect(areaFromHash('', officer)).toBe('people');
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
