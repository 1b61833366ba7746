// The permit's verification code (3.6.11): what the gate compares with the records. It is an HMAC of
// what the permit grants (number, holder, devices, due date), keyed by a secret derived from this
// installation's signing key, cut to ten characters of Crockford base32. The code travels in the
// approval event, so every installation holding the journal can check a permit offline; a code
// nobody issued, or one changed by a single character, matches no permit.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { SigningKey } from '../sync/keys.ts';
import { CODE_ALPHABET, CODE_LENGTH } from './contract.ts';

export interface PermitGrant {
  permit_no: string;
  holder_id: string;
  asset_ids: readonly string[];
  due_on: string;
}

/** A key for permits only, so the signing key itself is never used for anything but signing bundles. */
function permitKey(key: SigningKey): Buffer {
  const der = key.privateKey.export({ format: 'der', type: 'pkcs8' });
  return createHash('sha256').update('daftari permit code v1\n').update(der).digest();
}

/** Ten base32 characters (50 bits) of the grant's HMAC. */
export function verificationCode(key: SigningKey, grant: PermitGrant): string {
  const message = [grant.permit_no, grant.holder_id, [...grant.asset_ids].sort().join(','), grant.due_on].join('\n');
  const mac = createHmac('sha256', permitKey(key)).update(message, 'utf8').digest();
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of mac) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && code.length < CODE_LENGTH) {
      code += CODE_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (code.length === CODE_LENGTH) break;
  }
  return code;
}

/** Whether a typed code is the one issued, compared in constant time. */
export function sameCode(issued: string, typed: string): boolean {
  const a = Buffer.from(issued);
  const b = Buffer.from(typed);
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}
