// ESLint flat config: typescript-eslint + react-hooks, and the import direction of docs/architecture (DESIGN.md §1).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

/** Every folder under src/tools is a tool: each gets the "never import another tool" rule without being listed here. */
const TOOL_FOLDERS = readdirSync(new URL('./src/tools/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const uiLibraries = ['react', 'react-dom', 'react-dom/*', 'react-i18next', 'maplibre-gl', '@deck.gl/*', 'terra-draw', 'terra-draw-*'];
const pureMessage = 'geo/ and domain/ are pure: no React, map libraries, DOM or fetch (see docs in README, Architecture).';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/data/', 'test-results/', 'playwright-report/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/geo/**', 'src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: uiLibraries, message: pureMessage },
          { group: ['**/map/**', '**/app/**', '**/tools/**', '**/datasets/**', '**/workers/**'], message: pureMessage },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'fetch', message: pureMessage }, { name: 'document', message: pureMessage }, { name: 'window', message: pureMessage }],
    },
  },
  {
    files: ['src/datasets/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: uiLibraries, message: 'datasets/ is I/O and parsing only: no UI or map libraries.' },
          { group: ['**/map/**', '**/app/**', '**/tools/**'], message: 'datasets/ must not import map, app or tools.' },
        ],
      }],
    },
  },
  {
    files: ['src/map/layers/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react-dom/*', 'react-i18next'], message: 'map/layers builds layer descriptions from data; no React.' },
          { group: ['**/app/**', '**/tools/**'], message: 'map/ must not import app or tools.' },
        ],
      }],
    },
  },
  {
    files: ['src/map/**'],
    ignores: ['src/map/layers/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/app/**', '**/tools/**'], message: 'map/ must not import app or tools.' }],
      }],
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/app/**', '**/tools/**'], message: 'ui/ holds pieces every tool may use: it imports no tool and not app/.' }],
      }],
    },
  },
  ...TOOL_FOLDERS.map((tool) => ({
    files: [`src/tools/${tool}/**`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...(TOOL_FOLDERS.length > 1
            ? [{ group: TOOL_FOLDERS.filter((t) => t !== tool).flatMap((t) => [`**/tools/${t}/**`, `../${t}/**`]), message: 'A tool never imports another tool; compose them in app/ (shared pieces go to src/ui/).' }]
            : []),
          { group: ['**/app/**'], message: 'Tools do not import app/; app composes tools.' },
        ],
      }],
    },
  })),
);
