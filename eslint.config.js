// Lint rules, and the import boundaries of STYLE.md:
//   ui → store → engine, runner → engine, cli → engine + runner;
//   the engine imports nothing outside itself (no React, zustand, AWS SDK, Monaco, Node);
//   @aws-sdk/* only in src/runner; monaco-editor only in src/ui/editor and src/ui/code;
//   the tools that check the exports (aws-cdk-lib, constructs, @cdktf/hcl2json, yaml) only in tests.
// Package imports are checked by no-restricted-imports; relative imports that
// cross folders by the small local rule `tablewright/layer-imports` below.
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));

/** Top-level areas under src/ and which other areas each may import by relative path. */
const LAYERS = {
  engine: ['engine'],
  runner: ['runner', 'engine'],
  store: ['store', 'engine', 'runner'],
  ui: ['ui', 'store', 'engine', 'runner', 'examples'],
  examples: ['examples', 'engine'],
  cli: ['cli', 'engine', 'runner'],
};

/** @param {string} file absolute path → the folder under src/ it sits in, or undefined */
function layerOf(file) {
  const parts = relative(root, file).split(sep);
  if (parts[0] !== 'src' || parts.length < 3) return undefined;
  return parts[1];
}

const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps relative imports inside the layers STYLE.md allows' },
    schema: [],
    messages: {
      outside: '{{from}} may not import {{target}}: src/{{from}} may only import from {{allowed}} (see STYLE.md, "The shape").',
    },
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    const allowed = from === undefined ? undefined : LAYERS[from];
    if (allowed === undefined) return {};
    const isTest = /\.test\.tsx?$/.test(file);
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      const targetLayer = layerOf(target);
      if (targetLayer !== undefined && allowed.includes(targetLayer)) return;
      // Tests may reach shared fixtures (e.g. src/devtools/dynamodbLocal.mjs), the test
      // helpers in src/testing and the example models in src/examples.
      if (isTest && (!relative(root, target).startsWith('src' + sep) || ['testing', 'examples', 'devtools'].includes(targetLayer ?? ''))) return;
      // The CLI may start DynamoDB Local through the Node-only script.
      if (from === 'cli' && relative(root, target) === join('src', 'devtools', 'dynamodbLocal.mjs')) return;
      context.report({
        node,
        messageId: 'outside',
        data: {
          from,
          target: relative(root, target),
          allowed: allowed.map((layer) => `src/${layer}`).join(', '),
        },
      });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

const react = { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'React belongs in src/ui.' };
const zustand = { group: ['zustand', 'zustand/*'], message: 'zustand belongs in src/store (and src/ui).' };
const tanstack = { group: ['@tanstack/*'], message: 'TanStack table/virtual belong in src/ui.' };
const awsSdk = {
  group: ['@aws-sdk/*', '@smithy/*'],
  message: 'Only src/runner talks to DynamoDB; import the runner instead of @aws-sdk/*.',
};
const monaco = {
  group: ['monaco-editor', 'monaco-editor/*'],
  message: 'monaco-editor enters only through src/ui/editor and src/ui/code (lazily).',
};
const testTools = {
  // A regex: a gitignore-style 'yaml' would match any path with a yaml folder (Monaco's language).
  regex: '^(aws-cdk-lib|constructs|@cdktf/[^/]+|yaml)(/.*)?$',
  message: 'aws-cdk-lib, constructs, @cdktf/hcl2json and yaml check the exports in tests only: the exports are text, and the app never bundles these.',
};
const node = {
  group: ['node:*', ...builtinModules, ...builtinModules.map((name) => `${name}/*`)],
  message: 'The engine is pure: no Node APIs (read files in the CLI or scripts and pass data in).',
};

/** @param {...({ group: string[], message: string } | { regex: string, message: string })} patterns */
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/', 'out/', '.vite/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    plugins: { tablewright: { rules: { 'layer-imports': layerImports } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'tablewright/layer-imports': 'error' },
  },
  // Package boundaries. Each block covers a disjoint set of files, because a later
  // no-restricted-imports setting replaces an earlier one rather than merging.
  {
    files: ['src/engine/**/*.{ts,tsx}'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: restrict(react, zustand, tanstack, awsSdk, monaco, node, testTools),
  },
  {
    files: ['src/engine/**/*.test.ts'],
    rules: restrict(react, zustand, tanstack, awsSdk, monaco),
  },
  {
    files: ['src/runner/**/*.{ts,tsx}'],
    rules: restrict(react, zustand, tanstack, monaco, testTools),
  },
  {
    files: ['src/cli/**/*.{ts,tsx}'],
    rules: restrict(react, zustand, tanstack, awsSdk, monaco, testTools),
  },
  {
    files: ['src/ui/editor/**/*.{ts,tsx}', 'src/ui/code/**/*.{ts,tsx}'],
    rules: restrict(awsSdk, testTools),
  },
  {
    // Node-side tools: DynamoDB Local launcher, npm start, and the benches (which
    // measure the runner against a plain SDK loop).
    files: ['src/devtools/**/*.{ts,tsx}', 'src/bench/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict(react, zustand, tanstack, monaco),
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**', 'src/runner/**', 'src/cli/**', 'src/ui/editor/**', 'src/ui/code/**', 'src/devtools/**', 'src/bench/**'],
    rules: restrict(awsSdk, monaco, testTools),
  },
);
