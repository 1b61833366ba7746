#!/usr/bin/env node
// The `daftari` command. The core is TypeScript run directly by Node's type stripping (Node >= 22.18).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`Daftari needs Node 22.18 or newer (this is ${process.versions.node}). Run it through npm: npx daftari ...`);
  process.exit(2);
}
const { main } = await import('../db/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
