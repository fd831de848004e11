import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, hoverPartText, hoversAt, workspaceUri } from './workspace';

/**
 * True values (120-digit arithmetic, 30 digits kept) from shared/reference/activations.jsonl,
 * the independent reference the hover must match.
 */
const REFERENCE = {
  gelu: new Map<number, number>([
    [-3, Number('-4.04969409489028357995544430278e-3')],
    [-1, Number('-1.58655253931457051414767454368e-1')],
    [0.5, Number('3.45731230637006551818852305304e-1')],
    [1, Number('8.41344746068542948585232545632e-1')],
    [3, Number('2.9959503059051097164200445557')],
  ]),
  geluPrime05: Number('8.67495124656162842525044831407e-1'),
  geluTanh05: Number('3.45714009825143922037757257365e-1'),
};

/** Whether `shown` is within `ulps` units in the last place of the reference `exact`. */
function near(shown: number, exact: number, ulps = 2): boolean {
  const e = Math.abs(exact);
  const ulp = e < 2 ** -1022 ? 2 ** -1074 : 2 ** (Math.floor(Math.log2(e)) - 52);
  return Math.abs(shown - exact) <= ulps * ulp;
}

/** The position of the `nth` occurrence (0-based) of `marker` in the document, plus `offset`. */
function positionOf(doc: vscode.TextDocument, marker: string, offset = 0, nth = 0): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(marker, at + 1);
  assert.ok(at >= 0, `${marker} is in ${doc.uri.path}`);
  return doc.positionAt(at + offset);
}

/** The Markdown of GELU Lab's hovers at `position` (other providers' hovers are left out). */
async function geluHover(doc: vscode.TextDocument, position: vscode.Position): Promise<{ markdown: string; ranges: vscode.Range[] }> {
  const ours = (await hoversAt(doc, position)).filter((h) => h.contents.some((c) => /GELU|Φ\(x\)/.test(hoverPartText(c))));
  return {
    markdown: ours.map((h) => h.contents.map(hoverPartText).join('\n')).join('\n---\n'),
    ranges: ours.flatMap((h) => (h.range ? [h.range] : [])),
  };
}

/** The numbers in the row of the Markdown table whose first cell starts with `label`. */
function rowNumbers(markdown: string, label: string): number[] {
  const line = markdown.split('\n').find((l) => l.startsWith(`| ${label}`));
  assert.ok(line, `a row "${label}" in:\n${markdown}`);
  return line
    .split(/(?<!\\)\|/)
    .slice(2, -1)
    .map((c) => Number(c.trim().split(' ')[0]));
}

