/**
 * ESLint flat config: ESLint's recommended rules everywhere, typescript-eslint's type-aware
 * recommended rules for TypeScript, and floating or misused promises as errors (a dropped
 * promise in a chat handler or job loses work silently).
 */
const { builtinRules } = require('eslint/use-at-your-own-risk');
const tseslint = require('typescript-eslint');

// `eslint:recommended` without the @eslint/js package: the rules ESLint marks recommended.
const eslintRecommended = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, 'error']),
);

const nodeGlobals = Object.fromEntries(
  [
    'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'AbortController', 'TextEncoder',
    'TextDecoder', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate',
    'clearImmediate', 'queueMicrotask', 'structuredClone', 'fetch', 'globalThis', '__dirname',
    '__filename', 'require', 'module', 'exports',
  ].map((name) => [name, 'readonly']),
);

const tsFiles = ['{src,bots,jobs,test,bench}/**/*.ts'];

module.exports = [
  { ignores: ['dist/', 'node_modules/', '.tools/', '.ci/tmp/', 'coverage/', 'data/', 'bench/results/'] },

  { files: ['**/*.{js,cjs,mjs,ts}'], rules: eslintRecommended },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', ecmaVersion: 2023, globals: nodeGlobals },
  },

  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: tsFiles })),
  {
    files: tsFiles,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Too noisy for ordinary code; the compiler's strict mode already covers most of it.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Tests poke at loosely typed payloads (fixtures, JSON output, mocks).
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
];
