import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, hoverPartText, hoversAt, workspaceUri } from './workspace';

/** GELU Lab's diagnostics on `uri`, waiting for them to appear (they follow the open). */
async function geluDiagnostics(uri: vscode.Uri, atLeast: number, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'GELU Lab');
    if (ours.length >= atLeast || Date.now() > end) return ours;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function hoverText(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  return (await hoversAt(doc, position)).flatMap((h) => h.contents.map(hoverPartText)).join('\n---\n');
}

describe('model config.json', function () {
  this.timeout(60_000);

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a Gemma config with hidden_act "gelu": hover lists every stack with sources, a warning states the gap and offers the fix', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('models/gemma/config.json'));
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf('"gelu"') + 2);
    const md = await hoverText(doc, at);
    assert.match(md, /PR \\#29402/);
    assert.match(md, /\| vLLM \|/);
    assert.match(md, /\| text-embeddings-inference \|/);
    assert.match(md, /command:geluLab\.compareModelActivations/);

    const [d] = await geluDiagnostics(doc.uri, 1);
    assert.ok(d, 'one diagnostic');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /gelu_pytorch_tanh/);
    assert.match(d.message, /max \|Δ\| = 4\.73e-4/);
    assert.equal(doc.getText(d.range), '"gelu"');
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range)) ?? [];
    assert.ok(actions.some((a) => a.title.startsWith('Set hidden_act to "gelu_pytorch_tanh"')), actions.map((a) => a.title).join(', '));
  });

  it('a CLIP config: information on the vision tower only; a Llama config and plain JSON stay quiet', async () => {
    const clip = await vscode.workspace.openTextDocument(workspaceUri('models/clip/config.json'));
    const diags = await geluDiagnostics(clip.uri, 1);
    assert.equal(diags.length, 1);
    assert.equal(diags[0]?.severity, vscode.DiagnosticSeverity.Information);
    assert.match(diags[0]?.message ?? '', /quick_gelu/);

    const llama = await vscode.workspace.openTextDocument(workspaceUri('models/llama/config.json'));
    const other = await vscode.workspace.openTextDocument(workspaceUri('models/other/data.json'));
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(vscode.languages.getDiagnostics(llama.uri).filter((d) => d.source === 'GELU Lab'), []);
    assert.deepEqual(vscode.languages.getDiagnostics(other.uri).filter((d) => d.source === 'GELU Lab'), []);
    assert.doesNotMatch(await hoverText(other, other.positionAt(other.getText().indexOf('not_a_function') + 2)), /ACT2FN/);
  });
});
