import { describe, expect, it } from 'vitest';
import { PRODUCTION_LOG_N, scryptHasher } from '../../../db/users/passwords.ts';
import { testHasher } from '../../helpers/core.ts';

describe('password hashing', () => {
  it('uses scrypt with N=2^17, r=8, p=1 in production, and records them in the stored string', async () => {
    expect(PRODUCTION_LOG_N).toBe(17);
    // One production hash only: it takes about half a second by design.
    const stored = await scryptHasher().hash('Kilimanjaro#2025');
    const [scheme, logN, r, p, salt, key] = stored.split('$');
    expect([scheme, logN, r, p]).toEqual(['scrypt', '17', '8', '1']);
    expect(Buffer.from(salt as string, 'base64')).toHaveLength(16);
    expect(Buffer.from(key as string, 'base64')).toHaveLength(32);
    expect(stored.split('$')).toHaveLength(6);
  }, 20_000);

  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await testHasher.hash('Kilimanjaro#2025');
    expect(stored.startsWith('scrypt$10$8$1$')).toBe(true);
    expect(await testHasher.verify('Kilimanjaro#2025', stored)).toBe(true);
    expect(await testHasher.verify('kilimanjaro#2025', stored)).toBe(false);
    expect(await testHasher.verify('', stored)).toBe(false);
  });

  it('salts every hash, so the same password never gives the same string', async () => {
    const a = await testHasher.hash('Kilimanjaro#2025');
    const b = await testHasher.hash('Kilimanjaro#2025');
    expect(a).not.toBe(b);
  });

  it('verifies a hash made with other parameters, because they travel in the string', async () => {
    const made = await scryptHasher(11).hash('Kilimanjaro#2025');
    expect(await scryptHasher(10).verify('Kilimanjaro#2025', made)).toBe(true);
  });

  it('treats the same password typed in another Unicode form as the same password', async () => {
    const composed = 'Café-Kilimanjaro1';
    const decomposed = 'Cafe\u0301-Kilimanjaro1';
    expect(composed).not.toBe(decomposed);
    expect(await testHasher.verify(decomposed, await testHasher.hash(composed))).toBe(true);
  });

  it('rejects stored strings that are not its own, or that ask for absurd work', async () => {
    const stored = await testHasher.hash('Kilimanjaro#2025');
    const parts = stored.split('$');
    expect(await testHasher.verify('Kilimanjaro#2025', `bcrypt$${parts.slice(1).join('$')}`)).toBe(false);
    expect(await testHasher.verify('Kilimanjaro#2025', parts.slice(0, 5).join('$'))).toBe(false);
    expect(await testHasher.verify('Kilimanjaro#2025', ['scrypt', '30', ...parts.slice(2)].join('$'))).toBe(false);
    expect(await testHasher.verify('Kilimanjaro#2025', ['scrypt', '9', ...parts.slice(2)].join('$'))).toBe(false);
    expect(await testHasher.verify('Kilimanjaro#2025', '')).toBe(false);
  });
});
