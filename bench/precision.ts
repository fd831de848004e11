/**
 * Speed of the precision lab (a benchmark, not a test): `npm run bench -- precision` times it
 * bundled and minified as it ships.
 *
 * - Exhaustive bfloat16 and float16 sweeps of gelu_tanh (per-op and fp32-opmath), target < 50 ms.
 * - The float32 stratified sample (≥ 10⁶ inputs) of gelu_tanh, target < 300 ms.
 * Each sweep is timed cold (first call: inputs and correctly rounded true values built) and warm
 * (median of later calls, those cached). The baseline, measured in the same process on the
 * same inputs, is a plain double loop of the naive tanh GELU: the ratio says how many such loops
 * one sweep costs. A miss is printed, never an exit failure.
 */
import { sweep, sweepInputs } from '../src/core/sweep';
import type { Format } from '../src/core/precision';
import type { Mode } from '../src/core/implementations';

const REPS = 7;

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function ms(run: () => void): number {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const K = Math.sqrt(2 / Math.PI);
let sink = 0;
function baseline(xs: Float64Array): void {
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    s += 0.5 * x * (1 + Math.tanh(K * (x + 0.044715 * x * x * x)));
  }
  sink += s;
}

function row(format: Format, mode: Mode, target: number): void {
  const cold = ms(() => {
    sink += sweep('gelu_tanh', format, mode).maxUlp;
  });
  const warm = median(Array.from({ length: REPS }, () => ms(() => (sink += sweep('gelu_tanh', format, mode).maxUlp))));
  const xs = sweepInputs(format);
  baseline(xs);
  const base = median(Array.from({ length: REPS }, () => ms(() => baseline(xs))));
  const verdict = warm <= target ? 'ok' : 'MISS';
  console.log(
    `${`gelu_tanh ${format} ${mode}`.padEnd(34)} n=${String(xs.length).padStart(8)}  cold ${cold.toFixed(1).padStart(7)} ms  warm ${warm.toFixed(1).padStart(7)} ms  ` +
      `baseline ${base.toFixed(2).padStart(6)} ms  ratio ${(warm / base).toFixed(1).padStart(6)}×  target < ${target} ms: ${verdict}`,
  );
}

console.log('Sweeps (gelu_tanh against its own function, correctly rounded); baseline: naive double tanh GELU loop over the same inputs');
row('bfloat16', 'per-op', 50);
row('bfloat16', 'fp32-opmath', 50);
row('float16', 'per-op', 50);
row('float16', 'fp32-opmath', 50);
row('float32', 'per-op', 300);
if (sink === 42) console.log('');
