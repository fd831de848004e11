/**
 * The registry contract: ids, metadata, code names, colour slots, kink conventions (PyTorch autograd),
 * parameters, limits, the batch form, and the documented values of TensorFlow's gelu.
 */
import * as assert from 'node:assert/strict';
import { activations, type Activation, FAMILIES, type Family, type FunctionId, FUNCTION_IDS, type Order } from '../../../src/core';

const ids = FUNCTION_IDS;

function at(id: FunctionId, order: Order, x: number, p?: Record<string, number>): number {
  const fn: Activation = activations[id];
  return order === 0 ? fn.f(x, p) : order === 1 ? fn.df(x, p) : fn.d2f(x, p);
}

describe('core registry', function () {
  it('is keyed by exactly the ids of FUNCTION_IDS, each entry naming its own id', function () {
    assert.deepEqual(Object.keys(activations).sort(), [...ids].sort());
    for (const id of ids) assert.equal(activations[id].id, id);
  });

  it('lists its records in FUNCTION_IDS order, the order of pickers, legends and CSV columns', function () {
    assert.deepEqual(Object.keys(activations), [...ids]);
  });

  it('sorts each function into its family', function () {
    // The picker's groups (issue 12): the GELU family is exactly these five; the rest are examples.
    const families: Partial<Record<FunctionId, Family>> = {
      gelu: 'gelu', gelu_tanh: 'gelu', gelu_sigmoid: 'gelu', gelu_ibert: 'gelu', laplace: 'gelu',
      silu: 'smooth', mish: 'smooth', xielu: 'smooth', sigmoid: 'squashing', tanh: 'squashing', hard_sigmoid: 'squashing',
      softsign: 'squashing', log_sigmoid: 'squashing', relu: 'relu', leaky_relu: 'relu', elu: 'relu', relu2: 'relu', celu: 'relu',
      tanhshrink: 'shrinkage', softshrink: 'shrinkage', hardshrink: 'shrinkage', snake: 'periodic',
    };
    for (const id of ids) {
      const a = activations[id];
      if (families[id] !== undefined) assert.equal(a.family, families[id], id);
      assert.equal(a.family === 'gelu', families[id] === 'gelu', `${id} in the GELU family`);
      assert.equal(a.approximates, id === 'gelu_tanh' || id === 'gelu_sigmoid' || id === 'gelu_ibert' ? 'gelu' : undefined, id);
      assert.ok(a.label.length > 0 && a.formula.text.length > 0 && a.formula.latex.length > 0, id);
      assert.ok(FAMILIES.includes(a.family), id);
    }
    for (const family of FAMILIES) assert.ok(ids.some((id) => activations[id].family === family), `${family} has a member`);
  });

  it('gives each function a short label, a settings summary and a colour slot of its own', function () {
    const shortLabels = new Set(ids.map((id) => activations[id].shortLabel));
    const slots = new Set(ids.map((id) => activations[id].colorSlot));
    assert.equal(shortLabels.size, ids.length, 'short labels are distinct');
    assert.equal(slots.size, ids.length, 'colour slots are distinct');
    for (const id of ids) {
      const a = activations[id];
      assert.ok(a.shortLabel.length > 0 && a.shortLabel.length <= 16, `${id}: a short label fits a legend`);
      assert.ok(a.summary.length > 0, id);
      assert.ok(Number.isInteger(a.colorSlot) && a.colorSlot >= 0, id);
    }
    assert.equal(activations.gelu_sigmoid.shortLabel, 'QuickGELU');
  });

  it('names the code of each function: a snake-case base name, a class name and a source', function () {
    for (const id of ids) {
      const { baseName, className, source } = activations[id].code;
      assert.match(baseName, /^[a-z][a-z0-9_]*$/, id);
      assert.match(className, /^[A-Z][A-Za-z0-9]*$/, id);
      assert.ok(source.endsWith('.'), id);
    }
    assert.notEqual(activations.tanh.code.baseName, 'tanh', 'tanh would clash with the language function');
    assert.equal(new Set(ids.map((id) => activations[id].code.className)).size, ids.length, 'class names are distinct');
  });

  it('documents parameters with defaults inside their ranges', function () {
    // The reference README's defaults (the named implementation's).
    const expected: Partial<Record<FunctionId, Record<string, number>>> = {
      gelu_tanh: { c: 0.044715 },
      gelu_sigmoid: { k: 1.702 },
      silu: { beta: 1 },
      elu: { alpha: 1 },
      leaky_relu: { slope: 0.01 },
      xielu: { alphaP: 0.8, alphaN: 0.8, beta: 0.5, eps: -1e-6 },
      snake: { alpha: 1, eps: 0 },
      celu: { alpha: 1 },
      hardtanh: { min: -1, max: 1 },
      hard_sigmoid: { h: 3 },
      softshrink: { lambda: 0.5 },
      hardshrink: { lambda: 0.5 },
      squareplus: { b: 4 },
      laplace: { mu: 0.707107, sigma: 0.282095 },
    };
    for (const id of ids) {
      const params = activations[id].params;
      assert.deepEqual(Object.fromEntries(params.map((p) => [p.key, p.default])), expected[id] ?? {}, id);
      for (const p of params) assert.ok(p.min <= p.default && p.default <= p.max && p.step > 0, `${id}.${p.key}`);
    }
  });

  it('follows PyTorch autograd at the kinks and says so', function () {
    const cases: [FunctionId, Order, number, number][] = [
      ['relu', 1, 0, 0],
      ['relu', 2, 0, 0],
      ['relu6', 1, 0, 0],
      ['relu6', 1, 6, 0],
      ['leaky_relu', 1, 0, 0.01],
      ['hardswish', 1, -3, -0.5],
      ['hardswish', 1, 3, 1.5],
      ['hardswish', 2, -3, 0],
      ['hardswish', 2, 3, 0],
      ['elu', 1, 0, 1],
      ['elu', 2, 0, 0],
      ['selu', 1, 0, 1.0507009873554805 * 1.6732632423543772],
      ['selu', 2, 0, 0],
      ['relu2', 1, 0, 0],
      ['relu2', 2, 0, 0],
      ['celu', 1, 0, 1],
      ['celu', 2, 0, 0],
      ['softsign', 2, 0, 0],
      ['hardtanh', 1, -1, 0],
      ['hardtanh', 1, 1, 0],
      ['hard_sigmoid', 1, -3, 0],
      ['hard_sigmoid', 1, 3, 0],
      ['softshrink', 1, 0.5, 0],
      ['hardshrink', 0, 0.5, 0],
      ['hardshrink', 0, -0.5, 0],
      ['hardshrink', 1, 0.5, 0],
      ['sparse_plus', 2, -1, 0],
      ['sparse_plus', 2, 1, 0],
      ['xielu', 0, 0, 0.8 * Math.expm1(-1e-6)],
      ['xielu', 1, 0, 0.5 - 0.8],
      ['xielu', 2, 0, 0],
      ['gelu_ibert', 1, 0, 0.5],
    ];
    for (const [id, order, x, want] of cases) {
      const got = at(id, order, x);
      assert.ok(Math.abs(got - want) <= 4e-16 * Math.abs(want), `${id} order ${order} at ${x}: ${got} ≠ ${want}`);
    }
    assert.equal(at('elu', 1, 0, { alpha: 2.5 }), 2.5);
    assert.equal(at('leaky_relu', 1, 0, { slope: 0.2 }), 0.2);
    const kinks: Partial<Record<FunctionId, readonly number[]>> = {
      relu: [0], relu6: [0, 6], leaky_relu: [0], hardswish: [-3, 3], elu: [0], selu: [0], relu2: [0], xielu: [-1e-6, 0], celu: [0],
      softsign: [0], hardtanh: [-1, 1], hard_sigmoid: [-3, 3], softshrink: [-0.5, 0.5], hardshrink: [-0.5, 0.5], sparse_plus: [-1, 1],
      gelu_ibert: [-1.769 * Math.SQRT2, 0, 1.769 * Math.SQRT2],
    };
    for (const id of ids) {
      const at = activations[id].kinks?.at;
      assert.equal(at?.length, kinks[id]?.length, id);
      at?.forEach((k, i) => assert.ok(Math.abs(k - kinks[id]![i]!) <= 1e-15 * Math.abs(k), `${id} kink ${k}`));
      if (kinks[id] !== undefined) assert.match(activations[id].kinks?.convention ?? '', /PyTorch|JAX|transformers/, id);
    }
  });

  it('matches the TensorFlow documentation values of gelu, exact and tanh form', function () {
    // tf.nn.gelu docstring, x = [-3, -1, 0, 1, 3]. TensorFlow computed these in float32, where
    // 1 + erf(x/√2) and 1 + tanh(u) cancel for x < 0: some printed digits are float32 noise
    // (gelu(−3) is −0.0040496941, printed −0.00404951). So the test allows, beyond half a unit
    // of the last printed digit, the float32 rounding of that sum: 4 units of 2^-24, times |x|/2.
    const xs = [-3, -1, 0, 1, 3];
    const exact = ['-0.00404951', '-0.15865529', '0', '0.8413447', '2.9959507'];
    const tanh = ['-0.00363752', '-0.15880796', '0', '0.841192', '2.9963627'];
    const close = (got: number, printed: string, x: number): boolean => {
      const decimals = printed.includes('.') ? printed.split('.')[1]!.length : 0;
      return Math.abs(got - Number(printed)) <= 0.5 * 10 ** -decimals + 4 * 2 ** -24 * (Math.abs(x) / 2);
    };
    xs.forEach((x, i) => {
      const g = activations.gelu.f(x);
      const t = activations.gelu_tanh.f(x);
      assert.ok(close(g, exact[i]!, x), `gelu(${x}) = ${g}, documented ${exact[i]}`);
      assert.ok(close(t, tanh[i]!, x), `gelu_tanh(${x}) = ${t}, documented ${tanh[i]}`);
    });
    // At x = 1 the printed digits themselves agree (no cancellation, no float32 rounding visible).
    assert.equal(activations.gelu.f(1).toFixed(7), '0.8413447');
    assert.equal(activations.gelu_tanh.f(1).toFixed(6), '0.841192');
  });

  it('gives the mathematical limits at ±∞ and NaN for NaN, for every function and order', function () {
    const limits: Record<FunctionId, [[number, number], [number, number], [number, number]]> = {
      gelu: [[0, Infinity], [0, 1], [0, 0]],
      gelu_tanh: [[0, Infinity], [0, 1], [0, 0]],
      gelu_sigmoid: [[0, Infinity], [0, 1], [0, 0]],
      silu: [[0, Infinity], [0, 1], [0, 0]],
      mish: [[0, Infinity], [0, 1], [0, 0]],
      softplus: [[0, Infinity], [0, 1], [0, 0]],
      sigmoid: [[0, 1], [0, 0], [0, 0]],
      tanh: [[-1, 1], [0, 0], [0, 0]],
      elu: [[-1, Infinity], [0, 1], [0, 0]],
      selu: [[-1.0507009873554805 * 1.6732632423543772, Infinity], [0, 1.0507009873554805], [0, 0]],
      relu: [[0, Infinity], [0, 1], [0, 0]],
      leaky_relu: [[-Infinity, Infinity], [0.01, 1], [0, 0]],
      relu6: [[0, 6], [0, 0], [0, 0]],
      hardswish: [[0, Infinity], [0, 1], [0, 0]],
      relu2: [[0, Infinity], [0, Infinity], [0, 2]],
      xielu: [[Infinity, Infinity], [0.5 - 0.8, Infinity], [0, 1.6]],
      snake: [[-Infinity, Infinity], [NaN, NaN], [NaN, NaN]],
      celu: [[-1, Infinity], [0, 1], [0, 0]],
      softsign: [[-1, 1], [0, 0], [0, 0]],
      hardtanh: [[-1, 1], [0, 0], [0, 0]],
      hard_sigmoid: [[0, 1], [0, 0], [0, 0]],
      log_sigmoid: [[-Infinity, 0], [1, 0], [0, 0]],
      tanhshrink: [[-Infinity, Infinity], [1, 1], [0, 0]],
      softshrink: [[-Infinity, Infinity], [1, 1], [0, 0]],
      hardshrink: [[-Infinity, Infinity], [1, 1], [0, 0]],
      sparse_plus: [[0, Infinity], [0, 1], [0, 0]],
      squareplus: [[0, Infinity], [0, 1], [0, 0]],
      laplace: [[0, 1], [0, 0], [0, 0]],
      gelu_ibert: [[0, Infinity], [0, 1], [0, 0]],
    };
    for (const id of ids) {
      for (let order = 0 as Order; order <= 2; order++) {
        const [lo, hi] = limits[id][order]!;
        const gotLo = at(id, order, -Infinity);
        const gotHi = at(id, order, Infinity);
        // NaN where there is no limit (Snake's derivatives oscillate).
        const near = (got: number, want: number): boolean => Object.is(got, want) || got === want || Math.abs(got - want) <= 4e-16 * Math.abs(want);
        assert.ok(near(gotLo, lo), `${id} order ${order} at −∞: ${gotLo}`);
        assert.ok(near(gotHi, hi), `${id} order ${order} at +∞: ${gotHi}`);
        assert.ok(Number.isNaN(at(id, order, NaN)), `${id} order ${order} at NaN`);
      }
    }
    // The GELU tail underflows to −0, keeping the sign of the true value.
    assert.ok(Object.is(activations.gelu.f(-40), -0));
    assert.ok(activations.gelu.f(-38) < 0);
  });

  it('batch agrees with the scalar functions, with and without params, into a given array', function () {
    const xs = new Float64Array([-50, -20, -8, -3.5, -1, -0.75, -0.3, -1e-300, 0, 1e-8, 0.4, 1.5, 3, 6, 9, 30, 1e300, NaN]);
    const params: Record<string, number> = { c: 0.05, k: 1.5, beta: 2, alpha: 0.7, slope: 0.2, alphaN: 2.5, lambda: 0.3, b: 1, mu: 0.2, sigma: 0.7, h: 2.5, min: -2, max: 3 };
    for (const id of ids) {
      for (const p of [undefined, params]) {
        for (let order = 0 as Order; order <= 2; order++) {
          const out = new Float64Array(xs.length);
          const res = activations[id].batch(xs, order, p, out);
          assert.equal(res, out);
          const fresh = activations[id].batch(xs, order, p);
          xs.forEach((x, i) => {
            const want = at(id, order, x, p);
            assert.ok(Object.is(res[i], want) && Object.is(fresh[i], want), `${id} order ${order} x=${x}: ${res[i]} ≠ ${want}`);
          });
        }
      }
    }
  });

  it('reads every parameter as the decimal it prints as, default or given', function () {
    // The default's double-double and the same value given explicitly are one parameter.
    for (const [id, p] of [['gelu_tanh', { c: 0.044715 }], ['gelu_sigmoid', { k: 1.702 }], ['leaky_relu', { slope: 0.01 }], ['laplace', { mu: 0.707107, sigma: 0.282095 }], ['xielu', { alphaP: 0.8, alphaN: 0.8, beta: 0.5, eps: -1e-6 }]] as const) {
      for (const x of [-30, -7.5, -2.5, -0.5, 0.3, 4]) {
        for (let order = 0 as Order; order <= 2; order++) assert.ok(Object.is(at(id, order, x, p), at(id, order, x)), `${id} order ${order} at ${x}`);
      }
    }
    // A given 0.1 is 1/10, not the double 0.1000000000000000055…: SiLU with β = 0.1 and
    // QuickGELU with k = 0.1 are one function, and the decimal shows at x = −7000 (mpmath).
    assert.equal(at('silu', 0, -7000, { beta: 0.1 }), at('gelu_sigmoid', 0, -7000, { k: 0.1 }));
    const want = Number('-6.901773580631839599694e-301');
    assert.ok(Math.abs(at('silu', 0, -7000, { beta: 0.1 }) - want) <= 2 ** -52 * Math.abs(want));
  });

  it('uses non-default parameters (checked against mpmath values)', function () {
    // [id, params, x, f, f′, f″] from mpmath at 60 digits (22 printed), each parameter taken as
    // the decimal it prints as (0.1 is 1/10): the registry's one convention.
    const table: [FunctionId, Record<string, number>, number, string, string, string][] = [
      ['gelu_tanh', { c: 0.1 }, -2.5, '-0.003817919417962837034566', '-0.01596207138738742780217', '-0.05687648012556076985195'],
      ['gelu_tanh', { c: 0 }, 1.25, '1.100300862386731806498', '1.090517217155438648394', '0.08126079547776193470178'],
      ['gelu_sigmoid', { k: 3.7 }, -1.5, '-0.005808605161006546673228', '-0.01753621058339256091345', '-0.0500535725397936480925'],
      ['silu', { beta: 2 }, -1.25, '-0.09482272502655443899163', '-0.09940111134152684113753', '-0.01692431304673771113925'],
      ['silu', { beta: 0 }, 3, '1.5', '0.5', '0'],
      // Where the decimal matters: β = 0.1 as a double would be off by about 175 ulp here.
      ['silu', { beta: 0.1 }, -7000, '-6.901773580631839599694e-301', '-6.891913904088079828837e-302', '-6.88205422754432005798e-303'],
      ['elu', { alpha: 2.5 }, -0.75, '-1.319083618147463232155', '1.180916381852536767845', '1.180916381852536767845'],
      ['leaky_relu', { slope: 0.2 }, -4, '-0.8', '0.2', '0'],
      ['celu', { alpha: 0.3 }, -20, '-0.3', '1.114383157840341692836e-29', '3.714610526134472309452e-29'],
      ['xielu', { alphaP: 1.3, alphaN: 0.9, beta: 0.1, eps: -0.0001 }, -3, '1.544808361531077548681', '-0.7551916384689224513186', '0.04480836153107754868141'],
      ['xielu', { alphaP: 1.3, alphaN: 0.9, beta: 0.1, eps: -0.0001 }, 2.5, '8.375', '6.6', '2.6'],
      ['snake', { alpha: 0.7, eps: 1e-9 }, 3.1, '4.074172648377509279255', '0.0685392075774156168516', '-0.5093783928199180103991'],
      ['hard_sigmoid', { h: 2.5 }, 1.1, '0.7200000000000000177636', '0.2', '0'],
      ['squareplus', { b: 0.3 }, -2, '0.03682206766638604372795', '0.01775717782958788663816', '0.01682242402920042255913'],
      ['laplace', { mu: 0.1, sigma: 0.3 }, -2.9, '7.619853024160548846562e-24', '2.564866208902147375642e-22', '8.549554029673824332357e-21'],
      ['softshrink', { lambda: 0.3 }, -1.7, '-1.399999999999999955591', '1', '0'],
    ];
    for (const [id, p, x, ...want] of table) {
      for (let order = 0 as Order; order <= 2; order++) {
        const got = at(id, order, x, p);
        const w = Number(want[order]);
        assert.ok(Math.abs(got - w) <= 2 * 2 ** -52 * Math.abs(w), `${id} ${JSON.stringify(p)} order ${order} at ${x}: ${got} ≠ ${w}`);
      }
    }
  });
});
