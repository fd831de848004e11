/** The exact constants and the snippet-syntax helpers the generators rely on. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decimalString, literal, MATH, real, realOfDouble, split, sub, toDouble } from '../../../src/snippets/exact';
import { escapeSnippetText, resolvePlain, tabStop, toSnippetSyntax, wrapText } from '../../../src/snippets/emit';

describe('snippets: exact constants', function () {
  it('parses decimals exactly and rounds them once to double', function () {
    assert.equal(toDouble(real('1.702')), 1.702);
    assert.equal(toDouble(real('-4.4715e-2')), -0.044715);
    assert.equal(toDouble(real('1e-300')), 1e-300);
    assert.equal(decimalString(real('0.50')), '50e-2');
    assert.throws(() => real('abc'), /not a decimal/);
    assert.throws(() => real('.'), /not a decimal/);
  });

  it('holds every double exactly (property)', function () {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((v) => v === 0 || Math.abs(v) > 1e-12), (v) => {
        assert.equal(toDouble(realOfDouble(v)), v === 0 ? 0 : v);
      }),
    );
  });

  it('splits a constant into hi + lo with lo the rounded remainder', function () {
    // 1.702 is not a double: the tail is the difference, about 3.8e-17.
    const k = split(real('1.702'), 'double');
    assert.equal(k.hi, 1.702);
    assert.equal(k.lo, toDouble(sub(real('1.702'), realOfDouble(1.702))));
    assert.ok(Math.abs(k.lo) < 2 ** -52 && k.lo !== 0);
    // 1/√2 = 0.70710678118654752440…; the double is 0.7071067811865476 (above), the tail −4.83e-17.
    const r = split(real(MATH.rsqrt2), 'double');
    assert.equal(r.hi, Math.SQRT1_2);
    assert.ok(Math.abs(r.lo + 4.833646656726457e-17) < 1e-30);
    // In float the head is the binary32 value.
    const f = split(real(MATH.rsqrt2), 'float');
    assert.equal(f.hi, Math.fround(Math.SQRT1_2));
    assert.equal(f.lo, Math.fround(f.lo));
    // Exact constants have no tail.
    assert.equal(split(real('0.5'), 'double').lo, 0);
  });

  it('writes literals that every language reads as floating point', function () {
    assert.equal(literal(1, 'double'), '1.0');
    assert.equal(literal(-40, 'double'), '-40.0');
    assert.equal(literal(1e-17, 'double'), '1e-17');
    assert.equal(literal(1e21, 'double'), '1e+21');
    assert.equal(literal(0.1, 'double'), '0.1');
    assert.equal(literal(Math.fround(0.1), 'float'), '0.1');
    assert.equal(literal(Math.fround(Math.SQRT1_2), 'float'), '0.70710677');
    assert.equal(literal(-0, 'double'), '-0.0');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        assert.equal(Number(literal(v, 'double')), v);
      }),
    );
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (v) => {
        assert.equal(Math.fround(Number(literal(v, 'float'))), v);
      }),
    );
  });
});

describe('snippets: snippet syntax', function () {
  it('escapes $, } and \\ and turns names into tab stops', function () {
    assert.equal(escapeSnippetText('a$b}c\\d'), 'a\\$b\\}c\\\\d');
    const text = `def ${tabStop(1, 'gelu')}(x): return {"$": x}  # ${tabStop(1, 'gelu')}`;
    assert.equal(resolvePlain(text), 'def gelu(x): return {"$": x}  # gelu');
    assert.equal(toSnippetSyntax(text), 'def ${1:gelu}(x): return {"\\$": x\\}  # ${1:gelu}$0');
  });

  it('wraps comment sentences at the width', function () {
    const lines = wrapText('one two three four five six seven', 10);
    assert.deepEqual(lines, ['one two', 'three four', 'five six', 'seven']);
    assert.deepEqual(wrapText('', 10), []);
  });
});
