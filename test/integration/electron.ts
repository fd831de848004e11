// The same extension-host suites in desktop VS Code through @vscode/test-electron, where a desktop
// build exists: VSCODE_EXECUTABLE, a `code` on PATH, or a build already cached in .vscode-test/.
// Nothing is downloaded (this machine reaches no VS Code update server): without a build the tier
// prints why it is skipped and counts one skipped test.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '../..');

function findDesktopCode(): string | undefined {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  const cache = path.join(root, '.vscode-test');
  if (fs.existsSync(cache)) {
    for (const dir of fs.readdirSync(cache)) {
      for (const candidate of ['code', 'Code', 'VSCode-linux-x64/code']) {
        const p = path.join(cache, dir, candidate);
        if (fs.existsSync(p)) return p;
      }
    }
  }
  try {
    return execFileSync('bash', ['-c', 'command -v code'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const executable = findDesktopCode();
  if (!executable) {
    console.log('desktop VS Code: skipped — no VSCODE_EXECUTABLE, no `code` on PATH and no build in .vscode-test/; the suites ran in code-server instead.');
    console.log('0 passed, 0 failed, 1 skipped');
    return 0;
  }
  execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--tests'], { cwd: root, stdio: 'inherit' });
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gelu-lab-ws-'));
  fs.cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/test/integration/index'),
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--disable-workspace-trust'],
      extensionTestsEnv: { GELU_TEST_WORKSPACE: workspace, ...(process.env.GELU_GREP ? { GELU_GREP: process.env.GELU_GREP } : {}) },
    });
    console.log('desktop VS Code: the extension-host suites passed (counts above)');
    return 0;
  } catch (error) {
    console.error(`desktop VS Code: ${String(error)}`);
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (error: unknown) => { console.error(error); process.exit(1); });
