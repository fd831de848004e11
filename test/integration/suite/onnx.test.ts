import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { onnx } from 'onnx-proto';
import * as vscode from 'vscode';

const VIEW_TYPE = 'geluLab.onnxActivations';

/** A one-node opset-20 model written with onnx-proto's encoder (the extension host has no Python). */
function geluModel(approximate: string): Uint8Array {
  const attribute = { name: 'approximate', type: onnx.AttributeProto.AttributeType.STRING, s: new TextEncoder().encode(approximate) };
  return onnx.ModelProto.encode({ irVersion: 9, opsetImport: [{ domain: '', version: 20 }], graph: { name: 'g', node: [{ opType: 'Gelu', input: ['x'], output: ['y'], name: 'gelu', attribute: [attribute] }] } }).finish();
}

describe('ONNX activation view', () => {
  const workspace = process.env.GELU_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const folder = path.join(workspace, 'onnx-model');
  const model = path.join(folder, 'model.onnx');

  before(() => {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(model, geluModel('tanh'));
    fs.writeFileSync(path.join(folder, 'config.json'), JSON.stringify({ hidden_act: 'gelu' }));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('opens a .onnx file in the activation view, by default and through the command', async () => {
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(model));
    const isOurs = async (): Promise<boolean> => {
      for (let tries = 0; tries < 50; tries++) {
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        if (input instanceof vscode.TabInputCustom && input.viewType === VIEW_TYPE && input.uri.fsPath === model) return true;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return false;
    };
    assert.ok(await isOurs(), 'vscode.open shows the activation view');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('geluLab.listOnnxActivations', vscode.Uri.file(model));
    assert.ok(await isOurs(), 'the command opens the activation view');
  });
});
