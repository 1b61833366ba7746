// The demo's passwords are hashed exactly as the app hashes them (scrypt at the production cost, the
// same stored format), but with salts drawn from the seed: the salt goes into the account's event, and
// the same seed must give the same journal, hash for hash.
import { createHash, scrypt, type ScryptOptions } from 'node:crypto';
import { PRODUCTION_LOG_N, scryptHasher, type PasswordHasher } from '../users/passwords.ts';

const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** PRODUCTION_LOG_N, r: R, p: P, maxmem: 2 ** PRODUCTION_LOG_N * R * 128 * 2 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Hashes with salts from the seed and a counter, so every hash of one build has its own salt; verifies
 * with the app's own hasher, so a demo password that signs in here signs in in the app.
 */
export function seededHasher(seed: number): PasswordHasher {
  const app = scryptHasher();
  let made = 0;
  return {
    async hash(password) {
      made += 1;
      const salt = createHash('sha256').update(`daftari-demo-salt ${seed} ${made}`).digest().subarray(0, 16);
      const key = await derive(password, salt);
      return `scrypt$${PRODUCTION_LOG_N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
    },
    verify: (password, stored) => app.verify(password, stored),
  };
}
