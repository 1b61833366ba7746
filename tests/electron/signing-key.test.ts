// The desktop app's signing key: encrypted by the system where it can be, never replaced once made.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ENCRYPTED_KEY_FILE, loadSigningKeyPem, PLAIN_KEY_FILE, type SafeStorageLike } from '../../electron/signing-key.ts';

function fakeSafeStorage(available: boolean): SafeStorageLike & { encrypted: number } {
  const fake = {
    encrypted: 0,
    isEncryptionAvailable: () => available,
    encryptString: (plain: string) => {
      fake.encrypted += 1;
      return Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a));
    },
    decryptString: (encrypted: Buffer) => Buffer.from(encrypted.map((byte) => byte ^ 0x5a)).toString('utf8'),
  };
  return fake;
}

describe('the desktop signing key', () => {
  it('is made on first start and kept encrypted by the system, readable by its owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'daftari-key-'));
    const safe = fakeSafeStorage(true);
    const pem = loadSigningKeyPem(safe, dir);
    expect(createPrivateKey(pem).asymmetricKeyType).toBe('ed25519');
    const file = join(dir, ENCRYPTED_KEY_FILE);
    expect(readFileSync(file, 'utf8')).not.toContain('PRIVATE KEY');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir, PLAIN_KEY_FILE))).toBe(false);
  });

  it('gives the same key on every later start and never makes a second one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'daftari-key-'));
    const safe = fakeSafeStorage(true);
    const first = loadSigningKeyPem(safe, dir);
    expect(loadSigningKeyPem(safe, dir)).toBe(first);
    expect(safe.encrypted).toBe(1);
  });

  it('falls back to an owner-only file where the system offers no encryption', () => {
    const dir = mkdtempSync(join(tmpdir(), 'daftari-key-'));
    const pem = loadSigningKeyPem(fakeSafeStorage(false), dir);
    const file = join(dir, PLAIN_KEY_FILE);
    expect(readFileSync(file, 'utf8')).toBe(pem);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSigningKeyPem(fakeSafeStorage(true), dir)).toBe(pem);
  });
});
