// Bundles the Electron layer into dist/electron (or the folder given as the first argument): the main
// process, the sandboxed preload (which may only require('electron')), and the core's worker thread.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = resolve(root, process.argv[2] ?? 'dist/electron');

await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'electron/main.ts',
    preload: 'electron/preload.ts',
    'core-worker': 'electron/core-worker.ts',
  },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45 runs Node 22.
  target: 'node22',
  // better-sqlite3 is a native module: it is loaded from node_modules (unpacked from the asar).
  external: ['electron', 'better-sqlite3'],
  legalComments: 'none',
  logLevel: 'warning',
});
