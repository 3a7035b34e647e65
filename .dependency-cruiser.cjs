// Module boundaries for src/ (DESIGN "Layout" and "Conventions: Boundaries").
// Run: npm run check:deps   (depcruise src --config .dependency-cruiser.cjs)
//
// Parser: dependency-cruiser parses TypeScript with the `typescript` compiler API (versions <7) or
// with @swc/core. TypeScript 7 (native tsc) has no compiler API, so without @swc/core it would
// skip every .ts file and report "no violations" on 0 modules. We use swc and refuse to run without it.
try {
  require.resolve('@swc/core');
} catch {
  throw new Error(
    'check:deps needs the devDependency @swc/core (dependency-cruiser cannot parse .ts with TypeScript 7); ' +
      'run: npm install --save-dev @swc/core',
  );
}

// Files in src/modules that may touch infrastructure; every other file there is a pure rule file.
const WIRED_FILE =
  '(\\.service|\\.repository|\\.routes|\\.sp-api|\\.jobs|\\.schema|\\.schemas|\\.tables|\\.test|\\.wiring)\\.ts$|/index\\.ts$|/use-cases/';
const INFRA_PACKAGES = 'node_modules/(pg|pg-boss|@electric-sql/pglite|drizzle-orm|hono|@hono/[^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-not-to-business',
      comment: 'platform/ has no business words: it must not import modules/, sp-api/ or main/.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|sp-api|main)/' },
    },
    {
      name: 'module-through-index',
      comment: "A module imports another module only through that module's index.ts.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'only-main-imports-main',
      comment: 'src/main/ holds the composition roots; nothing else may import it.',
      severity: 'error',
      from: { pathNot: '^src/main/' },
      to: { path: '^src/main/' },
    },
    {
      name: 'pure-rules-stay-pure',
      comment:
        'Pure rule files (not *.service|repository|routes|sp-api|jobs|schema(s)|tables|wiring|test.ts, index.ts or use-cases/) ' +
        'must not import db, http, jobs or their packages; pass data and `now` in instead.',
      severity: 'error',
      from: { path: '^src/modules/.+\\.ts$', pathNot: WIRED_FILE },
      to: { path: ['^src/platform/(db|http|jobs)/', INFRA_PACKAGES] },
    },
    {
      name: 'no-cycles-between-modules',
      comment: 'An import cycle that leaves a module: modules must form a DAG (use a job or move code down).',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { circular: true, path: '^src/modules/', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make load order fragile; break them.',
      severity: 'warn',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-dev-deps-in-src',
      comment: 'Production code must not import devDependencies (tests may; type-only imports are erased).',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-test-imports-in-src',
      comment: 'Production code must not import test files.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '\\.test\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a bug (or a package missing from package.json).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-undeclared-deps',
      comment: 'Every package imported from src/ must be listed in package.json.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(web/dist|\\.mercato)/' },
    moduleSystems: ['es6', 'cjs'],
    parser: 'swc',
    // Count `import type` too, so a rule file cannot even name db/http types.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
