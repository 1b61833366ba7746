// Lint: the import rules of shared/DESIGN.md's layers, and no visible literals in the window.
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import noVisibleLiterals from './build/eslint/no-visible-literals.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The core never imports electron (DESIGN.md: layers).' },
            { name: 'react-dom', message: 'The core never imports react-dom.' },
          ],
          patterns: [{ group: ['**/renderer/**', '**/electron/**'], message: 'The core imports neither the window nor the shell.' }],
        },
      ],
    },
  },
  // Issue 8: an area's contract is what the window may import, so it must stay pure: zod, other areas'
  // contracts and the shared pure pieces (db/contract/inputs.ts, days.ts) — never the store, Node or SQLite.
  {
    files: ['db/*/contract.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(?!(?:zod|\.\./[a-z-]+/contract\.ts|\.\./contract/(?:inputs|days)\.ts)$)`,
              message: 'A contract is pure: it imports only zod, other contract.ts files and db/contract/inputs.ts or days.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/contract/inputs.ts', 'db/contract/days.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(?!(?:zod|\./(?:inputs|days)\.ts)$)`,
              message: 'The shared pieces of every contract are pure: zod and each other only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { react, daftari: { rules: { 'no-visible-literals': noVisibleLiterals } } },
    settings: { react: { version: '19' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      'react/prop-types': 'off',
      'daftari/no-visible-literals': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The window talks to the core only through the bridge.' },
            { name: 'better-sqlite3', message: 'The window never opens the database.' },
            { name: 'kysely', message: 'The window never opens the database.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'The window has no Node.' },
            { group: ['**/electron/**'], message: 'The window imports only db/contract.' },
            {
              // Issue 8: besides db/contract, each area's pure contract (db/<area>/contract.ts) and nothing else.
              // A regex, since a gitignore-style group cannot let one file through a folder it shuts.
              regex: String.raw`^(?!(?:.*/)?db/(?:contract(?:/(?!.*\.\.).*)?|[a-z-]+/contract(?:\.ts)?)$)(?:.*/)?db/`,
              message: "The window imports only db/contract and the areas' db/<area>/contract.ts (DESIGN.md: layers).",
            },
            {
              group: ['**/db/contract/routes*', '**/db/contract/dispatch*'],
              allowTypeImports: true,
              message: 'The route table holds the handlers: import its types only.',
            },
          ],
        },
      ],
    },
  },
);
