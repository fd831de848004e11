/**
 * The gated snippets (glu, reglu, geglu exact and tanh, swiglu, swiglu_oai at two parameter
 * sets), compiled and run in every target this machine has, agree with src/core's
 * `gated[id].f/dg/du`: on the g, u of ../shared/reference/gated.jsonl, a fixed-seed sweep,
 * the gpt-oss clamp boundaries (g = limit ± 1 ulp, u = ±limit ± 1 ulp, u ≈ −1) and the gate's
 * tails. Scalar double targets: y within 3 ulps of the core, each partial within 4 (plus the
 * gate activation's own known floor, as the one-variable tests allow); CUDA float: the same
 * in float ulps against the core rounded to float. Points where act(g) itself is
 * subnormal are left out: there the core keeps digits that act(g)·u computed in the
 * format cannot (src/core/gatedKernels.ts), which the header says.
 */
import * as assert from 'node:assert/strict';
import { gated } from '../../../src/core';
import { check, DOUBLE_TOL, FLOAT_TOL, type Tolerance } from './harness';
import { GATED_CASES, GATED_RUNNERS, type GatedCase, type GatedPoint, type GatedRunner, type GatedValues } from './gatedRunners';
import { gatedReference, skipWithoutReference } from '../../support/reference';

const MIN_NORMAL = { double: 2 ** -1022, float: 2 ** -126 } as const;

/** xorshift32 in [0, 1): the same points every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function nextUp(x: number): number {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  const bits = b.getBigUint64(0);
  if (x === 0) return 2 ** -1074;
  b.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return b.getFloat64(0);
}
const nextDown = (x: number): number => -nextUp(-x);

/** The points of one case: reference g, u, the sweep, boundaries and tails, where act(g) is normal. */
function casePoints(c: GatedCase, precision: 'double' | 'float'): GatedPoint[] {
  const pts: GatedPoint[] = [];
  for (const row of gatedReference() ?? []) if (row.fn === c.id) pts.push({ g: Number(row.g), u: Number(row.u) });
  const next = generator(0x2545f491);
  for (let i = 0; i < 600; i++) pts.push({ g: -30 + 60 * next(), u: -20 + 40 * next() });
  for (let i = 0; i < 300; i++) pts.push({ g: (next() < 0.5 ? -1 : 1) * 2 ** (-30 + 35 * next()), u: (next() < 0.5 ? -1 : 1) * 2 ** (-20 + 40 * next()) });
  const limit = c.id === 'swiglu_oai' ? (c.params.limit ?? 7) : 7;
  const edges = [limit, nextUp(limit), nextDown(limit)];
  const us = [...edges, ...edges.map((e) => -e), -1, nextUp(-1), nextDown(-1), 0, 0.5, 3];
  for (const g of [...edges, -limit, 1, -2]) for (const u of us) pts.push({ g, u });
  for (const g of [-5, -10, -17.5, -20, -29.5, -36, -100, -700]) for (const u of [1, -3, 1e10]) pts.push({ g, u });
  const unit = gated[c.id];
  return pts.filter((p) => {
    const g = precision === 'float' ? Math.fround(p.g) : p.g;
    const u = precision === 'float' ? Math.fround(p.u) : p.u;
    if (!Number.isFinite(g) || !Number.isFinite(u)) return false;
    // act(g) and act′(g) themselves must be normal (or exactly 0) in the format.
    const a = unit.du(g, 0, c.params);
    const d = unit.dg(g, 0.5, c.params);
    const normal = (v: number): boolean => v === 0 || Math.abs(v) >= MIN_NORMAL[precision];
    return normal(a) && normal(d);
  });
}

/** y and both partials from the core, at the inputs as the target holds them. */
function coreTriple(c: GatedCase, p: GatedPoint, precision: 'double' | 'float'): [number, number, number] {
  const unit = gated[c.id];
  if (precision === 'double') return [unit.f(p.g, p.u, c.params), unit.dg(p.g, p.u, c.params), unit.du(p.g, p.u, c.params)];
  const g = Math.fround(p.g);
  const u = Math.fround(p.u);
  return [Math.fround(unit.f(g, u, c.params)), Math.fround(unit.dg(g, u, c.params)), Math.fround(unit.du(g, u, c.params))];
}

/**
 * Where the gate activation's one-variable code has a known floor (run.test.ts,
 * KNOWN_SWEEP_DEFECTS) the gated value inherits it plus the product's rounding; measured on
 * these points, in ulps; keyed by `target` (`target-float` for float code), then case (`'`:
 * the partials).
 */
const ACT_FLOORS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  // f′ = q·(1 + w·p) of the tanh form: five roundings (the 1-D test allows 5).
  '*': { "geglu_tanh'": 5 },
  // The self-contained Cody erfc near z = 3.5 (1-D: 6 ulps).
  javascript: { geglu: 6, "geglu'": 7 },
  typescript: { geglu: 6, "geglu'": 7 },
  java: { geglu: 6, "geglu'": 7 },
  rust: { geglu: 6, "geglu'": 7 },
  // SciPy's erfc near z ≈ 0.96 (1-D: 8 ulps); R's pnorm(x) + x·φ(x) (1-D: hundreds below −37.5, not reached here).
  numpy: { geglu: 9, "geglu'": 9 },
  r: { geglu: 6, "geglu'": 6 },
  // Go's math.Erfc in the tail (g ≈ −24): one step more than the C library's.
  go: { geglu: 4 },
  // Float: SiLU′ in float (1-D: within 4) times u.
  'cuda-float': { "swiglu'": 5 },
};

