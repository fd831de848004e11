import * as assert from 'node:assert/strict';
import { activations, approximationError, linspace, normalCdf, ulpOf } from '../../../src/core';
import { formatNumber, formatSignificant } from '../../../src/text/format';
import type { FunctionId } from '../../../src/core/types';
import { frameworkHoverAt } from '../../../src/hover/frameworkHoverModel';
import { NUMBER_HOVER_COMMANDS, numberHoverAt, selectionHover } from '../../../src/hover/numberHoverModel';
import { evaluateAll, evaluationReport, parseCopyValuesArgs, valuesTable } from '../../../src/hover/valuesModel';
import { skipWithoutReference, unaryReferenceLines } from '../../support/reference';

const settings = { functions: ['gelu', 'gelu_tanh', 'gelu_sigmoid'] as FunctionId[], maxValues: 64 };

/** The cells of the Markdown table row whose first cell starts with `label`. */
function row(markdown: string, label: string): string[] {
  const line = markdown.split('\n').find((l) => l.startsWith(`| ${label}`));
  assert.ok(line, `a row for ${label} in\n${markdown}`);
  return line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
}

/** Decodes the arguments of every `command:` link to `command`. */
function commandArgs(markdown: string, command: string): unknown[][] {
  return [...markdown.matchAll(new RegExp(`\\(command:${command.replace('.', '\\.')}\\?([^ )]+)`, 'g'))].map((m) => JSON.parse(decodeURIComponent(m[1] as string)) as unknown[]);
}

