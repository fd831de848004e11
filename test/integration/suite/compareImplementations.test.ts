import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'gelu-lab.gelu-lab';
const COMMAND = 'geluLab.compareImplementations';

interface CompareResult {
  readonly uri: string;
  readonly markdown: string;
}

describe('Compare Implementations', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a Markdown report with the bfloat16 sweep tables and the advisor for gelu_ggml against gelu_erf', async () => {
    const result = await vscode.commands.executeCommand<CompareResult | undefined>(COMMAND, {
      ids: ['gelu_erf', 'gelu_ggml'],
      format: 'bfloat16',
      modes: ['per-op', 'fp32-opmath'],
      inputs: { kind: 'normal', sigma: 1 },
    });
    assert.ok(result, 'the command returns the report');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri);
    assert.ok(document, 'the report is open');
    assert.equal(document.languageId, 'markdown');
    assert.equal(document.getText(), result.markdown);
    assert.match(result.markdown, /every finite bfloat16 value \(65,280 inputs\)/);
    assert.match(result.markdown, /\| `gelu_ggml` /);
    assert.match(result.markdown, /torch\.testing\.assert_close\(actual\.float\(\), expected\.float\(\), atol=/);
  });

  it('refuses an unknown implementation id with a message and opens nothing', async () => {
    const before = vscode.window.visibleTextEditors.length;
    const result = await vscode.commands.executeCommand<CompareResult | undefined>(COMMAND, { ids: ['constructor'], format: 'bfloat16' });
    assert.equal(result, undefined);
    assert.equal(vscode.window.visibleTextEditors.length, before);
  });
});