/**
 * The allowed error, counted in steps of the format against src/core (itself within ½–1 ulp
 * of the exact value): y 3 (the activation's ≤ 2 and the product's rounding), a partial 4, or
 * the activation's floor above.
 */
function allowed(runner: GatedRunner, c: GatedCase, component: 0 | 1 | 2): number {
  const key = `${c.key}${component === 0 ? '' : "'"}`;
  const target = runner.precision === 'float' ? `${runner.target}-float` : runner.target;
  const floor = Math.max(ACT_FLOORS[target]?.[key] ?? 0, runner.precision === 'double' ? (ACT_FLOORS['*']?.[key] ?? 0) : 0);
  return Math.max(component === 0 ? 3 : 4, floor);
}

const COMPONENTS = ['y', '∂y/∂g', '∂y/∂u'] as const;

interface Worst {
  ulps: number;
  at: GatedPoint;
}

describe('snippets: gated units run in every target here and agree with src/core', function () {
  this.timeout(300_000);
  const points = new Map<'double' | 'float', Map<string, GatedPoint[]>>();
  const started = new Map<GatedRunner, Promise<GatedValues>>();

  before(function () {
    skipWithoutReference(this);
    for (const precision of ['double', 'float'] as const) points.set(precision, new Map(GATED_CASES.map((c) => [c.key, casePoints(c, precision)])));
    // Two at a time (the machine has 2 cores), all queued up front.
    let chain: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
    GATED_RUNNERS.forEach((r, i) => {
      if (r.missing() !== undefined) return;
      const slot = i % 2;
      const p = (chain[slot] as Promise<unknown>).then(() => r.run(points.get(r.precision) as Map<string, GatedPoint[]>));
      chain[slot] = p.catch(() => undefined);
      p.catch(() => undefined);
      started.set(r, p);
    });
    chain = [];
  });

  it('has points at the clamp boundaries and in the tails for every case', function () {
    const double = points.get('double') as Map<string, GatedPoint[]>;
    for (const c of GATED_CASES) assert.ok((double.get(c.key)?.length ?? 0) >= 900, `${c.key}: ${double.get(c.key)?.length ?? 0} points`);
    const oai = double.get('swiglu_oai') as GatedPoint[];
    assert.ok(oai.some((p) => p.g === 7 && p.u === -7) && oai.some((p) => p.g === nextUp(7)) && oai.some((p) => p.u === nextDown(-1)));
  });

  for (const runner of GATED_RUNNERS) {
    it(`${runner.label}: y, ∂y/∂g and ∂y/∂u of every gated unit agree with src/core`, async function () {
      const missing = runner.missing();
      if (missing !== undefined) {
        console.log(`      SKIPPED ${runner.label}: ${missing}`);
        this.skip();
      }
      const values = await (started.get(runner) as Promise<GatedValues>);
      const failures: string[] = [];
      const report: string[] = [];
      const base: Tolerance = runner.precision === 'float' ? FLOAT_TOL : DOUBLE_TOL;
      for (const c of runner.cases) {
        const pts = (points.get(runner.precision) as Map<string, GatedPoint[]>).get(c.key) as GatedPoint[];
        const got = values.get(c.key) as [number, number, number][];
        assert.equal(got.length, pts.length, `${c.key}: result count`);
        const worst: Worst[] = COMPONENTS.map(() => ({ ulps: 0, at: { g: 0, u: 0 } }));
        pts.forEach((p, i) => {
          const expected = coreTriple(c, p, runner.precision);
          const g = runner.precision === 'float' ? Math.fround(p.g) : p.g;
          const uScale = Math.max(1, Math.abs(p.u) + 1);
          for (const k of [0, 1, 2] as const) {
            const tol: Tolerance = { ulps: allowed(runner, c, k), ...(base.absNearRoot === undefined ? {} : { absNearRoot: base.absNearRoot * (k === 1 ? uScale : 1) }) };
            const r = check((got[i] as number[])[k] as number, expected[k], g, k === 0 ? 0 : 1, runner.precision, tol);
            if (r.exempt !== true && r.ulps > (worst[k] as Worst).ulps) worst[k] = { ulps: r.ulps, at: p };
            if (!r.ok && failures.length < 12) failures.push(`${c.key} ${COMPONENTS[k]}(g=${p.g}, u=${p.u}) = ${(got[i] as number[])[k]}, core ${expected[k]} (${r.ulps.toFixed(1)} ulp > ${tol.ulps})`);
          }
        });
        report.push(`${c.key} ${worst.map((w, k) => `${COMPONENTS[k]} ${w.ulps.toFixed(2)}`).join(', ')}`);
      }
      if (process.env.GELU_SNIPPET_REPORT) console.log(`      ${runner.label} worst ulp vs core: ${report.join('; ')}`);
      assert.equal(failures.length, 0, failures.join('\n'));
    });
  }
});
