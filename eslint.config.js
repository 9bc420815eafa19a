// Lint: TypeScript's recommended rules plus the layering of ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noElectron = {
  paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }],
  patterns: [{ group: ['electron/*'], message: 'Only electron/main and electron/preload may import electron.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The backend, the contract, migrations and the workstation's logic run under plain Node: no Electron.
    files: ['electron/core/**', 'electron/server/**', 'electron/workstation/**', 'shared/**', 'migrations/**'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    // The renderer knows shared/ and its own api client, nothing of the backend or of Electron.
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: noElectron.paths,
          patterns: [
            { group: ['**/electron/**', 'electron/*'], message: 'The renderer may not import electron/**: use the api client.' },
          ],
        },
      ],
    },
  },
);
