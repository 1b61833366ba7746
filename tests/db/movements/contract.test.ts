// The pure rules of off-premises permits the core and the window share (3.6.11, 3.2.3).
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { groupCode, highestClassification, isOut, isOverdue, needsJustification, parsePermitText, permitNumber, permitText } from '../../../db/movements/contract.ts';
import { verificationCode } from '../../../db/movements/verification.ts';
import { fingerprintOf, rawPublicKey, type SigningKey } from '../../../db/sync/keys.ts';

function key(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  return { privateKey, publicKey: raw, fingerprint: fingerprintOf(raw) };
}

describe('the rules of a permit', () => {
  it('numbers permits {CODE}/KBL/{YYYY}/{SEQ}', () => {
    expect(permitNumber('MAJI', 2026, 7)).toBe('MAJI/KBL/2026/0007');
    expect(permitNumber('WF', 2027, 12345)).toBe('WF/KBL/2027/12345');
  });

  it('takes the most restrictive classification of the devices, and asks a justification for secret and top secret only', () => {
    expect(highestClassification(['internal', 'secret', 'confidential'])).toBe('secret');
    expect(highestClassification(['public'])).toBe('public');
    expect(highestClassification([])).toBe('public');
    expect(['public', 'internal', 'confidential', 'secret', 'top_secret'].map(needsJustification)).toEqual([false, false, false, true, true]);
  });

  it('is overdue from the day after the due date while the devices are out, never once they are back', () => {
    const out = { out_on: '2026-11-24', returned_on: '', due_on: '2026-11-28' };
    expect([isOverdue(out, '2026-11-28'), isOverdue(out, '2026-11-29')]).toEqual([false, true]);
    expect(isOverdue({ ...out, returned_on: '2026-11-30' }, '2026-12-05')).toBe(false);
    expect(isOverdue({ ...out, out_on: '' }, '2026-12-05')).toBe(false);
    expect([isOut(out), isOut({ ...out, returned_on: '2026-11-30' })]).toEqual([true, false]);
  });

  it('reads the QR text back, and nothing that is not a number and a ten-character code', () => {
    expect(permitText('MAJI/KBL/2026/0001', '07F4NPFS1W')).toBe('MAJI/KBL/2026/0001 07F4N-PFS1W');
    expect(groupCode('07F4NPFS1W')).toBe('07F4N-PFS1W');
    expect(parsePermitText('  maji/kbl/2026/0001   07f4n-pfs1w ')).toEqual({ permit_no: 'MAJI/KBL/2026/0001', code: '07F4NPFS1W' });
    expect(parsePermitText('MAJI/KBL/2026/0001 O7F4N PFSIW')).toEqual({ permit_no: 'MAJI/KBL/2026/0001', code: '07F4NPFS1W' });
    expect(parsePermitText('MAJI/KBL/2026/0001')).toBeNull();
    expect(parsePermitText('MAJI/KBL/2026/0001 07F4N-PFS1')).toBeNull();
    expect(parsePermitText('MAJI/KBL/2026/0001 07F4N-PFS1U')).toBeNull();
  });
});

describe('the verification code', () => {
  const grant = { permit_no: 'MAJI/KBL/2026/0001', holder_id: 'p1', asset_ids: ['a2', 'a1'], due_on: '2026-11-28' };

  it('is ten characters of Crockford base32, the same for the same grant and key whatever the order of the devices', () => {
    const k = key();
    const code = verificationCode(k, grant);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(verificationCode(k, { ...grant, asset_ids: ['a1', 'a2'] })).toBe(code);
  });

  it('changes with anything the permit grants, and with the key', () => {
    const k = key();
    const code = verificationCode(k, grant);
    for (const changed of [{ permit_no: 'MAJI/KBL/2026/0002' }, { holder_id: 'p2' }, { asset_ids: ['a1'] }, { due_on: '2026-11-29' }]) {
      expect(verificationCode(k, { ...grant, ...changed })).not.toBe(code);
    }
    expect(verificationCode(key(), grant)).not.toBe(code);
  });
});
