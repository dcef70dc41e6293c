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

// The CommonJS module's own names: tsc's output writes `exports.x = …` beside the code, so a local
// `const exports` in a module with exports compiles but throws in the built files (tests run
// TypeScript through SWC and do not see it).
const MODULE_NAMES = '/^(exports|module|require|__filename|__dirname)$/';
const noModuleNameShadowing = [
  'error',
  ...['VariableDeclarator > Identifier.id', 'FunctionDeclaration > Identifier.id', 'ClassDeclaration > Identifier.id', ':function > Identifier.params', 'ImportSpecifier > Identifier.local', 'ImportDefaultSpecifier > Identifier.local', 'ImportNamespaceSpecifier > Identifier.local'].map((path) => ({
    selector: `${path}[name=${MODULE_NAMES}]`,
    message: 'Do not name a binding after the CommonJS module names (exports, module, require, __filename, __dirname): the built code breaks.',
  })),
];

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
    // The code tsc builds to CommonJS (tests run through SWC only).
    files: ['{src,bots,jobs,bench}/**/*.ts'],
    rules: { 'no-restricted-syntax': noModuleNameShadowing },
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
