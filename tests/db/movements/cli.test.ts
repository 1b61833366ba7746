// The gate's check from the command line (3.6.11): `daftari call permits.check` answers from the file
// alone, offline, as the signed-in user the route table allows, with the holder and the devices.
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../db/cli/main.ts';
import { addDays, workingDay } from '../../../db/contract/days.ts';
import { permitText } from '../../../db/movements/contract.ts';
import { addUser, MINISTRY_OF_WATER, openTestCore, OWN_PASSWORD, setUp, tempDir, YEAR_OF_IDLE } from '../../helpers/core.ts';
import { registerDevice } from '../../helpers/office.ts';

async function daftari(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main(args, { env: { DAFTARI_PASSWORD: OWN_PASSWORD, DAFTARI_LANG: '' }, stdin: Readable.from([]), stdout, stderr });
  return { code, stdout: out, stderr: err };
}

// The command line reads the computer's own clock, so the permit runs from today.
describe('daftari call permits.check', { timeout: 120_000 }, () => {
  const dir = tempDir();
  const db = join(dir.dir, 'ofisi.sqlite');
  let text = '';
  let tag = '';
  afterAll(() => dir.remove());

  beforeAll(async () => {
    const t = await openTestCore({ path: db, start: new Date().toISOString(), idleLimitMs: YEAR_OF_IDLE });
    const admin = (await setUp(t, { institution: MINISTRY_OF_WATER })).token;
    const officer = await addUser(t, admin, 'juma', ['ict_officer'], 'Juma Ally');
    const accountant = await addUser(t, admin, 'masuuli', ['accounting_officer'], 'Bi. Rehema Kweka');
    await addUser(t, admin, 'kumbukumbu', ['records_officer']);
    const person = await t.ok(officer.token, 'people.register', { full_name: 'Zuhura Said', check_number: '100230' });
    const laptop = await registerDevice(t, officer.token, { serial: 'DL5440-77X' });
    tag = laptop.tag;
    const today = workingDay(new Date());
    const request = await t.ok(officer.token, 'movements.request', {
      holder_id: person.id,
      asset_ids: [laptop.id],
      purpose: 'Warsha',
      destination: 'Arusha',
      date_out: today,
      due_on: addDays(today, 30),
      data_held: 'Rasimu ya bajeti',
    });
    const permit = await t.ok(accountant.token, 'movements.decide', { request_id: request.id, decision: 'approved' });
    text = permitText(permit.permit_no, permit.verification_code);
    t.core.close();
  });

  it('says valid with the holder and the device for the QR text, and unknown for a changed code', async () => {
    const valid = await daftari(['call', 'permits.check', '--db', db, '--user', 'juma', '--input', JSON.stringify({ text })]);
    expect(valid.code, valid.stderr).toBe(0);
    const answer = (JSON.parse(valid.stdout) as { value: { answer: string; holder_name: string; devices: { tag: string }[] } }).value;
    expect(answer).toMatchObject({ answer: 'valid', holder_name: 'Zuhura Said', devices: [{ tag }] });

    const forged = text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A');
    const unknown = await daftari(['call', 'permits.check', '--db', db, '--user', 'juma', '--input', JSON.stringify({ text: forged })]);
    expect((JSON.parse(unknown.stdout) as { value: { answer: string } }).value.answer).toBe('unknown');
  });

  it('refuses a user whose roles do not read custody records', async () => {
    const refused = await daftari(['call', 'permits.check', '--db', db, '--user', 'kumbukumbu', '--input', JSON.stringify({ text })]);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('forbidden');
  });
});
