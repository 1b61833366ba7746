// A record named in the address (`#/<screen>/<id>`) opens in its screen as a click in the list does;
// an address naming no such record leaves the list as it was.
import { describe, expect, it } from 'vitest';
import { leadHash } from '../../db/dashboard/contract.ts';
import { CallError } from '../../renderer/client/call-error.ts';
import { namesNoRecord, openedFrom, recordHash, shownRecord } from '../../renderer/shell/opened-record.ts';

const refusal = (code: string) => new CallError('handovers.get', { code, message: `errors.${code}` });
const found = { isSuccess: true, isError: false, error: null };
const looking = { isSuccess: false, isError: false, error: null };
const failed = (error: unknown) => ({ isSuccess: false, isError: true, error });

describe('the record named in the address', () => {
  it('is the id after the screen, and only for that screen', () => {
    expect(openedFrom('#/handovers/h-17', 'handovers')).toBe('h-17');
    expect(openedFrom('#handovers/h-17', 'handovers')).toBe('h-17');
    expect(openedFrom('#/handovers/h-17', 'movements')).toBeNull();
    expect(openedFrom('#/handovers', 'handovers')).toBeNull();
    expect(openedFrom('#/handovers/', 'handovers')).toBeNull();
    expect(openedFrom('', 'handovers')).toBeNull();
  });

  it('opens the record every dashboard row leads to, for each screen, whatever its id holds', () => {
    for (const screen of ['movements', 'handovers', 'personal-devices', 'disposal', 'users', 'stocktake']) {
      for (const id of ['0b6f2a4c-91d2-4c55-a4b1-2f7e0c9d1e11', 'MAJI/ICT/2026/0001', 'kikao cha 1 #2?']) {
        expect(openedFrom(leadHash({ screen, id }), screen)).toBe(id);
        expect(recordHash(screen, id)).toBe(leadHash({ screen, id }));
      }
      expect(openedFrom(leadHash({ screen, id: null }), screen)).toBeNull();
      expect(recordHash(screen, null)).toBe(`#/${screen}`);
    }
  });

  it('is nothing, not a crash, when the address holds a broken escape', () => {
    expect(openedFrom('#/movements/%E0%A4%A', 'movements')).toBeNull();
  });
});

describe('what the screen shows for that record', () => {
  it('shows the record once the core has found it, and nothing while it looks', () => {
    expect(shownRecord('h-17', found)).toBe('h-17');
    expect(shownRecord('h-17', looking)).toBeNull();
    expect(shownRecord(null, found)).toBeNull();
  });

  it('leaves the list as it was for an id the core does not hold or that is no id at all', () => {
    expect(namesNoRecord(refusal('handover-not-found'))).toBe(true);
    expect(namesNoRecord(refusal('invalid-input'))).toBe(true);
    expect(shownRecord('h-404', failed(refusal('handover-not-found')))).toBeNull();
    expect(shownRecord('x'.repeat(80), failed(refusal('invalid-input')))).toBeNull();
  });

  it('still opens the record to show any other refusal, so the user reads why', () => {
    expect(namesNoRecord(refusal('forbidden'))).toBe(false);
    expect(shownRecord('h-17', failed(refusal('forbidden')))).toBe('h-17');
    expect(shownRecord('h-17', failed(new Error('network down')))).toBe('h-17');
  });
});
