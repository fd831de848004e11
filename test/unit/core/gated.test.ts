/**
 * The gated units' records and numbers (src/core/gated.ts, the `gated` the core exports) against
 * every line of the 120-digit reference ../shared/reference/gated.jsonl: y within 2 ulp, ∂y/∂g
 * and ∂y/∂u within 4, subnormal gates included; prints the worst error per unit and partial.
 */
import * as assert from 'node:assert/strict';
import { activations } from '../../../src/core/activations';
import { gated as exported } from '../../../src/core';
import { GATED_SPECS, fatreluGated, gated } from '../../../src/core/gated';
import { GATED_IDS, type GatedId } from '../../../src/core/types';
import { gatedReference, measure, skipWithoutReference } from '../../support/reference';

const BOUNDS = [2, 4, 4] as const;

describe('core gated units', function () {
  before(function () {
    skipWithoutReference(this);
  });

  it('are every id of the reference, each a record naming its gate side, formula, act and code', function () {
    assert.deepEqual(Object.keys(gated), [...GATED_IDS]);
    assert.equal(exported, gated, 'src/core exports `gated`');
    for (const id of GATED_IDS) {
      const s = gated[id].spec;
      assert.equal(s.id, id);
      assert.equal(GATED_SPECS[id], s);
      assert.ok(s.label.length > 0 && s.summary.length > 0 && s.formula.text.length > 0 && s.formula.latex.length > 0, id);
      assert.match(s.gate, /half|even/, `${id} says which input is the gate`);
      assert.ok(s.code.source.endsWith('.'), id);
      for (const p of s.params) assert.ok(p.min <= p.default && p.default <= p.max && p.step > 0, `${id}.${p.key}`);
    }
    assert.equal(GATED_SPECS.swiglu.act, 'silu');
    assert.equal(GATED_SPECS.geglu.act, 'gelu');
    assert.match(GATED_SPECS.glu.gate, /SECOND half/);
    assert.deepEqual(GATED_SPECS.swiglu_oai.params.map((p) => [p.key, p.default]), [['alpha', 1.702], ['limit', 7]]);
  });

  it('match every reference line: y within 2 ulp, ∂y/∂g and ∂y/∂u within 4, subnormal gates included', function () {
    const lines = gatedReference();
    assert.ok(lines !== undefined, 'the reference folder has gated.jsonl');
    const worst = new Map<GatedId, [number, number, number]>();
    for (const line of lines) {
      const id = line.fn as GatedId;
      assert.ok((GATED_IDS as readonly string[]).includes(id), `unknown id ${line.fn}`);
      const unit = gated[id];
      const g = Number(line.g);
      const u = Number(line.u);
      const got = [unit.f(g, u), unit.dg(g, u), unit.du(g, u)];
      const refs = [line.y, line.dy_dg, line.dy_du];
      const w = worst.get(id) ?? [0, 0, 0];
      got.forEach((value, k) => {
        const m = measure(value, refs[k]!);
        assert.ok(m.ulps <= BOUNDS[k]!, `${id} ${['y', '∂y/∂g', '∂y/∂u'][k]} at g = ${line.g}, u = ${line.u}: ${value} is ${m.ulps} ulp from ${refs[k]}`);
        w[k] = Math.max(w[k]!, m.ulps);
      });
      worst.set(id, w);
    }
    assert.deepEqual([...worst.keys()].sort(), [...GATED_IDS].sort(), 'every unit has checked lines');
    for (const [id, [y, dg, du]] of worst) console.log(`      ${id.padEnd(11)} worst ulp: y ${y.toFixed(2)}, ∂y/∂g ${dg.toFixed(2)}, ∂y/∂u ${du.toFixed(2)}`);
    console.log(`      ${lines.length} lines`);
  });

  it('agree with act(g)·u from the one-variable registry where nothing is subnormal', function () {
    for (const id of GATED_IDS) {
      const { act, actParams } = gated[id].spec;
      const fn = activations[act];
      for (const g of [-5, -1.25, -0.3, 0.4, 2, 6.5]) {
        for (const u of [-3, 0.5, 2]) {
          const bias = gated[id].spec.bias ?? 0;
          const close = (a: number, b: number): boolean => Math.abs(a - b) <= 4 * 2 ** -52 * Math.abs(b);
          assert.ok(close(gated[id].f(g, u), fn.f(g, actParams) * (u + bias)), `${id} f(${g}, ${u})`);
          assert.ok(close(gated[id].dg(g, u), fn.df(g, actParams) * (u + bias)), `${id} dg(${g}, ${u})`);
          assert.ok(close(gated[id].du(g, u), fn.f(g, actParams)), `${id} du(${g}, ${u})`);
        }
      }
    }
  });

  it('clamps as gpt-oss does: g above at 7, u to ±7, then adds 1 to u', function () {
    const oai = gated.swiglu_oai;
    const quick = activations.gelu_sigmoid;
    assert.equal(oai.f(9, 2), quick.f(7) * 3);
    assert.equal(oai.f(1, 50), quick.f(1) * 8);
    assert.equal(oai.f(1, -50), quick.f(1) * -6);
    assert.equal(oai.dg(9, 2), 0, 'no gradient through the clamped gate');
    assert.equal(oai.du(1, 50), 0, 'no gradient through the clamped up input');
    assert.equal(oai.dg(1, 2), quick.df(1) * 3);
    assert.equal(oai.du(1, 2), quick.f(1));
  });

  it('takes the parameters of its record: the tanh form of GEGLU, gpt-oss α and limit', function () {
    assert.equal(gated.geglu.f(1.5, 2, { tanh: 1 }), activations.gelu_tanh.f(1.5) * 2);
    assert.equal(gated.geglu.du(-0.7, 2, { tanh: 1 }), activations.gelu_tanh.f(-0.7));
    assert.notEqual(gated.geglu.f(1.5, 2, { tanh: 1 }), gated.geglu.f(1.5, 2));
    assert.equal(gated.swiglu_oai.f(9, 2, { limit: 5 }), activations.gelu_sigmoid.f(5) * 3);
    assert.equal(gated.swiglu_oai.du(1, 6, { limit: 5 }), 0);
    assert.ok(Math.abs(gated.swiglu_oai.f(1, 2, { alpha: 1 }) - activations.silu.f(1) * 3) <= 2 ** -50);
  });

  it('gives NaN for NaN in either input', function () {
    for (const id of GATED_IDS) {
      for (const k of ['f', 'dg', 'du'] as const) {
        assert.ok(Number.isNaN(gated[id][k](NaN, 1)), `${id}.${k}(NaN, 1)`);
        assert.ok(Number.isNaN(gated[id][k](1, NaN)), `${id}.${k}(1, NaN)`);
      }
    }
  });
});

