import * as assert from 'node:assert/strict';
import { FORMAT_INFO, floorLog2, roundToFormat, ulpIn } from '../../../src/core/precision';
import { decode, sweepInputs } from '../../../src/core/sweep';

type Narrow = 'bfloat16' | 'float16' | 'float8_e4m3fn' | 'float8_e5m2';
const BITS: Readonly<Record<Narrow, number>> = { bfloat16: 16, float16: 16, float8_e4m3fn: 8, float8_e5m2: 8 };

/** The finite values of a format, ascending, −0 left out. */
function ascending(format: Narrow): number[] {
  const vs: number[] = [];
  for (let b = 0; b < 2 ** BITS[format]; b++) {
    const v = decode(b, format);
    if (Number.isFinite(v) && !Object.is(v, -0)) vs.push(v);
  }
  return vs.sort((a, b) => a - b);
}

describe('Formats: OCP FP8 tables', () => {
  it('float8_e4m3fn matches the OFP8 table: 448 largest, 2⁻⁶ smallest normal, 2⁻⁹ smallest subnormal, S.1111.111 the only NaN', () => {
    assert.equal(decode(0x7e, 'float8_e4m3fn'), 448);
    assert.equal(decode(0xfe, 'float8_e4m3fn'), -448);
    assert.equal(decode(0x78, 'float8_e4m3fn'), 256);
    assert.equal(decode(0x08, 'float8_e4m3fn'), 2 ** -6);
    assert.equal(decode(0x07, 'float8_e4m3fn'), 0.875 * 2 ** -6);
    assert.equal(decode(0x01, 'float8_e4m3fn'), 2 ** -9);
    assert.equal(decode(0x38, 'float8_e4m3fn'), 1);
    assert.ok(Number.isNaN(decode(0x7f, 'float8_e4m3fn')));
    assert.ok(Number.isNaN(decode(0xff, 'float8_e4m3fn')));
    assert.equal(sweepInputs('float8_e4m3fn').length, 254);
    assert.equal(FORMAT_INFO.float8_e4m3fn.max, 448);
    assert.equal(FORMAT_INFO.float8_e4m3fn.minSubnormal, 2 ** -9);
  });

  it('float8_e5m2 matches the OFP8 table: 57344 largest, ±∞ at S.11111.00, NaN above, 2⁻¹⁶ smallest subnormal', () => {
    assert.equal(decode(0x7b, 'float8_e5m2'), 57344);
    assert.equal(decode(0x7c, 'float8_e5m2'), Infinity);
    assert.equal(decode(0xfc, 'float8_e5m2'), -Infinity);
    for (const b of [0x7d, 0x7e, 0x7f, 0xfd, 0xfe, 0xff]) assert.ok(Number.isNaN(decode(b, 'float8_e5m2')));
    assert.equal(decode(0x04, 'float8_e5m2'), 2 ** -14);
    assert.equal(decode(0x01, 'float8_e5m2'), 2 ** -16);
    assert.equal(decode(0x3c, 'float8_e5m2'), 1);
    assert.equal(sweepInputs('float8_e5m2').length, 248);
    assert.equal(FORMAT_INFO.float8_e5m2.minSubnormal, 2 ** -16);
  });

  it('float8_e4m3fn overflows to NaN, or saturates, exactly as OFP8 says; 464 (the tie with the NaN pattern) rounds to 448', () => {
    assert.equal(roundToFormat(464, 'float8_e4m3fn'), 448);
    assert.equal(roundToFormat(-464, 'float8_e4m3fn'), -448);
    assert.ok(Number.isNaN(roundToFormat(464.0001, 'float8_e4m3fn')));
    assert.ok(Number.isNaN(roundToFormat(1e6, 'float8_e4m3fn')));
    assert.ok(Number.isNaN(roundToFormat(Infinity, 'float8_e4m3fn')));
    assert.equal(roundToFormat(1e6, 'float8_e4m3fn', 'saturate'), 448);
    assert.equal(roundToFormat(-Infinity, 'float8_e4m3fn', 'saturate'), -448);
    assert.equal(roundToFormat(2 ** -10, 'float8_e4m3fn'), 0);
    assert.equal(roundToFormat(2 ** -10 * 1.0001, 'float8_e4m3fn'), 2 ** -9);
    assert.ok(Object.is(roundToFormat(-(2 ** -11), 'float8_e4m3fn'), -0));
  });

  it('float8_e5m2 overflows to ±∞ from 61440 (a tie that rounds to even, past the largest), or saturates', () => {
    assert.equal(roundToFormat(61439.99, 'float8_e5m2'), 57344);
    assert.equal(roundToFormat(61440, 'float8_e5m2'), Infinity);
    assert.equal(roundToFormat(-61440, 'float8_e5m2'), -Infinity);
    assert.equal(roundToFormat(61440, 'float8_e5m2', 'saturate'), 57344);
    assert.equal(roundToFormat(Infinity, 'float8_e5m2', 'saturate'), 57344);
    assert.equal(roundToFormat(Infinity, 'float8_e5m2'), Infinity);
  });
});

describe('Formats: rounding of every value', () => {
  for (const format of ['float8_e4m3fn', 'float8_e5m2', 'float16', 'bfloat16'] as const) {
    it(`${format}: every value rounds to itself, every midpoint to the even neighbour, and just off it to the nearer one`, () => {
      const vs = ascending(format);
      const evenBits = new Map<number, boolean>();
      for (let b = 0; b < 2 ** BITS[format]; b++) evenBits.set(decode(b, format), (b & 1) === 0);
      for (let i = 0; i < vs.length; i++) {
        const v = vs[i]!;
        assert.equal(roundToFormat(v, format), v);
        if (i + 1 === vs.length) continue;
        const w = vs[i + 1]!;
        const mid = (v + w) / 2;
        const even = evenBits.get(v) === true ? v : w;
        const got = roundToFormat(mid, format);
        if (!Object.is(got, even) && !(got === 0 && even === 0)) assert.fail(`${format}: midpoint ${mid} of ${v} and ${w} gave ${got}, not ${even}`);
        const eps = (w - v) * 2 ** -20;
        if (roundToFormat(mid - eps, format) !== v || roundToFormat(mid + eps, format) !== w) assert.fail(`${format}: near ${mid}`);
      }
    });
  }

  it('ulps and exponents are exact next to powers of two and in the subnormals', () => {
    assert.equal(floorLog2(1), 0);
    assert.equal(floorLog2(1 - 2 ** -53), -1);
    assert.equal(floorLog2(2 ** -1074), -1074);
    assert.equal(floorLog2(-(2 ** 1023) * 1.5), 1023);
    assert.equal(ulpIn(1, 'float8_e4m3fn'), 2 ** -3);
    assert.equal(ulpIn(448, 'float8_e4m3fn'), 32);
    assert.equal(ulpIn(0, 'float8_e5m2'), 2 ** -16);
    assert.equal(ulpIn(1, 'float8_e5m2'), 2 ** -2);
    assert.equal(ulpIn(0, 'float64'), 2 ** -1074);
    assert.ok(Number.isNaN(ulpIn(Infinity, 'float16')));
  });
});
