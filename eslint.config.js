// Lint: typescript-eslint's recommended rules over every workspace's sources and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/__generated__/**', '**/node_modules/**', 'data/**', 'bench/results/**', '**/*.d.ts', 'web/src/gql/**', 'web/test/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', crypto: 'readonly', AbortController: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', FormData: 'readonly', Blob: 'readonly', Response: 'readonly', Request: 'readonly', Headers: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly', NodeJS: 'readonly' } },
    rules: {
      // Resolver maps and ORM query objects are typed loosely at the GraphQL boundary.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      // MikroORM's LockMode 4 is PESSIMISTIC_PARTIAL_WRITE (SKIP LOCKED), not PESSIMISTIC_WRITE: a bare
      // number here once made locked rows look missing. Name the mode.
      'no-restricted-syntax': ['error', { selector: "Property[key.name='lockMode'] > Literal", message: 'Use a LockMode member (e.g. LockMode.PESSIMISTIC_WRITE), not a number.' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
  },
);
