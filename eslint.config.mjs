import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './eslint.layers.mjs';

export default tseslint.config(
  {
    ignores: ['dist/**', 'appsscript/dist/**', 'node_modules/**', 'coverage/**', 'bin/**', 'jest.config.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  // DESIGN §5's layers: imports between src/ folders, platform globals, core's clock.
  ...layers,
  {
    // Plain Node scripts (CommonJS), run without a build step.
    files: ['scripts/**/*.js', 'webpack.config.js', 'webpack.sheets.config.js', 'test/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        // Node's web platform globals, which a test environment hands to jsdom.
        fetch: 'readonly',
        Request: 'readonly',
        Response: 'readonly',
        Headers: 'readonly',
        ReadableStream: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        structuredClone: 'readonly',
        require: 'readonly',
        module: 'writable',
        Buffer: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
  },
  {
    files: ['src/cli/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
