// Bundles the Electron layer into dist/electron (or the folder given as the first argument): the main
// process, the sandboxed preload (which may only require('electron')), and the core's worker thread.
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = resolve(root, process.argv[2] ?? 'dist/electron');

const common = {
  absWorkingDir: root,
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
};

await build({ ...common, entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' } });

await build({
  ...common,
  entryPoints: { 'core-worker': 'electron/core-worker.ts' },
  // PDFKit finds its colour profile through import.meta.url, which CommonJS lacks: give it this file's URL.
  define: { 'import.meta.url': '__import_meta_url' },
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
});

// The printed forms embed Noto Sans; the bundled worker looks for it beside itself.
mkdirSync(resolve(outdir, 'fonts'), { recursive: true });
for (const weight of ['400', '700']) {
  const file = `noto-sans-latin-${weight}-normal.woff`;
  copyFileSync(resolve(root, 'node_modules/@fontsource/noto-sans/files', file), resolve(outdir, 'fonts', file));
}
