// `npm run host -- --db FILE [--port N]`: the app in any browser on this machine, for testing.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { openCore } from '../core.ts';
import { startHost } from './server.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, root: { type: 'string' } } });
if (!values.db) {
  console.error('usage: npm run host -- --db FILE [--port N]');
  process.exit(2);
}
const core = await openCore({ path: resolve(values.db) });
const host = await startHost({
  core,
  root: resolve(values.root ?? 'dist/renderer'),
  ...(values.port ? { port: Number(values.port) } : {}),
});
console.log(host.url);
const stop = () => void host.close().then(() => core.close());
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
