// Lint: typescript-eslint's recommended rules, plus the boundary that keeps the numeric core,
// the protocol and the webview free of the `vscode` API (they run outside the extension host).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  'no-restricted-imports': ['error', {
    paths: [{ name: 'vscode', message: 'src/core, src/protocol.ts, src/snippets generators and webview/ must not import vscode.' }],
  }],
};

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
  { files: ['src/core/**/*.ts', 'src/protocol.ts', 'webview/**/*.ts'], rules: noVscode },
  { files: ['src/snippets/**/*.ts'], ignores: ['src/snippets/insertSnippet.ts'], rules: noVscode },
);
