// Lint also guards the architecture: shared/ and electron/core/ run without electron or a DOM,
// and the renderer reaches the main process only through window.dispatch (ARCHITECTURE.md).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// TypeScript's lib includes the DOM for the renderer, so it would accept `window` in the core too;
// no-undef is off for TypeScript files, so these names are banned explicitly instead.
const domOnly = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'alert',
  'confirm',
  'XMLHttpRequest',
];
const noDom = (where) =>
  domOnly.map((name) => ({ name, message: `${where} runs without a DOM; ${name} is not there.` }));

// The core and the suites that run it read "now" only from an injected Clock, so a test can pin the
// day (tests/support/test-clock.ts) and nothing in them depends on the day it runs.
const noWallClock = (where) => [
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: `${where} reads the time only from the injected Clock, never Date.now.`,
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: `${where} reads the time only from the injected Clock, never new Date().`,
  },
];

// The holiday data is 1.5 MB: only the core computes with it, so the renderer never ships it.
const noHolidayData = {
  name: 'date-holidays',
  message: 'Holiday data stays in electron/core (services/sla); shared/ and the renderer never load it.',
};

const noElectron = { name: 'electron', message: 'Only electron/main, preload, ipc and security may import electron.' };
const shells = [
  '**/renderer/**',
  '**/electron/main/**',
  '**/electron/preload/**',
  '**/electron/ipc/**',
  '**/electron/security/**',
  '**/electron/http/**',
];
// Relative imports from any depth of electron/core, e.g. '../../http/http-server'.
const coreShells = [
  '**/renderer/**',
  '**/main/**',
  '**/preload/**',
  '**/ipc/**',
  '**/security/**',
  '**/http/**',
  '**/serve',
];

// What every file of shared/ may not import; the typed rule is used (with the base rule off) because
// its allowTypeImports lets a pure module name a schema's type without loading the schema.
const sharedImports = {
  paths: [
    noElectron,
    noHolidayData,
    ...builtinModules.map((name) => ({ name, message: 'shared/ runs in the browser too: no Node modules.' })),
  ],
  patterns: [
    { group: ['node:*'], message: 'shared/ runs in the browser too: no Node modules.' },
    {
      group: ['**/electron/**', ...shells],
      message: 'shared/ is imported by every side, so it imports none of them.',
    },
  ],
};

// shared/domain is split so the renderer can take labels, limits and math without zod: X.ts holds
// plain types, constants and pure functions, X.schema.ts (and fields.schema.ts) the zod schemas.
// Schema modules read their limits from the pure ones, never the other way round.
const schemaModules = ['*.schema', '**/*.schema'];
const noZod = (where) => ({
  name: 'zod',
  allowTypeImports: true,
  message: `${where} loads no zod: schemas live in shared/domain/*.schema.ts.`,
});

export default defineConfig(
  globalIgnores(['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/']),

  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Template strings with numbers and booleans read naturally in messages.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // `return send(res, …)` is the idiomatic early exit in a handler that returns nothing.
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },

  // Plain JavaScript (scripts, this file): Node globals, no type information.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  // shared/: pure TypeScript for every side; no Node, no DOM, no electron, no shell code.
  {
    files: ['shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', sharedImports],
      'no-restricted-globals': [
        'error',
        ...noDom('shared/'),
        { name: 'fetch', message: 'shared/ does no I/O.' },
        { name: 'process', message: 'shared/ runs in the browser too.' },
        { name: 'Buffer', message: 'shared/ runs in the browser too.' },
      ],
    },
  },

  // A pure domain module may name a schema's type, never load a schema.
  {
    files: ['shared/domain/**'],
    ignores: ['shared/domain/**/*.schema.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...sharedImports.paths, noZod('A pure domain module')],
          patterns: [
            ...sharedImports.patterns,
            {
              group: schemaModules,
              allowTypeImports: true,
              message: 'A pure domain module imports only types from a schema module (import type).',
            },
          ],
        },
      ],
    },
  },

  // electron/core: plain Node, called by both shells, never one of them.
  {
    files: ['electron/core/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: coreShells,
              message: 'The core is transport-free: the shells import it, not the other way round.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...noDom('The core')],
      'no-restricted-syntax': ['error', ...noWallClock('The core')],
    },
  },
  {
    files: ['electron/core/services/clock.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // The API and database suites run their servers on the pinned test clock; their inputs must too.
  {
    files: ['tests/api/**', 'tests/db/**', 'tests/support/**'],
    ignores: ['tests/support/test-clock.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noWallClock('A test of the core')] },
  },
  {
    files: ['electron/**', 'scripts/**', 'tests/**', '*.config.ts'],
    ignores: ['electron/preload/**'],
    languageOptions: { globals: globals.node },
  },

  // The renderer talks to the main process only through window.dispatch.
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron, noHolidayData, noZod('The renderer')],
          patterns: [
            {
              group: ['**/electron/**'],
              message: 'The renderer reaches the main process only through window.dispatch.',
            },
            // The server validates every input; the renderer takes labels and limits from the pure
            // modules and only types from the schemas and the contract, so its bundle carries no zod.
            {
              group: [...schemaModules, '**/shared/api/contract'],
              allowTypeImports: true,
              message: 'The renderer imports only types from schema modules and the contract (import type).',
            },
          ],
        },
      ],
    },
  },

  // At the database boundary the declared row types can be wrong (pg returns int8 as a string
  // unless parsed), so Number() there is a guard, not a no-op.
  {
    files: ['electron/core/repositories/**', 'electron/core/events/**', 'electron/core/db/**'],
    rules: { '@typescript-eslint/no-unnecessary-type-conversion': 'off' },
  },

  // Migrations are frozen functions of Kysely<any>: they must not depend on today's table types.
  {
    files: ['electron/core/db/migrations/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
