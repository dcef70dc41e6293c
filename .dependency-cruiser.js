/**
 * Architecture rules (STYLE.md "One pipeline"), checked by `npm run depcheck`:
 * no import cycles (type-only ones too); features use each other only through their index.ts;
 * kernel/platform/pipeline/queue/stores/domain never import a feature; src/ never reaches into
 * the entry points (bots/) or jobs (jobs/);
 * only the platform adapters import their platform SDKs (tests and benchmarks may, to stage
 * the real transports), and only the web chat and the health endpoint import fastify; production code never needs a devDependency at run time.
 */
const TEST_OR_BENCH = '^(test|bench)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles, type-only ones included, tangle modules together; move the shared part into its own module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'features-through-their-index',
      severity: 'error',
      comment: 'A feature uses another only through that feature\'s index.ts, so each feature\'s files stay its own.',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/[^/]+/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'layers-not-to-features',
      severity: 'error',
      comment: 'kernel, platform, pipeline, queue, stores and domain are what features build on; they never import a feature.',
      from: { path: '^src/(kernel|platform|pipeline|queue|stores|domain)/' },
      to: { path: '^src/features/' },
    },
    {
      name: 'src-not-to-bots-or-jobs',
      severity: 'error',
      comment: 'src/ is the library; bots/ (entry points) and jobs/ build on it, never the reverse.',
      from: { path: '^src/' },
      to: { path: '^(bots|jobs)/' },
    },
    {
      name: 'wechaty-only-in-wechaty-adapter',
      severity: 'error',
      comment: 'Only src/platform/wechaty/ talks to Wechaty; everything else uses our ChatEvent/adapter port.',
      from: { pathNot: ['^src/platform/wechaty/', TEST_OR_BENCH] },
      // Resolved (node_modules/...) or, when not installed, bare names: wechaty and wechaty-*.
      to: { path: ['(^|/)node_modules/wechaty/', '(^|/)node_modules/wechaty-', '^wechaty$', '^wechaty/', '^wechaty-'] },
    },
    {
      name: 'dingtalk-only-in-dingtalk-adapter',
      severity: 'error',
      comment: 'Only src/platform/dingtalk/ talks to dingtalk-stream; everything else uses our adapter port.',
      from: { pathNot: ['^src/platform/dingtalk/', TEST_OR_BENCH] },
      to: { path: ['(^|/)node_modules/dingtalk-stream/', '^dingtalk-stream$', '^dingtalk-stream/'] },
    },
    {
      name: 'http-server-only-at-the-edges',
      severity: 'error',
      comment: 'Only the web chat (src/platform/web/), the staff console (src/console/) and the health endpoint serve HTTP with fastify; features and the pipeline never see a request.',
      from: { pathNot: ['^src/platform/web/', '^src/console/', '^src/kernel/health-server\\.ts$', TEST_OR_BENCH] },
      to: { path: ['(^|/)node_modules/fastify/', '(^|/)node_modules/@fastify/', '^fastify$', '^@fastify/'] },
    },
    {
      name: 'production-not-to-dev-deps',
      severity: 'error',
      comment: 'The Docker image prunes devDependencies: src/, bots/ and jobs/ may only use dependencies.',
      from: { path: '^(src|bots|jobs)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing (typo, missing file, package not in package.json).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|\\.tools|data)/' },
    // Also see `import type`, so the adapter rules cover type-only use of the SDKs.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
