// ESLint for the whole repository (flat config). It enforces what the design and the standards say
// and the compiler cannot: the import direction between the parts (DESIGN.md §1), no casts that
// silence the type checker, no forgotten promises, and lines of at most 120 characters. Layout is
// Prettier's job (.prettierrc.json); nothing here argues with it.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs'];

// --- Import direction ------------------------------------------------------------------------
// Patterns are matched against the import string, so a part is recognised by a relative path that
// climbs out to it (`../server/...`, `../../agent/...`). No directory inside a part shares a part's
// name, which keeps this exact without a resolver plugin.
const partRegex = (part) => `^(\\.\\./)+${part}(/|$)`;

const otherPart = (part, why) => ({ regex: partRegex(part), message: why });

const SEPARATE_PROGRAMS =
  'agent, server and console are separate programs that share only protocol/ (DESIGN.md §1): ' +
  'move what both need into protocol/.';
const PROTOCOL_IS_THE_BOTTOM =
  'protocol/ is shared by every part and imports none of them (DESIGN.md §1): ' +
  'pass what it needs in as a parameter or a type.';

const forbiddenParts = {
  agent: [otherPart('server', SEPARATE_PROGRAMS), otherPart('console', SEPARATE_PROGRAMS)],
  server: [otherPart('agent', SEPARATE_PROGRAMS), otherPart('console', SEPARATE_PROGRAMS)],
  console: [otherPart('agent', SEPARATE_PROGRAMS), otherPart('server', SEPARATE_PROGRAMS)],
  protocol: ['agent', 'server', 'console', 'scripts', 'test'].map((part) => otherPart(part, PROTOCOL_IS_THE_BOTTOM)),
};

const ROUTES_SKIP_STORES = {
  regex: '(^|/)([\\w.-]+-)?store\\.js$',
  message:
    'Routes never touch a store (DESIGN.md §1): call the feature service, which owns the rules ' +
    'and the audit trail, and let it use the store.',
};

// protocol/ runs in the browser too (the web console imports it), so outside files that say they
// are Node-only by their name (`*.node.ts`) it uses no Node module and only the browser-safe
// packages listed here. A new package belongs on this list only once it is known to work in both.
const PROTOCOL_PACKAGES = ['typebox', 'tweetnacl', 'croner'];
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const nodeBuiltin = `(node:|(${builtinModules.map(escapeRegex).join('|')})(/|$))`;

const PROTOCOL_NODE_ONLY_IMPORTS = [
  {
    regex: `^${nodeBuiltin}`,
    message:
      'protocol/ also runs in the browser: use a web-standard API (protocol/bytes.ts has byte helpers), ' +
      'or, if this file is Node-only by design, name it *.node.ts and say why in its header.',
  },
  {
    regex: `^(?!\\.{1,2}/|${nodeBuiltin}|(${PROTOCOL_PACKAGES.map(escapeRegex).join('|')})(/|$))`,
    message:
      `protocol/ depends only on browser-safe packages (${PROTOCOL_PACKAGES.join(', ')}); ` +
      'add one to PROTOCOL_PACKAGES in eslint.config.js only after checking it works in the browser.',
  },
  {
    regex: '\\.node\\.js$',
    message: 'A *.node.ts file is Node-only; protocol files that the browser also loads cannot import it.',
  },
];

const nodeGlobals = (where) =>
  ['Buffer', 'process', 'global', 'require', 'module', '__dirname', '__filename'].map((name) => ({
    name,
    message: `${name} is Node-only and ${where} runs in the browser (protocol/bytes.ts has byte helpers).`,
  }));

// --- Casts -----------------------------------------------------------------------------------
const NO_SILENCING_CASTS = [
  {
    selector: 'TSAsExpression[typeAnnotation.type="TSNeverKeyword"]',
    message:
      '`as never` switches the type checker off for this value: give it its real type ' +
      '(a typed handler map, a generic parameter, a type guard) or fix the declaration that forces it.',
  },
  {
    selector: 'TSAsExpression[expression.type="TSAsExpression"]',
    message:
      'A double cast (`as unknown as T`, `as any as T`) claims a type the checker cannot see: validate the ' +
      'value at the boundary (TypeBox Check), narrow it with a type guard, or fix the types on both sides.',
  },
];

