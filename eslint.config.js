import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { forgeBoundary, layers } from './eslint/layers.js';
import { noDataKeyedWrite } from './eslint/no-data-keyed-write.js';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'static/app/build', 'test-results', '.vertebra', 'coverage', 'bin'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Our own `@forge/*` boundary: only src/platform/ may import the Forge runtime.
      'no-restricted-imports': ['error', { patterns: forgeBoundary }],
    },
  },
  {
    // Text people type (labels, teams, names, bundle keys) must never become a plain-object key.
    files: [
      'src/hygiene/**/*.ts',
      'src/services/hygiene/**/*.ts',
      'src/templates/**/*.ts',
      'src/services/templates/**/*.ts',
      'src/cli/**/*.ts',
      'src/resolvers/**/*.ts',
      'src/platform/local/http-transport.ts',
    ],
    plugins: { vertebra: { rules: { 'no-data-keyed-write': noDataKeyedWrite } } },
    rules: { 'vertebra/no-data-keyed-write': 'error' },
  },
  {
    files: ['src/platform/**', 'static/**', 'test/**', 'sandbox/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // The layer map (eslint/layers.js): after the block above, so that no folder rule is switched off by it.
  ...layers,
  {
    files: ['static/**/*.tsx', 'static/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // test/forge/deploy-bundle.cjs runs @forge/bundler, which needs a CommonJS main module.
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
