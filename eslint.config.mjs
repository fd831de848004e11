// Lint: typescript-eslint's recommended rules, plus three boundaries: the numeric core, the text
// readers, the framework catalogue, the protocol and the webview stay free of the `vscode` API
// (they run outside the extension host); nothing under src/ imports a Node built-in (the same
// host code is bundled for the browser, where VS Code for the Web runs it in a web worker); and
// src/core holds numbers only, so it imports nothing from the text readers or the features.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = Object.fromEntries(['require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'setTimeout', 'clearTimeout', 'URL'].map((name) => [name, 'readonly']));
const NODE_BUILTINS = ['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib'];
const nodeImports = {
  paths: NODE_BUILTINS.map((name) => ({ name, message: 'src/ also runs in a web worker (VS Code for the Web): use the vscode API (workspace.fs, env) or plain JavaScript.' })),
  patterns: [{ group: ['node:*'], message: 'src/ also runs in a web worker (VS Code for the Web): no Node built-ins.' }],
};
const vscodeImport = { name: 'vscode', message: 'src/core, src/text, src/frameworks, src/protocol.ts, src/snippets generators and webview/ must not import vscode.' };
const numbersOnly = {
  group: ['../text', '../text/*', '../frameworks', '../frameworks/*', '../hover/*', '../plot/*', '../snippets/*', '../commands/*'],
  message: 'src/core holds numbers only: text scanning lives in src/text, framework data in src/frameworks.',
};

const noNode = { 'no-restricted-imports': ['error', nodeImports] };
const noVscode = { 'no-restricted-imports': ['error', { ...nodeImports, paths: [...nodeImports.paths, vscodeImport] }] };
const coreRules = { 'no-restricted-imports': ['error', { paths: [...nodeImports.paths, vscodeImport], patterns: [...nodeImports.patterns, numbersOnly] }] };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'test/fixtures/**', 'test/golden/**', 'node_modules/**', '.e2e-cache/**', 'test-artifacts/**', '**/*.js', '**/*.mjs', '!scripts/*.js', '!test/support/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**/*.ts'], ignores: ['src/platform/*.node.ts'], rules: noNode },
  { files: ['src/text/**/*.ts', 'src/frameworks/**/*.ts', 'src/protocol.ts', 'webview/**/*.ts'], rules: noVscode },
  { files: ['src/core/**/*.ts'], rules: coreRules },
  { files: ['src/snippets/**/*.ts'], ignores: ['src/snippets/insertSnippet.ts'], rules: noVscode },
  // Node scripts that must run before `npm ci` or before TypeScript can load: CommonJS JavaScript.
  {
    files: ['scripts/*.js', 'test/support/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: NODE_GLOBALS },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