describe('core: vLLM FatreluAndMul (FATReLU(g)·u with a threshold)', () => {
  it('is ReGLU at threshold 0, on both sides of the kink and for NaN', () => {
    const fat = fatreluGated(0);
    for (const [g, u] of [[2, 3], [-2, 3], [0, 5], [1e-300, -7], [Infinity, 2], [-Infinity, 2]] as const) {
      assert.equal(fat.f(g, u), gated.reglu.f(g, u), `f(${g}, ${u})`);
      assert.equal(fat.dg(g, u), gated.reglu.dg(g, u), `dg(${g}, ${u})`);
      assert.equal(fat.du(g, u), gated.reglu.du(g, u), `du(${g}, ${u})`);
    }
    assert.ok(Number.isNaN(fat.f(NaN, 1)) && Number.isNaN(fat.du(1, NaN)));
  });

  it('keeps g only above the threshold: a jump of t·u at g = t, ∂y/∂g = u above and 0 at and below it', () => {
    const fat = fatreluGated(0.5);
    assert.equal(fat.f(0.5, 3), 0, 'F.threshold keeps g only where g > t');
    assert.equal(fat.f(0.5000001, 3), 0.5000001 * 3);
    assert.equal(fat.f(0.25, 3), 0, 'unlike ReGLU, 0 < g ≤ t gives 0');
    assert.equal(fat.dg(0.5, 3), 0);
    assert.equal(fat.dg(0.75, 3), 3);
    assert.equal(fat.du(0.75, 3), 0.75);
    assert.equal(fat.du(0.25, 3), 0);
    const negative = fatreluGated(-1);
    assert.equal(negative.f(-0.5, 2), -1, 'a negative threshold lets −1 < g ≤ 0 through');
    assert.equal(negative.f(-1, 2), 0);
    assert.equal(negative.dg(-0.5, 2), 2);
  });
});
