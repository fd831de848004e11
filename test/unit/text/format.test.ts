import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeSpan, csvTable, escapeMarkdown, formatNumber, formatSignificant, formatUlps, markdownTable, raw, truncateMiddle } from '../../../src/text/format';

describe('format: numbers', () => {
  it('prints the shortest round-trip digits, −0 as 0, tiny and huge in exponent form', () => {
    assert.equal(formatNumber(0.5), '0.5');
    assert.equal(formatNumber(-0), '0');
    assert.equal(formatNumber(0.1 + 0.2), '0.30000000000000004');
    assert.equal(formatNumber(1e-5), '1e-5');
    assert.equal(formatNumber(-1.0964e-314), '-1.0964e-314');
    assert.equal(formatNumber(5e-324), '5e-324');
    assert.equal(formatNumber(1e21), '1e21');
    assert.equal(formatNumber(2 ** 53), '9007199254740992');
    assert.equal(formatNumber(1e16), '1e16');
    assert.equal(formatNumber(1e-4), '0.0001');
    assert.equal(formatNumber(Infinity), 'Infinity');
    assert.equal(formatNumber(-Infinity), '-Infinity');
    assert.equal(formatNumber(NaN), 'NaN');
  });

  it('round-trips every double but −0 (property)', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const back = Number(formatNumber(x));
        assert.ok(Object.is(back, x) || (Object.is(x, -0) && back === 0) || (Number.isNaN(x) && Number.isNaN(back)), `${x} → ${formatNumber(x)}`);
      }),
      { numRuns: 5000 },
    );
  });

  it('prints significant digits without trailing zeros', () => {
    assert.equal(formatSignificant(0.000471234, 2), '0.00047');
    assert.equal(formatSignificant(-1.7e-5, 2), '-1.7e-5');
    assert.equal(formatSignificant(2.5, 3), '2.5');
    assert.equal(formatSignificant(123456, 2), '120000');
    assert.equal(formatSignificant(3.1e11, 2), '310000000000');
    assert.equal(formatSignificant(3.1e17, 2), '3.1e17');
    assert.equal(formatSignificant(0, 2), '0');
    assert.equal(formatUlps(0.5), '0.5');
    assert.equal(formatUlps(-12), '12');
    assert.equal(formatUlps(123456), '123456');
    assert.equal(formatUlps(3.14e11), '3.1e11');
  });

  it('truncates in the middle', () => {
    assert.equal(truncateMiddle('short', 10), 'short');
    const t = truncateMiddle('1'.repeat(100_000), 40);
    assert.equal(t.length, 40);
    assert.ok(t.includes('…'));
  });
});

describe('format: Markdown and CSV', () => {
  it('escapes inline Markdown and table pipes', () => {
    assert.equal(escapeMarkdown('a|b*c_d[e](f)<g>'), 'a\\|b\\*c\\_d\\[e\\](f)\\<g\\>');
    assert.equal(escapeMarkdown('line\nbreak'), 'line break');
    assert.equal(codeSpan('x'), '`x`');
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('`x'), '`` `x ``');
  });

  it('builds a GFM table, padded on request, with raw cells kept', () => {
    const t = markdownTable(['x', 'f|g'], [['1', raw('`a|b`')], ['-2.5']], { align: ['right', 'left'] });
    assert.equal(t, ['| x | f\\|g |', '| --: | --- |', '| 1 | `a\\|b` |', '| -2.5 |  |'].join('\n'));
    const padded = markdownTable(['x', 'y'], [['1', '22'], ['333', '4']], { align: ['right', 'left'], pad: true }).split('\n');
    assert.deepEqual(padded, ['|   x | y   |', '| --: | --- |', '|   1 | 22  |', '| 333 | 4   |']);
    const centred = markdownTable(['a', 'b', 'c'], [['wide cell', '', '1']], { align: ['center', 'left'], pad: true }).split('\n');
    assert.deepEqual(centred, ['| a         | b   | c   |', '| :-------: | --- | --- |', '| wide cell |     | 1   |']);
  });

  it('writes RFC 4180 CSV', () => {
    assert.equal(csvTable(['x', 'a,b'], [['1', 'say "hi"'], ['2', ' padded']]), 'x,"a,b"\r\n1,"say ""hi"""\r\n2," padded"\r\n');
  });
});
