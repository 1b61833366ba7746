// Each installation signs its bundles with an Ed25519 key made at first run. The private key never
// enters the database: the CLI keeps it in a file readable by its owner only (0600) beside the
// database; the desktop app keeps it encrypted by the operating system (Electron safeStorage).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface KeyStore {
  /** The PKCS#8 PEM of the private key, or null before first run. */
  read(): string | null;
  write(pem: string): void;
}

export function fileKeyStore(path: string): KeyStore {
  return {
    read: () => (existsSync(path) ? readFileSync(path, 'utf8') : null),
    write: (pem) => {
      // 'wx': never overwrite a key that exists — a second key would orphan every peer's trust.
      writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
      chmodSync(path, 0o600);
    },
  };
}

export function memoryKeyStore(initial: string | null = null): KeyStore {
  let pem = initial;
  return {
    read: () => pem,
    write: (next) => {
      pem = next;
    },
  };
}

export interface SigningKey {
  privateKey: KeyObject;
  /** Raw 32-byte public key, base64. */
  publicKey: string;
  fingerprint: string;
}

export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' }) as { x?: string };
  if (!jwk.x) throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** What a person compares by phone: 20 bytes of the key's SHA-256, in groups of four hex digits. */
export function fingerprintOf(publicKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 40).toUpperCase();
  return digest.match(/.{4}/g)?.join(' ') ?? digest;
}

export function loadOrCreateKey(store: KeyStore): SigningKey {
  let pem = store.read();
  if (pem === null) {
    const { privateKey } = generateKeyPairSync('ed25519');
    pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    store.write(pem);
  }
  const privateKey = createPrivateKey(pem);
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

export function signBytes(key: SigningKey, data: Buffer): string {
  return sign(null, data, key.privateKey).toString('base64');
}

export function verifyBytes(publicKey: string, data: Buffer, signature: string): boolean {
  try {
    const raw = Buffer.from(publicKey, 'base64');
    if (raw.length !== 32) return false;
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
    return verify(null, data, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
