#!/usr/bin/env node
// The `daftari` command. The core is TypeScript run directly by Node's type stripping (Node >= 22.18).
// On an older Node (Debian's is 20) the command runs itself again with the Node 24 that `npm install`
// brings (the `node` devDependency), so `npx daftari …` works as the README shows on any Node npm runs on.
// This file must stay plain JavaScript that Node 20 can parse.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NEEDED = '22.18';
const [major, minor] = process.versions.node.split('.').map(Number);
const recentEnough = major > 22 || (major === 22 && minor >= 18);

/** The Node shipped by the `node` devDependency, beside this package or found by Node's own lookup. */
function bundledNode() {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'node_modules', 'node', 'bin', 'node'), join(here, '..', 'node_modules', 'node', 'bin', 'node.exe')];
  const require = createRequire(import.meta.url);
  for (const request of ['node/bin/node', 'node/bin/node.exe']) {
    try {
      candidates.push(require.resolve(request));
    } catch {
      // not installed under that name: try the next
    }
  }
  return candidates.find((file) => existsSync(file)) ?? null;
}

/** The sentence in the language asked for (--lang, DAFTARI_LANG; Swahili first), read from the catalogue as plain JSON. */
function tooOldMessage() {
  const params = { needed: NEEDED, version: process.versions.node };
  const english = `Daftari needs Node ${NEEDED} or newer; this is Node ${process.versions.node}. Run \`npm install\` in the Daftari folder (it brings Node 24), or install Node ${NEEDED} or newer.`;
  const argv = process.argv.slice(2);
  const flag = argv.findIndex((arg) => arg === '--lang');
  const inline = argv.find((arg) => arg.startsWith('--lang='));
  const lang = (flag >= 0 ? argv[flag + 1] : inline?.slice('--lang='.length)) || process.env.DAFTARI_LANG || 'sw';
  try {
    const file = fileURLToPath(new URL(`../db/contract/catalogues/${lang === 'en' ? 'en' : 'sw'}/core.json`, import.meta.url));
    const template = JSON.parse(readFileSync(file, 'utf8')).cli['node-too-old'];
    if (typeof template !== 'string') return english;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(params[name] ?? ''));
  } catch {
    // Only this file, without the package around it: the catalogues are not there either.
    return english;
  }
}

function runWith(node) {
  const child = spawn(node, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    // Marks the second run, so a bundled Node that is itself too old cannot start a loop.
    env: { ...process.env, DAFTARI_REEXEC: '1' },
  });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (signal) => child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  child.on('error', (error) => {
    console.error(`daftari: could not start ${node}: ${error.message}`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    for (const name of signals) process.off(name, forward);
    // End the way the child ended: by the same signal, or with its exit code.
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}

if (!recentEnough) {
  const node = process.env.DAFTARI_REEXEC ? null : bundledNode();
  if (node) {
    runWith(node);
  } else {
    console.error(tooOldMessage());
    process.exit(2);
  }
} else {
  const { main } = await import('../db/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2), { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
}
