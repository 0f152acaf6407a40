// Lint: the recommended TypeScript rules, React hooks rules, and the layer rules that keep the
// folders honest (README.md, Layout): db/ never sees Electron; pure code never sees Node or the DOM.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const NODE_PATHS = ['fs', 'path', 'os', 'child_process', 'crypto', 'better-sqlite3', 'electron'].map((name) => ({
  name,
  message: 'Pure code and the renderer: no Node or Electron imports.',
}))

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**', 'test-artifacts/**', 'bench/data/**', 'reports/**', '.stryker-tmp/**'] },
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
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', '**/electron/**'], message: 'db/ is pure Node: no Electron, no shells.' }] }],
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
    files: ['renderer/**/*.{ts,tsx}'],
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
