// Lint: typescript-eslint's recommended rules, plus two boundaries: the numeric core, the
// protocol and the webview stay free of the `vscode` API (they run outside the extension host),
// and nothing under src/ imports a Node built-in (the same host code is bundled for the browser,
// where VS Code for the Web runs it in a web worker).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib'];
const nodeImports = {
  paths: NODE_BUILTINS.map((name) => ({ name, message: 'src/ also runs in a web worker (VS Code for the Web): use the vscode API (workspace.fs, env) or plain JavaScript.' })),
  patterns: [{ group: ['node:*'], message: 'src/ also runs in a web worker (VS Code for the Web): no Node built-ins.' }],
};
const vscodeImport = { name: 'vscode', message: 'src/core, src/protocol.ts, src/snippets generators and webview/ must not import vscode.' };

const noNode = { 'no-restricted-imports': ['error', nodeImports] };
const noVscode = { 'no-restricted-imports': ['error', { ...nodeImports, paths: [...nodeImports.paths, vscodeImport] }] };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'test/fixtures/**', 'test/golden/**', 'node_modules/**', '.e2e-cache/**', 'test-artifacts/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**/*.ts'], ignores: ['src/platform/*.node.ts'], rules: noNode },
  { files: ['src/core/**/*.ts', 'src/protocol.ts', 'webview/**/*.ts'], rules: noVscode },
  { files: ['src/snippets/**/*.ts'], ignores: ['src/snippets/insertSnippet.ts'], rules: noVscode },
);
