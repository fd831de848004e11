import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'gelu-lab.gelu-lab';

interface Evaluation { id: string; x: number; f: number; df: number; d2f: number }

describe('foundation', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is installed`);
    extension = found;
    await extension.activate();
  });

  it('activates', () => {
    assert.equal(extension.isActive, true);
  });

  it('registers every command of package.json', async () => {
    const manifest = extension.packageJSON as { contributes: { commands: { command: string; category: string }[] } };
    const declared = manifest.contributes.commands.map((c) => c.command);
    assert.ok(declared.length >= 5, 'package.json declares the commands');
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'GELU Lab', `${c.command} has the category`);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'every declared command is registered');
  });

  it('round-trips a smoke command: geluLab.evaluate gives the exact values', async () => {
    const rows = await vscode.commands.executeCommand<Evaluation[]>('geluLab.evaluate', 1, ['gelu', 'gelu_tanh']);
    assert.ok(Array.isArray(rows) && rows.length === 2);
    const [gelu, tanh] = rows;
    // GELU(1) = Φ(1) = 0.841344746068542948585232545632… (rounded to double below).
    assert.equal(gelu?.f, 0.8413447460685429);
    assert.ok(Math.abs((tanh?.f ?? 0) - 0.8411919906082768) < 1e-15);
  });

  it('rejects bad arguments to the smoke command with a message, not a throw', async () => {
    const rows = await vscode.commands.executeCommand<Evaluation[] | undefined>('geluLab.evaluate', 'not a number');
    assert.equal(rows, undefined);
  });

  it('round-trips a setting: the hover function list follows the configuration', async () => {
    const config = vscode.workspace.getConfiguration('geluLab');
    await config.update('hover.functions', ['silu'], vscode.ConfigurationTarget.Global);
    try {
      const rows = await vscode.commands.executeCommand<Evaluation[]>('geluLab.evaluate', 2);
      assert.deepEqual(rows.map((r) => r.id), ['silu']);
      // SiLU(2) = 2σ(2) = 1.761594155955764888…
      assert.ok(Math.abs((rows[0]?.f ?? 0) - 1.7615941559557649) < 4e-16);
    } finally {
      await config.update('hover.functions', undefined, vscode.ConfigurationTarget.Global);
    }
    const rows = await vscode.commands.executeCommand<Evaluation[]>('geluLab.evaluate', 2);
    assert.deepEqual(rows.map((r) => r.id), ['gelu', 'gelu_tanh', 'gelu_sigmoid']);
  });

  it('survives a wrong setting with the default in force', async () => {
    const config = vscode.workspace.getConfiguration('geluLab');
    await config.update('hover.functions', ['no_such_function'], vscode.ConfigurationTarget.Global);
    try {
      const rows = await vscode.commands.executeCommand<Evaluation[]>('geluLab.evaluate', 0.5);
      assert.deepEqual(rows.map((r) => r.id), ['gelu', 'gelu_tanh', 'gelu_sigmoid']);
    } finally {
      await config.update('hover.functions', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('runs from the installed .vsix, which holds only what it should', function () {
    if (!process.env.GELU_PACKAGED) this.skip(); // desktop route: runs from the source tree
    const root = extension.extensionPath;
    const entries = fs.readdirSync(root).sort();
    for (const name of entries) {
      assert.ok(/^(dist|media|package\.json|readme\.md|changelog\.md|license(\.txt|\.md)?|\.vsixmanifest)$/i.test(name),
        `unexpected file in the package: ${name}`);
    }
    assert.ok(fs.existsSync(path.join(root, 'dist', 'extension.js')));
  });
});
