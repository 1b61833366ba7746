// The installation's bundle-signing key in the desktop app: encrypted by the operating system
// (safeStorage: DPAPI on Windows, the keyring on Linux) in the app's data folder, decrypted in the main
// process and handed to the core's worker. Where the system offers no encryption, the key is kept as
// the command line keeps it: a file readable by its owner only.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const ENCRYPTED_KEY_FILE = 'daftari.key.enc';
export const PLAIN_KEY_FILE = 'daftari.key';

function newKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** The PKCS#8 PEM of this installation's key, made on first start. Never overwrites a key that exists. */
export function loadSigningKeyPem(safeStorage: SafeStorageLike, dataDir: string): string {
  const encrypted = join(dataDir, ENCRYPTED_KEY_FILE);
  const plain = join(dataDir, PLAIN_KEY_FILE);
  if (existsSync(encrypted)) return safeStorage.decryptString(readFileSync(encrypted));
  if (existsSync(plain)) return readFileSync(plain, 'utf8');
  const pem = newKeyPem();
  if (safeStorage.isEncryptionAvailable()) {
    writeFileSync(encrypted, safeStorage.encryptString(pem), { mode: 0o600, flag: 'wx' });
  } else {
    writeFileSync(plain, pem, { mode: 0o600, flag: 'wx' });
  }
  return pem;
}
