// Printed witnesses (issue 12): every form carries the head of the records when it was printed, as a
// code under a QR code; "Check a printed page" says whether the file still holds that head and whether
// the entries on the page are unchanged. Later records do not disturb an old page; a forger who rewrites
// and re-hashes the file does.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printWitness, witnessCode, witnessQrText } from '../../../db/documents/witness.ts';
import { ADMIN_PASSWORD, expectRefused, openTestCore, setUp, signIn, tempDir, type TestCore, YEAR_OF_IDLE } from '../../helpers/core.ts';
import { forgeEvent } from '../../helpers/forge.ts';
import { registerDevice } from '../../helpers/office.ts';
import { readBack } from '../../helpers/printed-forms.ts';

let temp: ReturnType<typeof tempDir>;
let t: TestCore;
let admin: string;
let laptop: string;
let path: string;

beforeEach(async () => {
  temp = tempDir();
  path = join(temp.dir, 'daftari.sqlite');
  t = await openTestCore({ path, idleLimitMs: YEAR_OF_IDLE });
  admin = (await setUp(t)).token;
  laptop = (await registerDevice(t, admin, { tag: 'WF/IT/2024/0007', category: 'laptop', make: 'Dell', model: 'Latitude 5420', serial: 'CN0X7K2M' })).id;
  await registerDevice(t, admin, { tag: 'WF-PRN-0003', category: 'printer', make: 'HP', model: 'LaserJet Pro M404dn' });
});

afterEach(() => {
  t.core.close();
  temp.remove();
});

/** The witness the page printed now carries, and the page's own text. */
async function printPage(): Promise<{ code: string; qr: string; text: string }> {
  const witness = printWitness(t.core.services.store, [laptop]);
  if (!witness) throw new Error('no records to witness');
  const page = await t.ok(admin, 'documents.log-book-page', { asset_id: laptop, language: 'sw' });
  return { code: witnessCode(witness), qr: witnessQrText(witness), text: readBack(page, 'witness-log-book-page').flat };
}

describe('the witness on a printed page', () => {
  it('prints the code on every page, in the words of the page’s language', async () => {
    const { code, text } = await printPage();
    expect(code).toMatch(/^\d+-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
    expect(text).toContain(`Ushahidi: ${code}`);
  });

  it('holds when checked by the typed code or the QR code, however many records were written since', async () => {
    const { code, qr } = await printPage();
    expect(await t.ok(admin, 'documents.check', { page_code: code })).toMatchObject({ head: 'held', entries: 'not-checked' });
    expect(await t.ok(admin, 'documents.check', { page_code: `  ${code.toUpperCase().replace(/-/g, ' ')}\n` })).toMatchObject({ head: 'held' });
    // Later work on the same device is new history, not a change to what the page shows.
    await t.ok(admin, 'assets.update', { asset_id: laptop, tag: 'WF/IT/2024/0007', category: 'laptop', make: 'Dell', model: 'Latitude 5420', serial: 'CN0X7K2M', notes: 'Imepewa betri mpya' });
    await registerDevice(t, admin, { tag: 'WF-DSK-0040', category: 'desktop', make: 'HP', model: 'ProDesk 400' });
    const checked = await t.ok(admin, 'documents.check', { page_code: qr });
    expect(checked).toMatchObject({ head: 'held', entries: 'unchanged', entities: 1 });
    expect(checked.printed_at).toBe('2025-03-03T08:00:00.000Z');
  });

  it('no longer holds once a forger rewrote the device’s registration and every hash after it', async () => {
    const { code, qr } = await printPage();
    t.core.close();
    forgeEvent(path, 'assets.registered', (payload) => payload.tag === 'WF/IT/2024/0007', (payload) => {
      payload.serial = 'CN0X7K2N';
    });
    t = await openTestCore({ path, idleLimitMs: YEAR_OF_IDLE });
    const { token } = await signIn(t, 'asha', ADMIN_PASSWORD);
    expect(token).not.toBeNull();
    const verdict = await t.ok(token ?? '', 'journal.verify', {});
    expect(verdict.ok).toBe(true);
    expect(await t.ok(token ?? '', 'documents.check', { page_code: code })).toMatchObject({ head: 'not-held', printed_at: null });
    expect(await t.ok(token ?? '', 'documents.check', { page_code: qr })).toMatchObject({ head: 'not-held', entries: 'changed' });
  });

  it('refuses what is not a witness code, in the user’s language', async () => {
    expectRefused(await t.call(admin, 'documents.check', { page_code: 'WF/IT/2024/0007' }), 'witness-code-invalid');
    expectRefused(await t.call(admin, 'documents.check', { page_code: 'DAFTARI-W1 12 NOT-A-HASH - -' }), 'witness-code-invalid');
  });
});
