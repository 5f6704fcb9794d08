import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// House rules (see ../shared/design/architecture.md): `type` over `interface`, no enums, named
// exports, and each folder importing only what its process may use.
const noEnums = {
  selector: 'TSEnumDeclaration',
  message: 'Use a union of string literals (`as const` array) instead of an enum.',
};
const noDefaultExport = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };

const restrictImports = (patterns) => ['error', { patterns }];
const electronOnlyInMain = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/main (and the preload) import electron.',
};
const sqliteOnlyInCore = { group: ['better-sqlite3'], message: 'SQL lives in electron/core only.' };
const nodeBuiltins = { group: ['node:*'], message: 'This code runs in the renderer or is shared with it: no Node built-ins.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.electron-native/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noEnums, noDefaultExport],
      eqeqeq: ['error', 'always'],
      // Chinese text legitimately holds the ideographic space (　) in strings and comments.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipComments: true, skipTemplates: true, skipRegExps: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrictImports([electronOnlyInMain, sqliteOnlyInCore, nodeBuiltins]),
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': restrictImports([electronOnlyInMain, sqliteOnlyInCore, nodeBuiltins]) },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': restrictImports([electronOnlyInMain]) },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': restrictImports([sqliteOnlyInCore]) },
  },
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.mjs', 'bench/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Tool configuration files and reporters are loaded by their tools through a default export.
    files: ['*.config.{ts,js,mjs}', '*.config.d.mts', 'e2e/skip-reporter.ts'],
    rules: { 'no-restricted-syntax': ['error', noEnums] },
  },
);