describe('hover', function () {
  this.timeout(60_000);

  const settle = () => new Promise((r) => setTimeout(r, 300));

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    // Most tests here check how numbers are read, so every number gets a hover; the test
    // "by default…" checks the default, "selection".
    await vscode.workspace.getConfiguration('geluLab').update('hover.numbers', 'always', vscode.ConfigurationTarget.Global);
    await settle();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('geluLab').update('hover.numbers', undefined, vscode.ConfigurationTarget.Global);
  });

  it('by default (hover.numbers: "selection") ordinary numbers stay quiet; selections and activation-call arguments answer', async () => {
    const config = vscode.workspace.getConfiguration('geluLab');
    const py = await vscode.workspace.openTextDocument(workspaceUri('hover/sample.py'));
    const txt = await vscode.workspace.openTextDocument(workspaceUri('hover/notes.txt'));
    const width = positionOf(py, 'width: int = 768', 'width: int = 7'.length);
    const threshold = positionOf(py, 'THRESHOLD = 0.5', 'THRESHOLD = 0'.length);
    const inCall = positionOf(py, 'F.gelu(torch.tensor(0.5)', 'F.gelu(torch.tensor(0'.length);
    const slope = positionOf(py, 'nn.LeakyReLU(negative_slope=0.2)', 'nn.LeakyReLU(negative_slope=0'.length);
    const hexFloat = positionOf(txt, '0x1p-3', 2);
    const plainLanguage = vscode.workspace.getConfiguration('geluLab', { languageId: 'plaintext' });
    try {
      await config.update('hover.numbers', undefined, vscode.ConfigurationTarget.Global);
      await settle();
      assert.equal((await geluHover(py, width)).markdown, '', '768 in a signature gets no hover');
      assert.equal((await geluHover(py, threshold)).markdown, '', 'a constant gets no hover');
      assert.match((await geluHover(py, inCall)).markdown, /\*\*x = 0\.5\*\*/, 'a number in F.gelu( arguments');
      assert.match((await geluHover(py, slope)).markdown, /\*\*x = 0\.2\*\*/, 'a number in nn.LeakyReLU( arguments');
      const editor = await vscode.window.showTextDocument(py);
      const start = positionOf(py, '[-3, -1, 0, 1, 3]');
      editor.selection = new vscode.Selection(start, start.translate(0, '[-3, -1, 0, 1, 3]'.length));
      assert.match((await geluHover(py, start.translate(0, 5))).markdown, /5 values/, 'a selection answers');
      editor.selection = new vscode.Selection(width, width);
      // Framework-call hovers are unchanged.
      assert.match((await geluHover(py, positionOf(py, 'jax.nn.gelu(x)', 'jax.nn.ge'.length))).markdown, /\*\*jax\.nn\.gelu\*\*/);

      // A language override: every number in plain text, still quiet in Python.
      await plainLanguage.update('hover.numbers', 'always', vscode.ConfigurationTarget.Global, true);
      await settle();
      assert.match((await geluHover(txt, hexFloat)).markdown, /x = 0\.125/, '"[plaintext]": { "geluLab.hover.numbers": "always" }');
      assert.equal((await geluHover(py, width)).markdown, '', 'the override is for plain text only');

      await config.update('hover.numbers', 'always', vscode.ConfigurationTarget.Global);
      await settle();
      assert.match((await geluHover(py, width)).markdown, /\*\*x = 768\*\*/, '"always" restores every number');
      await config.update('hover.numbers', 'off', vscode.ConfigurationTarget.Global);
      await settle();
      assert.equal((await geluHover(py, inCall)).markdown, '', '"off": no number hover');
      assert.match((await geluHover(py, positionOf(py, 'jax.nn.gelu(x)', 'jax.nn.ge'.length))).markdown, /\*\*jax\.nn\.gelu\*\*/, '"off" keeps framework hovers');
    } finally {
      await plainLanguage.update('hover.numbers', undefined, vscode.ConfigurationTarget.Global, true);
      await config.update('hover.numbers', 'always', vscode.ConfigurationTarget.Global);
      await settle();
    }
  });

  it('Evaluate at x… shows its answer in an evaluation document', async () => {
    const pending = vscode.commands.executeCommand<{ id: string; f: number }[]>('geluLab.evaluate');
    // The input box opens with x = 1; accept it.
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const rows = await pending;
    assert.ok(rows);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, 'gelu-lab');
    const text = editor.document.getText();
    assert.match(text, /^# GELU Lab: evaluation of 1 value/);
    const row = text.split('\n').find((l) => /^\|\s+1 \|/.test(l));
    assert.ok(row, text);
    assert.ok(near(Number(row.split('|')[3]?.trim()), REFERENCE.gelu.get(1) as number), row);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('evaluates a number in a Python file: x, Φ(x), f, f′ and errors, matching the reference', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('hover/sample.py'));
    const pos = positionOf(doc, 'THRESHOLD = 0.5', 'THRESHOLD = 0'.length);
    const { markdown, ranges } = await geluHover(doc, pos);
    assert.match(markdown, /\*\*x = 0\.5\*\* · Φ\(x\) = 0\.69146246127401/);
    const [f, df] = rowNumbers(markdown, 'GELU (exact)');
    assert.ok(near(f as number, REFERENCE.gelu.get(0.5) as number), `GELU(0.5) shown as ${f}`);
    assert.ok(near(df as number, REFERENCE.geluPrime05, 4), `GELU′(0.5) shown as ${df}`);
    const [t] = rowNumbers(markdown, 'GELU (tanh');
    assert.ok(near(t as number, REFERENCE.geluTanh05, 4), `tanh form at 0.5 shown as ${t}`);
    assert.match(markdown, /\[Plot at x\]\(command:geluLab\.plotAtX\?/);
    assert.match(markdown, /\[Copy values\]\(command:geluLab\.copyValues\?/);
    assert.equal(doc.getText(ranges[0]), '0.5');
  });

  it('reads literals as written: 1e-3 and a binary minus in TypeScript, a hex float in plain text', async () => {
    const ts = await vscode.workspace.openTextDocument(workspaceUri('hover/sample.ts'));
    assert.match((await geluHover(ts, positionOf(ts, '1e-3', 1))).markdown, /`1e-3` → \*\*x = 0\.001\*\*/);
    const minus = await geluHover(ts, positionOf(ts, 'x - 2', 4));
    assert.match(minus.markdown, /\*\*x = 2\*\*/);
    assert.match((await geluHover(ts, positionOf(ts, '-0.75', 2))).markdown, /\*\*x = -0\.75\*\*/);
    const txt = await vscode.workspace.openTextDocument(workspaceUri('hover/notes.txt'));
    assert.match((await geluHover(txt, positionOf(txt, '0x1p-3', 2))).markdown, /`0x1p-3` → \*\*x = 0\.125\*\*/);
    assert.equal((await geluHover(txt, positionOf(txt, '1.2.3', 2))).markdown, '', 'a version string is not a number');
  });

  it('evaluates a selected list element by element', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('hover/sample.py'));
    const editor = await vscode.window.showTextDocument(doc);
    const start = positionOf(doc, '[-3, -1, 0, 1, 3]');
    const end = start.translate(0, '[-3, -1, 0, 1, 3]'.length);
    editor.selection = new vscode.Selection(start, end);
    const { markdown, ranges } = await geluHover(doc, start.translate(0, 5));
    assert.match(markdown, /5 values/);
    for (const x of [-3, -1, 1, 3]) {
      const exact = REFERENCE.gelu.get(x) as number;
      const cells = rowNumbers(markdown, String(x));
      assert.ok(near(cells[1] as number, exact), `GELU(${x}) shown as ${cells[1]}`);
    }
    assert.ok(ranges[0]?.isEqual(new vscode.Range(start, end)), 'the hover covers the selection');
  });

  it('explains framework calls: jax.nn.gelu is the tanh form, approximate is read from the call', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('hover/sample.py'));
    const jaxDefault = await geluHover(doc, positionOf(doc, 'jax.nn.gelu(x)', 'jax.nn.ge'.length));
    assert.match(jaxDefault.markdown, /\*\*jax\.nn\.gelu\*\* · JAX/);
    assert.match(jaxDefault.markdown, /Computes \*\*GELU \(tanh approximation\)\*\*/);
    assert.match(jaxDefault.markdown, /Default: `approximate=True`/);
    assert.match(jaxDefault.markdown, /Differs from exact GELU by up to 0\.000/);
    assert.match(jaxDefault.markdown, /!\[[^\]]*\]\(data:image\/svg\+xml;base64,/);
    const jaxExact = await geluHover(doc, positionOf(doc, 'jax.nn.gelu(x, approximate=False)', 'jax.nn.ge'.length));
    assert.match(jaxExact.markdown, /Computes \*\*GELU \(exact\)\*\*/);
    const torch = await geluHover(doc, positionOf(doc, 'nn.GELU(approximate="tanh")', 4));
    assert.match(torch.markdown, /\*\*torch\.nn\.GELU\*\* · PyTorch/);
    assert.match(torch.markdown, /tanh approximation/);
    const hf = await geluHover(doc, positionOf(doc, 'ACT2FN["gelu_new"]', 'ACT2FN["ge'.length));
    assert.match(hf.markdown, /Hugging Face/);
    assert.match(hf.markdown, /NewGELUActivation/);
  });

  it('gives a sensible hover or none on hostile lines, quickly', async () => {
    let seed = 7;
    const junk = Array.from({ length: 20_000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String.fromCharCode(seed % 256);
    }).join('').replace(/[\r\n\u0085]/g, ' ');
    const lines = [
      '9'.repeat(100_000),
      Array.from({ length: 10_000 }, (_, i) => (i / 8).toString()).join(', '),
      'x = 1e309',
      'x = NaN',
      'y = --5',
      'x = 1e-400',
      junk,
    ];
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: lines.join('\n') });
    const hoverLine = async (line: number, character: number) => {
      const t0 = Date.now();
      const h = await geluHover(doc, new vscode.Position(line, character));
      return { ...h, ms: Date.now() - t0 };
    };
    const long = await hoverLine(0, 50_000);
    assert.match(long.markdown, /beyond the largest double/);
    assert.ok(long.ms < 3000, `100,000-digit line: ${long.ms} ms`);
    const many = await hoverLine(1, (lines[1] as string).indexOf('1249.875'));
    assert.match(many.markdown, /\*\*x = 1249\.875\*\*/);
    assert.match((await hoverLine(2, 5)).markdown, /beyond the largest double/);
    assert.equal((await hoverLine(3, 5)).markdown, '');
    assert.match((await hoverLine(4, 6)).markdown, /\*\*x = 5\*\*/);
    assert.match((await hoverLine(5, 5)).markdown, /underflow/);
    const j = await hoverLine(6, 10_000);
    assert.ok(j.ms < 3000, `binary junk: ${j.ms} ms`);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(1, 0, 1, (lines[1] as string).length);
    const selected = await hoverLine(1, 10);
    assert.match(selected.markdown, /first 64 of 10000 values/);
    editor.selection = new vscode.Selection(6, 0, 6, 20_000);
    assert.equal((await hoverLine(6, 10)).markdown, '', 'a selection of binary junk gets no hover');
  });

  it('Evaluate Selection opens a read-only table of the selected values', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('hover/sample.py'));
    const editor = await vscode.window.showTextDocument(doc);
    const start = positionOf(doc, '[-3, -1, 0, 1, 3]');
    editor.selection = new vscode.Selection(start, start.translate(0, '[-3, -1, 0, 1, 3]'.length));
    const result = await vscode.commands.executeCommand<{ uri: string; values: number[]; total: number }>('geluLab.evaluateSelection');
    assert.ok(result);
    assert.deepEqual(result.values, [-3, -1, 0, 1, 3]);
    const table = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
    const text = table.getText();
    assert.match(text, /^# GELU Lab: evaluation of 5 values/);
    const row = text.split('\n').find((l) => /^\|\s+1 \|/.test(l));
    assert.ok(row, text);
    const gelu1 = Number(row.split('|')[3]?.trim());
    assert.ok(near(gelu1, REFERENCE.gelu.get(1) as number), `GELU(1) in the table: ${gelu1}`);
    assert.equal(table.uri.scheme, 'gelu-lab');
    // The editor-title actions copy that document's full table, given its URI as VS Code passes it.
    const csv = await vscode.commands.executeCommand<string>('geluLab.copyEvaluationCsv', table.uri);
    assert.ok(csv);
    const csvRows = csv.trim().split('\r\n');
    assert.equal(csvRows.length, 6);
    assert.deepEqual(csvRows.slice(1).map((r) => Number(r.split(',')[0])), [-3, -1, 0, 1, 3]);
    assert.ok(near(Number(csvRows[5]?.split(',')[2]), REFERENCE.gelu.get(3) as number), csvRows[5]);
    const markdown = await vscode.commands.executeCommand<string>('geluLab.copyEvaluationMarkdown', table.uri);
    assert.match(markdown ?? '', /^\|\s+x \|/);
    // Another document is refused with a message, not a throw.
    assert.equal(await vscode.commands.executeCommand('geluLab.copyEvaluationCsv', doc.uri), undefined);
    // From the palette (no argument), the active editor's evaluation is copied.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), table.uri.toString());
    assert.equal(await vscode.commands.executeCommand<string>('geluLab.copyEvaluationCsv', 'not a uri'), csv);
  });

  it('Copy values puts Markdown or CSV on the clipboard and refuses bad arguments', async () => {
    const csv = await vscode.commands.executeCommand<string>('geluLab.copyValues', { values: ['0.5', '-0'], functions: ['gelu'], format: 'csv' });
    assert.ok(csv);
    // The browser may keep the system clipboard from a headless page; when it can be read, it holds the table.
    const clip = await vscode.env.clipboard.readText().then((t) => t, () => '');
    if (clip !== '') assert.equal(clip, csv);
    const rows = csv.trim().split('\r\n');
    assert.equal(rows[0], 'x,Φ(x),GELU f(x),GELU f′(x)');
    assert.ok(near(Number(rows[1]?.split(',')[2]), REFERENCE.gelu.get(0.5) as number));
    assert.equal(rows[2]?.split(',')[0], '0');
    assert.equal(await vscode.commands.executeCommand('geluLab.copyValues', { values: ['oops'], functions: ['gelu'] }), undefined);
  });

  it('follows the settings: disabled, or limited to some languages', async () => {
    const config = vscode.workspace.getConfiguration('geluLab');
    const py = await vscode.workspace.openTextDocument(workspaceUri('hover/sample.py'));
    const ts = await vscode.workspace.openTextDocument(workspaceUri('hover/sample.ts'));
    const pyPos = positionOf(py, 'THRESHOLD = 0.5', 'THRESHOLD = 0'.length);
    const tsPos = positionOf(ts, 'threshold = 0.5', 'threshold = 0'.length);
    try {
      await config.update('hover.enabled', false, vscode.ConfigurationTarget.Global);
      await settle();
      assert.equal((await geluHover(py, pyPos)).markdown, '');
      await config.update('hover.enabled', undefined, vscode.ConfigurationTarget.Global);
      await config.update('hover.languages', ['python'], vscode.ConfigurationTarget.Global);
      await settle();
      assert.match((await geluHover(py, pyPos)).markdown, /x = 0\.5/);
      assert.equal((await geluHover(ts, tsPos)).markdown, '');
      await config.update('hover.languages', [], vscode.ConfigurationTarget.Global);
      await settle();
      assert.equal((await geluHover(py, pyPos)).markdown, '', 'hover.languages: [] means no language');
      await config.update('hover.languages', ['python'], vscode.ConfigurationTarget.Global);
      await config.update('hover.functions', ['silu'], vscode.ConfigurationTarget.Global);
      await settle();
      const silu = (await geluHover(py, pyPos)).markdown;
      assert.match(silu, /SiLU/);
      assert.doesNotMatch(silu, /tanh approximation/);
    } finally {
      await config.update('hover.enabled', undefined, vscode.ConfigurationTarget.Global);
      await config.update('hover.languages', undefined, vscode.ConfigurationTarget.Global);
      await config.update('hover.functions', undefined, vscode.ConfigurationTarget.Global);
    }
    await settle();
    assert.match((await geluHover(ts, tsPos)).markdown, /x = 0\.5/);
    const tsOnly = vscode.workspace.getConfiguration('geluLab', { languageId: 'typescript' });
    try {
      await tsOnly.update('hover.enabled', false, vscode.ConfigurationTarget.Global, true);
      await settle();
      assert.equal((await geluHover(ts, tsPos)).markdown, '', '"[typescript]": { "geluLab.hover.enabled": false }');
      assert.match((await geluHover(py, pyPos)).markdown, /x = 0\.5/);
    } finally {
      await tsOnly.update('hover.enabled', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });
});
