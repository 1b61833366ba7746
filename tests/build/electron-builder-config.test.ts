// The packaging configuration, checked against electron-builder's own schema the way electron-builder
// checks it (ajv, draft-07, allErrors, coerceTypes, strict off), since packaging cannot run here.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): unknown => JSON.parse(readFileSync(`${root}${path}`, 'utf8'));

interface Config {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: { target: string; arch: string[] }[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: { target: string; arch: string[] }[]; category: string; maintainer: string; icon: string };
}

const config = read('build/electron-builder.json') as Config;

function validator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false });
  return ajv.compile(read('node_modules/app-builder-lib/scheme.json') as object);
}

function errorsOf(candidate: unknown): string[] {
  const validate = validator();
  // coerceTypes rewrites the data it checks; check a copy.
  return validate(structuredClone(candidate)) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

describe('the electron-builder configuration', () => {
  it('is valid for electron-builder’s schema', () => {
    expect(errorsOf(config)).toEqual([]);
  });

  it('is rejected by the same check when it has a property electron-builder does not know', () => {
    expect(errorsOf({ ...config, autoUpdate: true })).not.toEqual([]);
    expect(errorsOf({ ...config, nsis: { ...config.nsis, oneclick: false } })).not.toEqual([]);
    expect(errorsOf({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } })).not.toEqual([]);
  });

  it('names the app tz.go.daftari, Daftari', () => {
    expect(config.appId).toBe('tz.go.daftari');
    expect(config.productName).toBe('Daftari');
  });

  it('keeps native modules outside the asar so they can be loaded', () => {
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('sets the Electron fuses that close the usual ways to run other code in the app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs only the built app and package.json, never the sources or the installers', () => {
    const included = config.files.filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json']);
  });

  it('builds a Windows x64 installer that lets the user choose a per-user install and keeps the records on uninstall', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, deleteAppDataOnUninstall: false });
  });

  it('builds an AppImage and a deb for Linux, filed under Office, with a maintainer', () => {
    expect(config.linux.target.map((target) => target.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
  });

  it('points at icons that exist', () => {
    for (const path of [config.win.icon, `${config.linux.icon}/512x512.png`, `${config.linux.icon}/256x256.png`]) {
      expect(existsSync(`${root}${path}`), path).toBe(true);
    }
  });
});
