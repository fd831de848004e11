/**
 * Gated units y = act(g)·u (src/core/gatedKernels.ts) against EVERY line of
 * ../shared/reference/gated.jsonl: y within 2 ulp, ∂y/∂g and ∂y/∂u within 4 (README metric, see
 * reference.ts); prints the worst per unit and output. Then the tanh-form GEGLU and gpt-oss
 * SwiGLU with other α and limit against mpmath (/usr/bin/python3).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as gk from '../../../src/core/gatedKernels';
import { GATED_IDS } from '../../../src/core/types';
import { PYTHON, skipWithoutMpmath } from '../../support/mpmath';
import { gatedReference, type GatedReferenceLine, measure } from '../../support/reference';

const KEYS = ['y', 'dy_dg', 'dy_du'] as const;
const BOUNDS = [2, 4, 4] as const;

type Gated = (g: number, u: number) => number;

describe('gated units: accuracy against the 120-digit reference', function () {
  this.timeout(60000);
  let lines: readonly GatedReferenceLine[] = [];

  before(function () {
    const found = gatedReference();
    if (found === undefined) {
      console.log('    (skipped: gated.jsonl not found; set GELU_REFERENCE_DIR or provide ../shared/reference)');
      this.skip();
    }
    lines = found;
  });

  it('has a kernel for every unit of the reference and no other', function () {
    assert.deepEqual([...new Set(lines.map((l) => l.fn))].sort(), [...GATED_IDS].sort());
  });

  it('keeps y within 2 ulp and both partials within 4 on every line, and prints the worst', function () {
    const failures: string[] = [];
    console.log(`    ${'id'.padEnd(11)} ${'n'.padStart(4)}  ${'worst y (ulp)'.padEnd(40)} ${'worst ∂y/∂g'.padEnd(40)} worst ∂y/∂u`);
    for (const id of GATED_IDS) {
      const kernel = gk.gatedKernels[id];
      const fns: readonly Gated[] = [kernel.f, kernel.dg, kernel.du];
      const mine = lines.filter((l) => l.fn === id);
      const cells = fns.map((fn, order) => {
        let worst = 0;
        let at = '';
        for (const l of mine) {
          const y = fn(Number(l.g), Number(l.u));
          const e = measure(y, l[KEYS[order]!]).ulps;
          if (e > worst) {
            worst = e;
            at = `(${l.g}, ${l.u})`;
          }
          if (!(e <= BOUNDS[order]!)) failures.push(`${id} ${KEYS[order]} at (g, u) = (${l.g}, ${l.u}): got ${y}, want ${l[KEYS[order]!]} (${e} ulp)`);
        }
        return `${worst.toFixed(3).padStart(7)}${at === '' ? '' : ` @ ${at}`}`.padEnd(40);
      });
      console.log(`    ${id.padEnd(11)} ${String(mine.length).padStart(4)}  ${cells.join(' ')}`);
    }
    assert.deepEqual(failures.slice(0, 20), []);
  });
});

describe('gated units: variants against mpmath', function () {
  this.timeout(60000);
  before(function () {
    skipWithoutMpmath(this);
  });

  /** [g, u] pairs on a grid that avoids the clamps and kinks. */
  const pairs: [number, number][] = [];
  for (let i = 0; i < 24; i++) for (let j = 0; j < 12; j++) pairs.push([-12.3 + i * 0.9137, -9.1 + j * 1.517]);

  function check(name: string, fns: readonly Gated[], body: string, at: readonly (readonly [number, number])[] = pairs): void {
    const script = [
      'import json, sys, mpmath as mp',
      'mp.mp.dps = 50',
      body,
      'def s(v):',
      '    v = mp.mpf(v)',
      '    return "0" if v == 0 else mp.nstr(v, 30, min_fixed=1, max_fixed=0)',
      'FF = globals().get("F2", None) or F',
      'print(json.dumps([[s(w) for w in FF(mp.mpf(float(g)), mp.mpf(float(u)))] for g, u in json.load(sys.stdin)]))',
    ].join('\n');
    const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(at.map(([g, u]) => [g.toPrecision(17), u.toPrecision(17)])), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`mpmath failed: ${r.stderr}`);
    const ref = JSON.parse(r.stdout) as string[][];
    const worst = [0, 0, 0];
    const failures: string[] = [];
    at.forEach(([g, u], i) => fns.forEach((fn, order) => {
      const e = measure(fn(g, u), ref[i]![order]!).ulps;
      worst[order] = Math.max(worst[order]!, e);
      if (!(e <= BOUNDS[order]!)) failures.push(`${name} ${KEYS[order]} at (${g}, ${u}): got ${fn(g, u)}, want ${ref[i]![order]} (${e} ulp)`);
    }));
    console.log(`    ${name.padEnd(32)} worst ${worst.map((w) => w.toFixed(3)).join(' / ')} ulp over ${at.length} pairs`);
    assert.deepEqual(failures.slice(0, 10), []);
  }

  it('GEGLU with the tanh GELU (Gemma) matches mpmath', function () {
    const body = [
      'c = mp.mpf("0.044715"); k = mp.sqrt(2/mp.pi)',
      '# g·σ(2u) rather than g/2·(1 + tanh u), which cancels to 0 at 50 digits for g < −12',
      'def G(g): return g/(1 + mp.exp(-2*k*(g + c*g**3)))',
      'def F(g, u): return [G(g)*u, mp.diff(G, g)*u, G(g)]',
    ].join('\n');
    check('geglu(tanh)', [(g, u) => gk.geglu(g, u, 'tanh'), (g, u) => gk.gegluDg(g, u, 'tanh'), (g, u) => gk.gegluDu(g, u, 'tanh')], body);
  });

  it('gpt-oss SwiGLU with α = 1.5 and limit = 3 clamps at the new limit', function () {
    const body = [
      'a = mp.mpf("1.5"); L = 3',
      'def S(g): return g/(1 + mp.exp(-a*g))',
      'def F(g, u):',
      '    gp = min(g, L); up = min(max(u, -L), L)',
      '    dg = mp.diff(S, gp)*(up + 1) if g <= L else 0',
      '    du = S(gp) if -L <= u <= L else 0',
      '    return [S(gp)*(up + 1), dg, du]',
    ].join('\n');
    check('swiglu_oai(1.5, 3)', [(g, u) => gk.swigluOai(g, u, 1.5, 3), (g, u) => gk.swigluOaiDg(g, u, 1.5, 3), (g, u) => gk.swigluOaiDu(g, u, 1.5, 3)], body);
  });

  it('keeps its accuracy where the activation is subnormal but a large u lifts the product back', function () {
    const deep = [[-720, 3], [-800, 1e300], [-1200, 1e300], [-1400, -1e308], [-38, 1e300], [-45, -1e280], [-52, 1e290], [-430, 5], [-500, -0.25], [-800, 6]] as const;
    const body = [
      'al = mp.mpf("1.702")',
      'def sg(v): return 1/(1 + mp.exp(-v))',
      'def F(g, u):',
      '    up = min(max(u, -7), 7)',
      '    Phi = mp.ncdf(g); phi = mp.npdf(g)',
      '    return [sg(g)*u, sg(g)*(1 - sg(g))*u, g*sg(g)*u, (sg(g) + g*sg(g)*(1 - sg(g)))*u, g*Phi*u, (Phi + g*phi)*u,',
      '            g*sg(al*g)*(up + 1), (sg(al*g) + al*g*sg(al*g)*(1 - sg(al*g)))*(up + 1)]',
    ].join('\n');
    const all: Gated[] = [gk.glu, gk.gluDg, gk.swiglu, gk.swigluDg, (g, u) => gk.geglu(g, u), (g, u) => gk.gegluDg(g, u), (g, u) => gk.swigluOai(g, u), (g, u) => gk.swigluOaiDg(g, u)];
    // Pairs of (value, partial): bounds 2 and 4 apply to each as in the reference test.
    for (let i = 0; i < all.length; i += 2) {
      const names = ['glu', 'swiglu', 'geglu', 'swiglu_oai'];
      const sel = `def F2(g, u): return F(g, u)[${i}:${i + 2}] + [0]`;
      check(`${names[i / 2]} deep tail`, [all[i]!, all[i + 1]!, () => 0], `${body}\n${sel}`, deep);
    }
  });

  it('keeps the tanh-form GEGLU accurate where its GELU is subnormal but u is large', function () {
    const deep = [[-18.5, 3], [-20, 1e200], [-23, 1e300], [-25.5, -1e308], [-29, 1e308], [-17.9, -2]] as const;
    const body = [
      'c = mp.mpf("0.044715"); k = mp.sqrt(2/mp.pi)',
      'def G(g): return g/(1 + mp.exp(-2*k*(g + c*g**3)))',
      'def F(g, u): return [G(g)*u, mp.diff(G, g)*u, G(g)]',
    ].join('\n');
    check('geglu(tanh) deep tail', [(g, u) => gk.geglu(g, u, 'tanh'), (g, u) => gk.gegluDg(g, u, 'tanh'), (g, u) => gk.gegluDu(g, u, 'tanh')], body, deep);
  });

  it('gpt-oss SwiGLU keeps the +1 and the clamps (y at g = 10, u = −10 is 7σ(11.914)·(−6))', function () {
    const expected = 7 / (1 + Math.exp(-1.702 * 7)) * -6;
    assert.ok(Math.abs(gk.swigluOai(10, -10) - expected) <= 1e-14);
    assert.equal(gk.swigluOaiDg(10, 1), 0);
    assert.equal(gk.swigluOaiDu(1, 7.5), 0);
  });
});
