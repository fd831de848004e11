// Builds every bundle of the extension, one esbuild context per target:
//   host         src/extension.ts  -> dist/extension.js   (node, cjs, `vscode` external)
//   web host     src/extension.ts  -> dist/web/extension.js (browser, cjs, `vscode` external):
//                the same code for VS Code in the browser (vscode.dev, a web worker host)
//   webview      webview/main.ts   -> dist/webview.js     (browser, iife) + dist/webview.css
//   integration  test/integration  -> out/test/integration (node, cjs; only with --tests)
// Flags: --production minifies and drops source maps; --watch rebuilds on change;
// --tests also builds the integration suites (the test runner passes it).
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const withTests = process.argv.includes('--tests');

/** Reports errors in the `file:line:col: error:` form that VS Code problem matchers read. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => { if (watch) console.log('[watch] build started'); });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [problemMatcherPlugin],
};

/**
 * KaTeX's stylesheet declares 20 fonts; the registry's formulas use these five (measured in the
 * browser with every function selected: the fonts the page fetched). The others, their
 * @font-face rules and the empty woff/ttf fallbacks are dropped from dist/ after each build, so
 * the .vsix ships only what is drawn. A new formula that needs another font falls back to a
 * system font until its name is added here (the browser tier checks the formulas' fonts load).
 */
const KATEX_FONTS = new Set(['KaTeX_Main-Regular', 'KaTeX_Math-Italic', 'KaTeX_Size1-Regular', 'KaTeX_Size2-Regular', 'KaTeX_Size4-Regular']);
const katexFontsPlugin = {
  name: 'katex-fonts',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const cssFile = path.join('dist', 'webview.css');
      if (!fs.existsSync(cssFile)) return;
      const css = fs.readFileSync(cssFile, 'utf8')
        .replace(/@font-face\s*\{[^}]*\}\s*/g, (rule) => {
          const font = /(KaTeX_[\w-]+)\.woff2/.exec(rule);
          return font && !KATEX_FONTS.has(font[1]) ? '' : rule;
        })
        .replace(/,\s*url\(\)\s*format\("(?:woff|truetype)"\)/g, '');
      fs.writeFileSync(cssFile, css);
      for (const file of listFiles(path.join('dist', 'fonts'), '.woff2')) {
        if (!KATEX_FONTS.has(path.basename(file, '.woff2'))) fs.rmSync(file);
      }
    });
  },
};

/**
 * Node host only: `src/platform/X` resolves to `src/platform/X.node.ts` where one exists (Node
 * APIs such as ranged file reads); the web bundle keeps the plain `X.ts`.
 */
const nodePlatformPlugin = {
  name: 'node-platform',
  setup(build) {
    build.onResolve({ filter: /[\\/]platform[\\/][^\\/.]+$/ }, (args) => {
      const candidate = path.join(args.resolveDir, `${args.path}.node.ts`);
      return fs.existsSync(candidate) ? { path: candidate } : undefined;
    });
  },
};

function listFiles(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(dir, f));
}

function targets() {
  const list = [
    {
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      platform: 'node',
      plugins: [...common.plugins, nodePlatformPlugin],
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
    },
    {
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/web/extension.js',
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      external: ['vscode'],
    },
  ];
  if (fs.existsSync('webview/main.ts')) {
    list.push({
      ...common,
      entryPoints: { webview: 'webview/main.ts' },
      outdir: 'dist',
      platform: 'browser',
      format: 'iife',
      target: 'chrome120',
      loader: { '.woff2': 'file', '.woff': 'empty', '.ttf': 'empty' },
      assetNames: 'fonts/[name]',
      plugins: [problemMatcherPlugin, katexFontsPlugin],
    });
  }
  if (withTests) {
    const suites = listFiles('test/integration/suite', '.ts');
    if (suites.length > 0) {
      list.push({
        ...common,
        minify: false,
        sourcemap: true,
        entryPoints: suites,
        outbase: 'test/integration/suite',
        outdir: 'out/test/integration',
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode', 'mocha'],
      });
    }
  }
  return list;
}

async function main() {
  // A production build starts from an empty dist/, so no stale source map reaches the .vsix.
  if (production) fs.rmSync('dist', { recursive: true, force: true });
  const contexts = await Promise.all(targets().map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  try {
    await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
