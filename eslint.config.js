// Lint: the recommended TypeScript rules, React hooks rules, and the layer rules that keep the
// folders honest (README.md, Layout): db/ never sees Electron; pure code never sees Node or the DOM.
import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// scripts/check.mjs (the lint step of npm test) sets CRM_CYCLES_BY_TEST=1 and leaves import cycles to
// tests/unit/import-cycles.test.ts in the same npm test: it looks at the same files (and type-only
// imports too) for about 3 CPU seconds, where the rule spends a fifth of lint's CPU (~19 s of 88)
// walking every file's import graph again. Without that rule every rule reads one file only, so
// check.mjs can keep ESLint's cache. Editors and `npm run lint` keep the rule.
const cyclesCheckedByTest = process.env.CRM_CYCLES_BY_TEST === '1'

const NODE_PATHS = ['fs', 'path', 'os', 'child_process', 'crypto', 'better-sqlite3', 'electron'].map((name) => ({
  name,
  message: 'Pure code and the renderer: no Node or Electron imports.',
}))

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**', 'test-artifacts/**', 'bench/data/**', 'reports/**', '.stryker-tmp*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    // No import cycles: a cycle means two files are one job or one of them is in the wrong layer.
    // The rule skips `import type`; tests/unit/import-cycles.test.ts checks the whole graph, types
    // included. Test files are not linted for it: the rule walks every file's whole import graph
    // again, and a cycle through a test file is still reported on the other files in it (proved
    // on a scratch copy: c.ts → d.test.ts → c.ts is reported on c.ts).
    files: ['**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': cyclesCheckedByTest ? 'off' : ['error', { ignoreExternal: true }] },
  },
  {
    // Handlers delegate to services (db/services, db/storage, db/ledger-*): no SQL, no files here.
    // sync.ts still builds its answers itself; client-request.ts is dispatch's own bookkeeping.
    files: ['electron/handlers/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*-fixtures.ts', '**/*.fixtures.ts', 'electron/handlers/client-request.ts', 'electron/handlers/sync.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['kysely', 'better-sqlite3'], patterns: [{ group: ['node:fs', 'node:fs/*', 'fs', 'fs/*'], message: 'Handlers delegate file work to a service.' }] }],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|prepare|exec)$/]', message: 'Handlers delegate SQL to a service.' },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', '**/electron/**'], message: 'db/ is pure Node: no Electron, no shells.' }] }],
    },
  },
  {
    // A migration is frozen in time: it may use kysely, never the application's current code.
    // (After the db/** block: for these files this rule replaces that one, and is stricter.)
    files: ['db/migrations/**/*.ts'],
    ignores: ['db/migrations/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*', './index', 'electron', '**/electron/**'], message: 'Migrations import no application code (a migration is frozen in time).' }] },
      ],
    },
  },
  {
    // Shared by the renderer and the backend: no Node, no DOM, no services.
    files: ['db/domain/**/*.ts', 'electron/contract/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_PATHS,
          patterns: [
            { group: ['node:*'], message: 'Pure code: no Node imports.' },
            { group: ['**/services/**', '**/context', '**/open', '**/backend', '**/handlers/**'], message: 'Pure code cannot reach the backend.' },
          ],
        },
      ],
    },
  },
  {
    // The window's code; renderer/build is the build's (Node).
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_PATHS,
          patterns: [
            { group: ['node:*'], message: 'The renderer speaks only to the API client.' },
            {
              group: ['**/db/services/**', '**/db/context', '**/db/open', '**/db/backend', '**/electron/handlers/**', '**/electron/server/**'],
              message: 'The renderer speaks only to the API client (types from db/domain and electron/contract are fine).',
            },
          ],
        },
      ],
    },
  },
)
