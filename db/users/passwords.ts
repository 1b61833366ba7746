// Password hashing (3.1.6): scrypt with N=2^17, r=8, p=1. The parameters travel inside the stored
// string, so a hash made with other parameters (tests use a cheaper N) still verifies.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function optionsFor(logN: number, r: number, p: number): ScryptOptions {
  return { N: 2 ** logN, r, p, maxmem: 2 ** logN * r * 128 * 2 };
}

export const PRODUCTION_LOG_N = 17;

export function scryptHasher(logN = PRODUCTION_LOG_N): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await scrypt(password, salt, optionsFor(logN, 8, 1));
      return `scrypt$${logN}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    },
    async verify(password, stored) {
      const parts = stored.split('$');
      if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
      const [, logNText, rText, pText, saltText, keyText] = parts as [string, string, string, string, string, string];
      const [storedLogN, r, p] = [Number(logNText), Number(rText), Number(pText)];
      if (![storedLogN, r, p].every(Number.isInteger) || storedLogN < 10 || storedLogN > 20) return false;
      const expected = Buffer.from(keyText, 'base64');
      const actual = await scrypt(password, Buffer.from(saltText, 'base64'), optionsFor(storedLogN, r, p));
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  };
}
