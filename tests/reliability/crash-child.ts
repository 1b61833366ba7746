// The process tests/reliability/crash.test.ts kills. It opens the core on the file it is given, signs in
// and writes through the real command path in a loop — a device registered with its drive, then a
// fault reported on it in the log book — and prints each id on stdout only once its call has returned,
// that is, once its transaction is committed. It never stops by itself: SIGKILL ends it.
//
//   node tests/reliability/crash-child.ts FILE USERNAME PASSWORD
import { writeSync } from 'node:fs';
import { openCore } from '../../db/core.ts';
import { scryptHasher } from '../../db/users/passwords.ts';

const [file, username, password] = process.argv.slice(2);
if (!file || !username || !password) {
  process.stderr.write('usage: crash-child.ts FILE USERNAME PASSWORD\n');
  process.exit(2);
}

/** Written straight to the pipe: nothing a kill could lose is held in a buffer of this process. */
function say(line: string): void {
  writeSync(1, `${line}\n`);
}

function fail(what: string, detail: unknown): never {
  process.stderr.write(`${what}: ${JSON.stringify(detail)}\n`);
  process.exit(1);
}

const core = await openCore({ path: file, hasher: scryptHasher(10) });
const signedIn = await core.call(null, 'auth.sign-in', { username, password });
if (!signedIn.result.ok || typeof signedIn.session !== 'string') fail('sign-in', signedIn.result);
const token = signedIn.session;
say('ready');

for (let n = 1; ; n += 1) {
  const device = await core.call(token, 'assets.register', {
    category: 'laptop',
    make: 'HP',
    model: 'ProBook 450 G9',
    serial: `5CD${process.pid}-${n}`,
    media: [{ kind: 'ssd', capacity_gb: 256, serial: `SSD-${process.pid}-${n}` }],
  });
  if (!device.result.ok) fail('assets.register', device.result);
  const { id } = device.result.value as { id: string };
  say(`asset ${id}`);
  const entry = await core.call(token, 'maintenance.report', { asset_id: id, reported_on: '2026-11-20', reported_by: 'Zuhura Said', symptoms: `Haiwaki (${n})` });
  if (!entry.result.ok) fail('maintenance.report', entry.result);
  say(`entry ${(entry.result.value as { id: string }).id}`);
}
