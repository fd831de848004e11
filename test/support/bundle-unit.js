// Loads each unit test file as one esbuild bundle (mocha --require, see .mocharc.json), so the
// tests run the code as it ships: one module scope, imported bindings read as plain variables.
// (Transpiled module by module, as tsx does, every read of an imported binding is a getter call,
// which the numeric core's per-element paths cannot afford.) npm packages stay external; inline
// source maps keep stack traces pointing at the .ts lines. Plain JavaScript: it must run before
// anything can load TypeScript.
'use strict';
const esbuild = require('esbuild');

process.setSourceMapsEnabled(true);

require.extensions['.ts'] = function loadBundled(module, filename) {
  const result = esbuild.buildSync({
    entryPoints: [filename],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    sourcesContent: false,
    outfile: `${filename}.js`, // where the source map's relative paths start
    logLevel: 'error',
  });
  module._compile(result.outputFiles[0].text, filename);
};
