import * as assert from 'node:assert/strict';
import { frameworkHoverAt } from '../../../src/hover/frameworkHoverModel';
import { sparklineSvg } from '../../../src/hover/sparkline';
import { literalsIn } from '../../../src/text/scanner';

/** The SVG texts of the `data:image/svg+xml;base64,` images of a hover. */
function svgsOf(markdown: string): string[] {
  return [...markdown.matchAll(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1] as string, 'base64').toString('utf8'));
}

describe('hover robustness (issue 10 §5)', () => {
  it('a framework hover over approximate=constructor or __proto__ explains the default instead of throwing', () => {
    for (const [text, column] of [
      ['F.gelu(x, approximate=constructor)', 3],
      ["nn.GELU(approximate='__proto__')", 4],
      ['jax.nn.gelu(x, approximate=toString)', 8],
      ['jax.nn.gelu(x, hasOwnProperty)', 8],
    ] as const) {
      const h = frameworkHoverAt(text, column, 'python');
      assert.ok(h, text);
      assert.match(h.markdown, /not a literal: assuming the default/, text);
    }
  });

  it('reads octal 0o1 followed by 341 zeros as 2^1023, not as +∞', () => {
    const finite = literalsIn(`0o1${'0'.repeat(341)}`).literals[0];
    assert.equal(finite?.value, 2 ** 1023);
    assert.equal(finite?.note, undefined);
    const over = literalsIn(`0o1${'0'.repeat(342)}`).literals[0];
    assert.equal(over?.value, Infinity);
    assert.equal(over?.note, 'overflow');
    // The largest octal integer below 2^1024 that still rounds to a finite double.
    assert.equal(literalsIn(`0o1${'7'.repeat(341)}`).literals[0]?.value, Infinity);
    assert.equal(literalsIn(`0o${'7'.repeat(341)}`).literals[0]?.value, Number(BigInt(`0o${'7'.repeat(341)}`)));
  });

  it('a sparkline of huge values stays a valid drawing (no NaN in the SVG)', () => {
    const xs = Float64Array.of(-4, -2, 0, 2, 4);
    const svg = sparklineSvg({ xs, series: [{ ys: Float64Array.of(-1.7e308, -1e308, 0, 1e308, 1.7e308), color: '#3794ff' }] });
    assert.doesNotMatch(svg, /NaN|Infinity/);
    assert.match(svg, /<path d="M/);
  });

  it('ggml_leaky_relu(ctx, a, 1e308): the out-of-range slope is refused with its range, and nothing is drawn for it', () => {
    const h = frameworkHoverAt('ggml_leaky_relu(ctx, a, 1e308, false)', 5, 'c');
    assert.ok(h);
    assert.match(h.markdown, /no values for these arguments: Leaky ReLU: .* must be between 0 and 1 \(got 1e\+308\)/);
    assert.deepEqual(svgsOf(h.markdown), []);
    const inRange = frameworkHoverAt('ggml_leaky_relu(ctx, a, 0.1, false)', 5, 'c');
    assert.ok(inRange);
    assert.doesNotMatch(inRange.markdown, /no values/);
    const [svg] = svgsOf(inRange.markdown);
    assert.ok(svg);
    assert.doesNotMatch(svg, /NaN|Infinity/);
  });

  it('a gated call with a parameter outside its range is refused the same way (SwigluOAIAndMul(limit=1e6))', () => {
    const h = frameworkHoverAt('act = SwigluOAIAndMul(alpha=1.702, limit=1e6)', 8, 'python');
    assert.ok(h);
    assert.match(h.markdown, /no values for these arguments: .*must be between .*\(got 1000000\)/);
    assert.deepEqual(svgsOf(h.markdown), []);
    const ok = frameworkHoverAt('act = SwigluOAIAndMul(alpha=1.702, limit=7)', 8, 'python');
    assert.ok(ok);
    assert.doesNotMatch(ok.markdown, /no values/);
  });
});
