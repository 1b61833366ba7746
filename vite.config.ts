// The window's build: renderer/ → dist/renderer, loaded by Electron from app://daftari/ and by the
// browser test host from 127.0.0.1. Relative asset paths, no inline scripts (strict CSP), no remote content.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // The polyfill would be an extra script; Electron's Chromium has modulepreload.
    modulePreload: { polyfill: false },
    // Every asset is a file beside index.html, served by the same origin the CSP names as 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    fs: { allow: [here('./')] },
  },
});