describe('number hover model', () => {
  it('shows x, Φ(x), f, f′ and the error against GELU, as the core computes them', () => {
    const h = numberHoverAt('y = gelu(0.5)', 9, 'python', settings);
    assert.ok(h);
    assert.deepEqual([h.start, h.end, h.values], [9, 12, [0.5]]);
    assert.ok(h.markdown.startsWith(`**x = 0.5** · Φ(x) = ${formatNumber(normalCdf(0.5))}`));
    for (const id of settings.functions) {
      const cells = row(h.markdown, activations[id].label.replace(/[()]/g, (c) => c));
      assert.equal(Number(cells[1]), activations[id].f(0.5), id);
      assert.equal(Number(cells[2]), activations[id].df(0.5), id);
    }
    const tanhError = approximationError('gelu_tanh', Float64Array.of(0.5)).abs[0] as number;
    assert.ok(row(h.markdown, 'GELU (tanh')[3]?.startsWith(formatSignificant(tanhError, 2)));
    assert.deepEqual(commandArgs(h.markdown, 'geluLab.plotAtX'), [[0.5]]);
    const copy = commandArgs(h.markdown, 'geluLab.copyValues');
    assert.equal(copy.length, 2);
    assert.deepEqual(copy[0], [{ values: ['0.5'], functions: settings.functions, format: 'markdown' }]);
    for (const m of h.markdown.matchAll(/\(command:([\w.]+)/g)) assert.ok(NUMBER_HOVER_COMMANDS.includes(m[1] as string), m[1]);
  });

  it('prints values that match the 120-digit reference (hover at the reference x)', function () {
    skipWithoutReference(this);
    const picks = unaryReferenceLines().filter((r) => ['gelu', 'gelu_tanh', 'gelu_sigmoid'].includes(r.fn) && Math.abs(Number(r.x)) <= 3 && r.x.length < 22).slice(0, 60);
    assert.ok(picks.length >= 20);
    const label: Record<string, string> = { gelu: 'GELU (exact)', gelu_tanh: 'GELU (tanh', gelu_sigmoid: 'GELU (sigmoid' };
    let worst = 0;
    for (const r of picks) {
      const line = `x = ${r.x}`;
      const h = numberHoverAt(line, 5, 'python', settings);
      assert.ok(h, r.x);
      const cells = row(h.markdown, label[r.fn] as string);
      for (const [cell, ref] of [[cells[1], r.y], [cells[2], r.dy]] as const) {
        const shown = Number(cell);
        const exact = Number(ref);
        const ulps = Math.abs(shown - exact) / ulpOf(exact);
        worst = Math.max(worst, ulps);
        assert.ok(ulps <= 4 || Math.abs(shown - exact) <= 2 ** -53, `${r.fn}(${r.x}): shown ${cell}, reference ${ref} (${ulps.toFixed(1)} ulp)`);
      }
    }
  });

  it('evaluates a selected list element by element, with first-N-of-M beyond the limit', () => {
    const h = selectionHover('[-3, -1, 0, 1, 3]', 'python', settings);
    assert.ok(h);
    assert.deepEqual(h.values, [-3, -1, 0, 1, 3]);
    assert.match(h.markdown, /5 values/);
    for (const x of [-3, -1, 0, 1, 3]) {
      const cells = row(h.markdown, formatNumber(x));
      assert.equal(Number(cells[2]), activations.gelu.f(x));
    }
    const many = selectionHover(Array.from({ length: 10_000 }, (_, i) => i).join(','), 'plaintext', settings);
    assert.ok(many);
    assert.match(many.markdown, /first 64 of 10000 values/);
    assert.equal(many.values.length, 64);
    assert.match(many.markdown, /Only the first 64 values are shown/);
    const huge = selectionHover(`1 2 ${' '.repeat(1_000_000)} 3`, 'plaintext', settings);
    assert.match(huge?.markdown ?? '', /first 2 of at least 2 values/);
    assert.match(huge?.markdown ?? '', /longer than 1,000,000 characters: only its beginning was read/);
    assert.doesNotMatch(huge?.markdown ?? '', /Only the first/);
    // Infinities agree with GELU exactly: the largest error is 0, with no "at x = ∞".
    const infinite = selectionHover('[np.inf, -np.inf]', 'python', settings)?.markdown ?? '';
    assert.match(infinite, /GELU tanh 0; QuickGELU 0\./);
  });

  it('treats a selection holding one number like a hover on it', () => {
    const h = selectionHover('  -2.5 ', 'python', settings);
    assert.ok(h?.markdown.startsWith('`-2.5` → **x = -2.5**') || h?.markdown.startsWith('**x = -2.5**'));
  });

  it('gives a sensible hover or none on hostile input', () => {
    const inf = numberHoverAt('x = 1e309', 5, 'python', settings);
    assert.match(inf?.markdown ?? '', /beyond the largest double/);
    assert.ok(!(inf?.markdown ?? '').includes('geluLab.plotAtX'), 'no plot link for x = ∞');
    assert.match(numberHoverAt('x = 1e-400', 5, 'python', settings)?.markdown ?? '', /underflow/);
    assert.equal(numberHoverAt('x = NaN', 5, 'python', settings), undefined);
    assert.deepEqual(numberHoverAt('y = --5', 6, 'c', settings)?.values, [5]);
    assert.equal(selectionHover('\u0000\u0001\u0002\u0003\u0004 12 \ufffd', 'plaintext', settings), undefined);
    assert.equal(selectionHover('no numbers here', 'plaintext', settings), undefined);
    assert.deepEqual(selectionHover('1 2 3', 'plaintext', { ...settings, maxValues: NaN })?.values, [1, 2, 3]);
    assert.ok(Number.isNaN(selectionHover('NaN', 'plaintext', settings)?.values[0]));
    const long = '1'.repeat(100_000);
    const h = numberHoverAt(long, 50_000, 'plaintext', settings);
    assert.ok(h && h.markdown.length < 5000, 'a 100,000-digit literal is quoted shortened');
    assert.equal(numberHoverAt('x = 0.5', 5, 'python', { ...settings, functions: [] }), undefined);
  });
});

describe('values table and copy arguments', () => {
  it('writes Markdown and CSV with f, f′ and errors, absolute and relative (not float64 ulps)', () => {
    const ids: FunctionId[] = ['gelu', 'gelu_sigmoid', 'silu'];
    const rows = evaluateAll([0.5, -0, Infinity], ids);
    const csv = valuesTable(rows, ids, 'csv').trimEnd().split('\r\n');
    assert.equal(csv[0], 'x,Φ(x),GELU f(x),GELU f′(x),QuickGELU f(x),QuickGELU f′(x),QuickGELU error,QuickGELU error (relative),SiLU / Swish f(x),SiLU / Swish f′(x)');
    const first = (csv[1] as string).split(',').map(Number);
    assert.equal(first[2], activations.gelu.f(0.5));
    assert.equal(first[4], activations.gelu_sigmoid.f(0.5));
    assert.equal(first[6], activations.gelu_sigmoid.f(0.5) - activations.gelu.f(0.5));
    assert.equal(first[7], (activations.gelu_sigmoid.f(0.5) - activations.gelu.f(0.5)) / activations.gelu.f(0.5));
    assert.doesNotMatch(valuesTable(rows, ids, 'markdown'), /ulp/);
    assert.equal((csv[2] as string).split(',')[0], '0');
    assert.equal((csv[3] as string).split(',')[0], 'Infinity');
    assert.match(valuesTable(rows, ids, 'markdown'), /^\| +x \| +Φ\(x\) \|/);
  });

  it('validates copy arguments, which arrive through command URIs', () => {
    assert.deepEqual(parseCopyValuesArgs({ values: ['0.5', '-0', 'Infinity', 'NaN'], functions: ['gelu'], format: 'csv' }), { xs: [0.5, -0, Infinity, NaN], functions: ['gelu'], format: 'csv' });
    for (const bad of [undefined, null, 3, {}, { values: [] }, { values: [1], functions: ['gelu'] }, { values: ['x'], functions: ['gelu'] }, { values: ['1'], functions: ['nope'] }, { values: ['1'], functions: ['gelu'], format: 'html' }, { values: Array(1001).fill('1'), functions: ['gelu'] }]) {
      assert.equal(typeof parseCopyValuesArgs(bad), 'string', JSON.stringify(bad)?.slice(0, 60));
    }
  });

  it('writes the evaluation document, or says why not', () => {
    const r = evaluationReport('[-3, -1, 0, 1, 3]', 'python', ['gelu'], 'sample.py, line 3');
    assert.ok(typeof r !== 'string');
    assert.deepEqual(r.xs, [-3, -1, 0, 1, 3]);
    assert.match(r.markdown, /^# GELU Lab: evaluation of 5 values\n\nSource: sample\.py, line 3/);
    assert.ok(r.markdown.includes(formatNumber(activations.gelu.f(-3))));
    assert.match(evaluationReport('abc', 'python', ['gelu'], '') as string, /no numbers/);
    assert.match(evaluationReport('\u0000\u0001\u0002\u0003\u0004', 'python', ['gelu'], '') as string, /binary/);
  });
});

describe('framework hover model', () => {
  it('explains jax.nn.gelu: the tanh form by default, its error against GELU, a sparkline', () => {
    const h = frameworkHoverAt('y = jax.nn.gelu(x)', 12);
    assert.ok(h);
    const md = h.markdown;
    assert.match(md, /^\*\*jax\.nn\.gelu\*\* · JAX · \[docs\]\(https:\/\/docs\.jax\.dev\//);
    assert.ok(md.includes(activations.gelu_tanh.formula.text));
    assert.match(md, /Default: `approximate=True`/);
    const xs = linspace(-8, 8, 3201);
    const e = approximationError('gelu_tanh', xs).maxAbs;
    assert.ok(md.includes(`up to ${formatSignificant(e.value, 2)}`), md);
    assert.match(md, /!\[[^\]]*\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
  });

  it('follows the arguments: approximate=False is exact GELU', () => {
    const h = frameworkHoverAt('y = jax.nn.gelu(x, approximate=False)', 12);
    assert.match(h?.markdown ?? '', /Computes \*\*GELU \\\(exact\\\)\*\*|Computes \*\*GELU \(exact\)\*\*/);
    assert.match(h?.markdown ?? '', /Read from the call: `approximate=False`/);
    assert.match(h?.markdown ?? '', /no approximation error/);
  });

  it('names the framework default where it differs from GELU Lab’s', () => {
    const h = frameworkHoverAt('y = tf.nn.leaky_relu(x)', 12);
    assert.match(h?.markdown ?? '', /a = 0\.2 .*TensorFlow's default; GELU Lab's default is 0\.01/);
  });
});