// Dynamic import() is not seen by no-restricted-imports; the same regexes catch it here.
const dynamicImportsOf = (patterns) =>
  patterns.map(({ regex, message }) => ({
    selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`,
    message,
  }));

/** The import and syntax restrictions for files of one part (later config objects replace, not merge, these). */
function restrictions(patterns) {
  return {
    'no-restricted-imports': ['error', { patterns }],
    'no-restricted-syntax': ['error', ...NO_SILENCING_CASTS, ...dynamicImportsOf(patterns)],
  };
}

export default defineConfig([
  globalIgnores(['dist/', 'coverage/', 'data/', 'test/unit/fixtures/']),

  {
    name: 'helpline/all',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    extends: [js.configs.recommended],
    rules: {
      // Prettier wraps code at 120; what it cannot wrap (comments) is checked here. Long string and
      // template literals (messages, SQL, expected output) stay whole so that a search finds them.
      'max-len': [
        'error',
        {
          code: 120,
          tabWidth: 2,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
      eqeqeq: ['error', 'smart'],
      // Agent and user text is checked for control characters on purpose, by regular expression.
      'no-control-regex': 'off',
    },
  },

  {
    name: 'helpline/javascript',
    files: JS_FILES,
    languageOptions: { globals: globals.node },
  },

  {
    name: 'helpline/typescript',
    files: TS_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Each file is checked with its nearest tsconfig.json: the build's for the sources,
        // test/tsconfig.json (the test type-check, tsconfig.test.json) for the tests.
        projectService: { defaultProject: 'tsconfig.test.json' },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-restricted-syntax': ['error', ...NO_SILENCING_CASTS],
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as' }],
      // `const { secret: _secret, ...rest } = x` is how the code base leaves a field out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // An async handler or callback that happens not to await is the fastify and serve() convention;
      // the promise rules that catch real bugs are no-floating-promises and no-misused-promises.
      '@typescript-eslint/require-await': 'off',
    },
  },

  {
    name: 'helpline/tests',
    files: ['test/**'],
    rules: {
      // vitest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },

  { name: 'helpline/agent', files: ['agent/**'], rules: restrictions(forbiddenParts.agent) },
  { name: 'helpline/server', files: ['server/**'], rules: restrictions(forbiddenParts.server) },
  {
    name: 'helpline/server-routes',
    files: ['server/features/**/routes.ts', 'server/features/**/*-routes.ts'],
    rules: restrictions([...forbiddenParts.server, ROUTES_SKIP_STORES]),
  },
  { name: 'helpline/console', files: ['console/**'], rules: restrictions(forbiddenParts.console) },
  {
    name: 'helpline/console-web',
    files: ['console/web/**'],
    // vite's config file runs in Node, at build time; only what it builds runs in the browser.
    ignores: ['console/web/vite.config.mjs'],
    languageOptions: { globals: globals.browser },
    rules: {
      ...restrictions([
        ...forbiddenParts.console,
        {
          regex: `^${nodeBuiltin}`,
          message: 'The web console runs in the browser: use a web-standard API or ask the server for it.',
        },
        {
          regex: '^(\\.\\./)+cli(/|$)',
          message: 'The web console runs in the browser; console/cli is Node-only. Share code through protocol/.',
        },
      ]),
      'no-restricted-globals': ['error', ...nodeGlobals('the web console')],
    },
  },
  {
    name: 'helpline/protocol',
    files: ['protocol/**'],
    ignores: ['protocol/**/*.node.ts'],
    rules: {
      ...restrictions([...forbiddenParts.protocol, ...PROTOCOL_NODE_ONLY_IMPORTS]),
      'no-restricted-globals': ['error', ...nodeGlobals('protocol/ also')],
    },
  },
  {
    name: 'helpline/protocol-node-only',
    files: ['protocol/**/*.node.ts'],
    rules: restrictions(forbiddenParts.protocol),
  },
]);
