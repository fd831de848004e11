import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { generateSnippet, type ResolvedOptions } from '../../../src/snippets';

const EXTENSION_ID = 'gelu-lab.gelu-lab';
const COMMAND = 'geluLab.insertSnippet';

interface InsertResult {
  readonly options: ResolvedOptions;
  readonly languageId: string;
  readonly uri: string;
  readonly plainCode: string;
  readonly newDocument: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.file(path.join(folder.uri.fsPath, relative));
}

async function openEditor(relative: string, languageId: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(relative));
  const editor = await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, languageId);
  assert.equal(doc.getText(), '', `${relative} starts empty`);
  return editor;
}

/**
 * Runs the command with no argument and answers its quick picks as a person pressing Enter
 * would: `acceptSelectedQuickOpenItem` every 300 ms until the command settles (with no pick
 * open, accepting does nothing). `firstPickMoves` presses Down that many times in the first
 * pick before accepting it.
 */
async function runThroughPicks(firstPickMoves = 0): Promise<InsertResult | undefined> {
  let settled = false;
  const pending = vscode.commands.executeCommand<InsertResult | undefined>(COMMAND).then((r) => {
    settled = true;
    return r;
  });
  // The first pick opens within a few hundred ms of the command; give it time before moving.
  await sleep(1_500);
  for (let i = 0; i < firstPickMoves; i++) {
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await sleep(200);
  }
  const deadline = Date.now() + 30_000;
  while (!settled && Date.now() < deadline) {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await sleep(300);
  }
  assert.ok(settled, 'the command finished after its picks were answered');
  return pending;
}

async function revertAndClose(): Promise<void> {
  for (let i = 0; i < 20 && vscode.window.activeTextEditor; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

describe('snippets: Insert GELU Code…', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
  });

  afterEach(revertAndClose);

  it('with an options argument, inserts without asking (PyTorch module, exact GELU, derivative)', async () => {
    const editor = await openEditor('snippets/empty.py', 'python');
    const options = { variant: 'gelu', target: 'pytorch', withDerivative: true, form: 'module' } as const;
    const result = await vscode.commands.executeCommand<InsertResult | undefined>(COMMAND, options);
    assert.ok(result, 'the command reports what it inserted');
    const expected = generateSnippet(options).plainCode;
    assert.equal(result.plainCode, expected);
    assert.equal(result.newDocument, false);
    assert.equal(editor.document.getText(), expected, 'the editor holds exactly the generated code');
    assert.match(editor.document.getText(), /class GELUFunction\(torch\.autograd\.Function\)/);
  });

  it('through the quick picks in an empty Python file: exact → PyTorch → with derivative → nn.Module', async () => {
    // The previous test remembered exact / PyTorch / derivative / module as the last choices,
    // so pressing Enter at each pick takes them; the Python editor offers PyTorch first anyway.
    const editor = await openEditor('snippets/empty.py', 'python');
    const result = await runThroughPicks();
    assert.ok(result, 'the picks were answered and the code inserted');
    assert.equal(result.options.variant, 'gelu');
    assert.equal(result.options.target, 'pytorch');
    assert.equal(result.options.withDerivative, true);
    assert.equal(result.options.form, 'module');
    const expected = generateSnippet({ variant: 'gelu', target: 'pytorch', withDerivative: true, form: 'module' }).plainCode;
    assert.equal(editor.document.getText(), expected);
  });

  it('through the quick picks in an empty TypeScript file: Down once picks the tanh form, the target follows the language', async () => {
    const editor = await openEditor('snippets/empty.ts', 'typescript');
    const result = await runThroughPicks(1);
    assert.ok(result, 'the picks were answered and the code inserted');
    assert.equal(result.options.variant, 'gelu_tanh', 'Down moved from the remembered exact GELU to the tanh form');
    assert.equal(result.options.target, 'typescript', 'the TypeScript editor offers TypeScript first');
    const expected = generateSnippet({ variant: 'gelu_tanh', target: 'typescript', withDerivative: true, vectorised: false }).plainCode;
    assert.equal(editor.document.getText(), expected);
    assert.match(editor.document.getText(), /function geluGrad\(x: number\): number/);
  });

  it('with no editor open, opens an untitled document of the target language (CUDA)', async () => {
    await revertAndClose();
    const result = await vscode.commands.executeCommand<InsertResult | undefined>(COMMAND, { variant: 'gelu', target: 'cuda', withDerivative: false, precision: 'float' });
    assert.ok(result);
    assert.equal(result.newDocument, true);
    assert.equal(result.languageId, 'cuda-cpp');
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc?.isUntitled);
    assert.equal(doc.getText(), generateSnippet({ variant: 'gelu', target: 'cuda', precision: 'float' }).plainCode);
    assert.match(doc.getText(), /__global__ void gelu_kernel\(/);
  });

  it('with several cursors, inserts the code once at the primary cursor: one import, one definition', async () => {
    const editor = await openEditor('snippets/empty.py', 'python');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '\n\n\n'));
    editor.selections = [new vscode.Selection(0, 0, 0, 0), new vscode.Selection(2, 0, 2, 0), new vscode.Selection(3, 0, 3, 0)];
    const result = await vscode.commands.executeCommand<InsertResult | undefined>(COMMAND, { variant: 'gelu_tanh', target: 'pytorch', withDerivative: false, form: 'function' });
    assert.ok(result, 'the command reports what it inserted');
    const text = editor.document.getText();
    assert.equal(text.match(/^import torch$/gm)?.length, 1, `one import:\n${text}`);
    assert.equal(text.match(/^def gelu\(/gm)?.length, 1, 'one definition');
    assert.ok(text.startsWith(result.plainCode), 'at the primary cursor (the first line)');
  });

  it('in a read-only editor, says so and inserts nothing', async () => {
    const editor = await openEditor('snippets/empty.py', 'python');
    await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
    try {
      const result = await vscode.commands.executeCommand<InsertResult | undefined>(COMMAND, { variant: 'gelu', target: 'pytorch', withDerivative: false, form: 'function' });
      assert.equal(result, undefined, 'no success reported');
      assert.equal(editor.document.getText(), '', 'the text is unchanged');
      assert.equal(editor.document.isDirty, false);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.resetActiveEditorReadonlyInSession');
    }
  });

  it('refuses a bad argument with a message, not a throw', async () => {
    const result = await vscode.commands.executeCommand<InsertResult | undefined>(COMMAND, { variant: 'gelu', target: 'cobol' });
    assert.equal(result, undefined);
    const impossible = await vscode.commands.executeCommand<InsertResult | undefined>(COMMAND, { variant: 'gelu', target: 'c', form: 'module' });
    assert.equal(impossible, undefined);
  });
});
