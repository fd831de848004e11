// Entry point of the extension-host test run (the `extensionTestsPath` of code-server's test
// mode and of @vscode/test-electron): mocha over every *.test.js beside this file.
// GELU_GREP (from the host's environment) filters suites; a machine-readable summary line
// `GELU_RESULTS {...}` is printed for the harness, which reads counts from it.
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';

export function run(): Promise<void> {
  const grep = process.env.GELU_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      console.log(`GELU_RESULTS ${JSON.stringify({ passed: stats.passes, failed: stats.failures, skipped: stats.pending })}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
