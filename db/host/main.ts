// `npm run host -- --db FILE [--port N]`: the app in any browser on this machine, for testing.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startBackupSchedule } from '../backups/schedule.ts';
import { openCore } from '../core.ts';
import { startHost } from './server.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, root: { type: 'string' } } });
if (!values.db) {
  console.error('usage: npm run host -- --db FILE [--port N] [--root dist/renderer]');
  process.exit(2);
}
const root = resolve(values.root ?? 'dist/renderer');
// Without the built renderer every page would answer 404 behind a URL that looks ready: say so instead.
if (!existsSync(join(root, 'index.html'))) {
  console.error(`The built renderer is missing: ${root} has no index.html.\nBuild it first with \`npm run build:renderer\`, then run \`npm run host -- --db FILE\` again.`);
  process.exit(2);
}
const core = await openCore({ path: resolve(values.db) });
// The browser host keeps the same backup schedule as the desktop app (3.4.1).
startBackupSchedule(core);
const host = await startHost({
  core,
  root,
  ...(values.port ? { port: Number(values.port) } : {}),
});
console.log(host.url);
const stop = () => void host.close().then(() => core.close());
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
