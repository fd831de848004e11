/**
 * Speed of the numeric core (a benchmark, not a test): `npm run bench -- core` times it bundled
 * and minified as it ships; `npx tsx bench/core.ts [points] [reps]` runs it unbundled, where
 * tsx's cross-module getters slow the hot loops.
 *
 * Evaluates f and f′ of every registry function over 10⁶ points uniform in [−10, 10] through
 * `activations[id].batch` (the path the plot uses), several repetitions each, and reports the
 * median throughput. Two baselines are measured in the same process on the same points:
 *   - naive tanh GELU:   0.5*x*(1 + Math.tanh(Math.sqrt(2/Math.PI)*(x + 0.044715*x*x*x)))
 *   - stdlib exact GELU: 0.5*x*erfc(−x/√2) with @stdlib/math-base-special-erfc
 * Targets for exact GELU f: ≥ 0.7× the naive tanh form and ≥ 2× the stdlib form. A miss is
 * printed, never an exit failure.
 */
import erfcStdlib from '@stdlib/math-base-special-erfc';
import { activations } from '../src/core';
import { FUNCTION_IDS, type Order } from '../src/core/types';

const N = Number(process.argv[2] ?? 1_000_000);
const REPS = Number(process.argv[3] ?? 9);

/** Deterministic uniform points in [−10, 10] (xorshift32), so runs are comparable. */
function points(n: number): Float64Array {
  const xs = new Float64Array(n);
  let s = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    xs[i] = ((s >>> 0) / 4294967296) * 20 - 10;
  }
  return xs;
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median million evaluations per second of `run` over the points (one warm-up run first). */
function measure(run: () => void): number {
  run();
  const times: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const t0 = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return N / median(times) / 1e6;
}

const xs = points(N);
const out = new Float64Array(N);
let sink = 0;

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
function naiveTanhBatch(): void {
  for (let i = 0; i < N; i++) {
    const x = xs[i]!;
    out[i] = 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
  }
  sink += out[N >> 1]!;
}
function stdlibBatch(): void {
  for (let i = 0; i < N; i++) {
    const x = xs[i]!;
    out[i] = 0.5 * x * erfcStdlib(-x / Math.SQRT2);
  }
  sink += out[N >> 1]!;
}

/** One timed run of `run`, in seconds. */
function time(run: () => void): number {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

// The targets compare runs interleaved round by round (the machine may be shared and its
// speed drift), as medians of the per-round ratios.
const geluBatch = (): void => {
  activations.gelu.batch(xs, 0, undefined, out);
  sink += out[N >> 1]!;
};
naiveTanhBatch();
stdlibBatch();
geluBatch();
const tNaive: number[] = [];
const tStdlib: number[] = [];
const tGelu: number[] = [];
const rNaive: number[] = [];
const rStdlib: number[] = [];
for (let r = 0; r < REPS; r++) {
  const a = time(naiveTanhBatch);
  const b = time(stdlibBatch);
  const g = time(geluBatch);
  tNaive.push(a);
  tStdlib.push(b);
  tGelu.push(g);
  rNaive.push(a / g);
  rStdlib.push(b / g);
}
const naive = N / median(tNaive) / 1e6;
const stdlib = N / median(tStdlib) / 1e6;
const geluF = N / median(tGelu) / 1e6;
const r1 = median(rNaive);
const r2 = median(rStdlib);

const rows: string[] = [];
const pad = (s: string, n: number): string => s.padEnd(n);
const num = (v: number): string => v.toFixed(1).padStart(8);
rows.push(`${pad('function', 16)}${'f M/s'.padStart(8)}${'f′ M/s'.padStart(9)}${'f ÷ naive'.padStart(11)}${'f ÷ stdlib'.padStart(12)}`);
for (const id of FUNCTION_IDS) {
  const fn = activations[id];
  const run = (order: Order) => (): void => {
    fn.batch(xs, order, undefined, out);
    sink += out[N >> 1]!;
  };
  const f = measure(run(0));
  const df = measure(run(1));
  rows.push(`${pad(id, 16)}${num(f)} ${num(df)}${(f / naive).toFixed(2).padStart(10)}×${(f / stdlib).toFixed(2).padStart(11)}×`);
}
rows.push(`${pad('naive tanh GELU', 16)}${num(naive)}   (interleaved with exact GELU f: ${geluF.toFixed(1)})`);
rows.push(`${pad('stdlib erfc GELU', 16)}${num(stdlib)}`);

console.log(`${N} points uniform in [−10, 10], median of ${REPS} runs, node ${process.version}\n`);
console.log(rows.join('\n'));
console.log('');
console.log(`${r1 >= 0.7 ? 'PASS' : 'MISS'}  exact GELU ≥ 0.7× naive tanh GELU: ${r1.toFixed(2)}× (median of per-round ratios; ${geluF.toFixed(1)} vs ${naive.toFixed(1)} M evals/s)`);
console.log(`${r2 >= 2 ? 'PASS' : 'MISS'}  exact GELU ≥ 2× stdlib erfc GELU:   ${r2.toFixed(2)}× (median of per-round ratios; ${geluF.toFixed(1)} vs ${stdlib.toFixed(1)} M evals/s)`);
if (sink === 42) console.log('');
