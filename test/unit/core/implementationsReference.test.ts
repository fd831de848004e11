/**
 * Implementations against the real thing: NumPy float16 arithmetic (per-op) and PyTorch 1.13
 * CPU kernels on bfloat16 tensors (fp32-opmath), over every input of the format. One Python
 * process per check; skipped, saying why, when Debian's /usr/bin/python3 lacks numpy or torch.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { implementations, type ImplementationId, type Mode } from '../../../src/core/implementations';
import { ulpIn, type Format } from '../../../src/core/precision';
import { decode } from '../../../src/core/sweep';

const PYTHON = '/usr/bin/python3';

/** Runs `script`; its stdout as JSON, or a reason to skip. */
function python(script: string): { ok: true; out: Record<string, string> } | { ok: false; why: string } {
  const r = spawnSync(PYTHON, ['-c', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  if (r.error !== undefined) return { ok: false, why: `${PYTHON} did not run (${r.error.message})` };
  if (r.status !== 0) {
    const missing = /No module named '([^']+)'/.exec(r.stderr);
    if (missing !== null) return { ok: false, why: `${PYTHON} has no ${missing[1]!} (apt-get install python3-${missing[1]!})` };
    throw new Error(`python failed: ${r.stderr}`);
  }
  return { ok: true, out: JSON.parse(r.stdout) as Record<string, string> };
}

/** Registers a `before` hook that runs `script` into `out`, or skips the suite saying why. */
function pythonBefore(script: string): { out: Record<string, string> } {
  const result = { out: {} as Record<string, string> };
  before(function () {
    const r = python(script);
    if (!r.ok) {
      console.log(`      SKIPPED: ${r.why}`);
      this.skip();
    }
    result.out = r.out;
  });
  return result;
}

/** 16-bit patterns from a hex dump of a little-endian uint16 array. */
function patterns(hex: string): Uint16Array {
  const b = Buffer.from(hex, 'hex');
  const out = new Uint16Array(b.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = b.readUInt16LE(2 * i);
  return out;
}

interface Agreement {
  identical: number;
  worstUlp: number;
  worstAt: number;
}

function agreement(id: ImplementationId, format: 'float16' | 'bfloat16', mode: Mode, theirs: Uint16Array, skip?: (i: number) => boolean): Agreement {
  let identical = 0;
  let worstUlp = 0;
  let worstAt = NaN;
  for (let i = 0; i < 65536; i++) {
    if (skip?.(i) === true) continue;
    const x = decode(i, format);
    const ours = implementations[id].evaluate(x, format, mode);
    const t = decode(theirs[i]!, format);
    if (Object.is(ours, t) || (ours === 0 && t === 0)) {
      identical++;
      continue;
    }
    const u = Number.isFinite(ours) && Number.isFinite(t) ? Math.abs(ours - t) / ulpIn(t, format as Format) : Infinity;
    if (!(u <= worstUlp)) {
      worstUlp = u;
      worstAt = x;
    }
  }
  return { identical, worstUlp, worstAt };
}

const NUMPY = String.raw`
import json, numpy as np
np.seterr(all='ignore')
h = np.float16
x = np.arange(65536, dtype=np.uint16).view(np.float16)
def run(f, wide):
    # wide=False: NumPy's own float16 ufuncs (float32 libm, then a second rounding to half);
    # wide=True: the same expression with each elementary function evaluated in float64, rounded once.
    W = (lambda g: (lambda v: g(v.astype(np.float64)).astype(np.float16))) if wide else (lambda g: g)
    return f(W(np.tanh), W(np.exp), W(np.log), W(np.log1p), W(lambda v: np.power(v, 3)), W(np.sqrt))
def gelu_tanh(tanh, exp, log, log1p, cube, sqrt):
    inner = h(0.7978845608028654) * (x + h(0.044715) * (x * x * x))
    return (x * h(0.5)) * (h(1) + tanh(inner))
def gelu_fast(tanh, exp, log, log1p, cube, sqrt):
    return (h(0.5) * x) * (h(1) + tanh((x * h(0.7978845608)) * (h(1) + (h(0.044715) * x) * x)))
def gelu_onnx_tanh(tanh, exp, log, log1p, cube, sqrt):
    c = lambda v: h(np.float32(v))
    s = sqrt(c(0.63661977236))
    return (c(0.5) * x) * (h(1) + tanh(s * (x + c(0.044715) * cube(x))))
def silu_div(tanh, exp, log, log1p, cube, sqrt):
    return x / (h(1) + exp(-x))
def softplus_log1pexp(tanh, exp, log, log1p, cube, sqrt):
    return log(h(1) + exp(x))
def softplus_torch(tanh, exp, log, log1p, cube, sqrt):
    return np.where(x > h(20), x, log1p(exp(x)))
def mish(tanh, exp, log, log1p, cube, sqrt):
    return x * tanh(softplus_torch(tanh, exp, log, log1p, cube, sqrt))
out = {}
for f in [gelu_tanh, gelu_fast, gelu_onnx_tanh, silu_div, softplus_log1pexp, softplus_torch, mish]:
    out[f.__name__] = np.asarray(run(f, False), dtype=np.float16).view(np.uint16).astype('<u2').tobytes().hex()
    out[f.__name__ + '/wide'] = np.asarray(run(f, True), dtype=np.float16).view(np.uint16).astype('<u2').tobytes().hex()
print(json.dumps(out))
`;

const TORCH = String.raw`
import json, torch
import torch.nn.functional as F
out = {}
for dtype, name in [(torch.bfloat16, 'bfloat16'), (torch.float16, 'float16')]:
    x = torch.arange(65536, dtype=torch.int32).to(torch.int16).view(dtype)
    for key, f in [('gelu_erf', F.gelu), ('gelu_tanh', lambda v: F.gelu(v, approximate='tanh')), ('silu', F.silu), ('mish', F.mish), ('softplus_torch', F.softplus)]:
        if dtype == torch.bfloat16:
            # the float32 kernel on the same values, rounded to bfloat16 afterwards
            out[name + '/' + key + '/f32'] = f(x.float()).to(dtype).view(torch.int16).numpy().astype('<i2').tobytes().hex()
        try:
            y = f(x)
        except RuntimeError as e:
            out[name + '/' + key] = 'none: ' + str(e).splitlines()[0]
            continue
        out[name + '/' + key] = y.view(torch.int16).numpy().astype('<i2').tobytes().hex()
out['version'] = torch.__version__
print(json.dumps(out))
`;

describe('Implementations agree with NumPy float16, op by op, over all 65,536 inputs', function () {
  this.timeout(180_000);
  const result = pythonBefore(NUMPY);
  for (const id of ['gelu_tanh', 'gelu_fast', 'gelu_onnx_tanh', 'silu_div', 'softplus_log1pexp', 'softplus_torch', 'mish'] as const) {
    it(`${id}: bit for bit except where NumPy rounds twice (float32 libm, then half)`, () => {
      const native = patterns(result.out[id]!);
      const wide = patterns(result.out[`${id}/wide`]!);
      const doubleRounded = (i: number): boolean => native[i] !== wide[i] && !(decode(native[i]!, 'float16') !== decode(native[i]!, 'float16') && decode(wide[i]!, 'float16') !== decode(wide[i]!, 'float16'));
      const once = agreement(id, 'float16', 'per-op', wide);
      const all = agreement(id, 'float16', 'per-op', native);
      const exceptDouble = agreement(id, 'float16', 'per-op', native, doubleRounded);
      let n = 0;
      for (let i = 0; i < 65536; i++) if (doubleRounded(i)) n++;
      console.log(`      ${id}: ${all.identical}/65536 identical to NumPy; ${n} inputs where NumPy double-rounds; worst there ${all.worstUlp} ulp at ${all.worstAt}`);
      assert.equal(once.identical, 65536, `against single rounding: worst ${once.worstUlp} ulp at x = ${once.worstAt}`);
      assert.equal(exceptDouble.identical, 65536 - n, `outside double rounding: worst ${exceptDouble.worstUlp} ulp at x = ${exceptDouble.worstAt}`);
    });
  }
});

describe('fp32-opmath implementations agree with PyTorch CPU kernels over every input', function () {
  this.timeout(180_000);
  const result = pythonBefore(TORCH);
  for (const format of ['bfloat16', 'float16'] as const) {
    for (const id of ['gelu_erf', 'gelu_tanh', 'silu', 'mish', 'softplus_torch'] as const) {
      it(`${id} on ${format} tensors: the float32 kernel rounded agrees with fp32-opmath on ≥ 99.95 % of inputs, the bfloat16 kernel on ≥ 98 %`, function () {
          const f32 = result.out[`${format}/${id}/f32`];
        if (f32 !== undefined) {
          const b = agreement(id, format, 'fp32-opmath', patterns(f32));
          console.log(`      ${id} float32 kernel rounded to ${format} vs fp32-opmath: ${b.identical}/65536 bit-identical, worst ${b.worstUlp} ulp at x = ${b.worstAt}`);
          assert.ok(b.identical >= 0.9995 * 65536, `${b.identical}/65536 identical; worst ${b.worstUlp} ulp at x = ${b.worstAt}`);
        }
        const theirs = result.out[`${format}/${id}`]!;
        if (theirs.startsWith('none')) {
          console.log(`      SKIPPED (${format} kernel): torch ${result.out.version!} has no CPU ${format} kernel: ${theirs.slice(6)}`);
          if (f32 === undefined) this.skip();
          return;
        }
        const a = agreement(id, format, 'fp32-opmath', patterns(theirs));
        console.log(`      ${id} ${format} kernel vs fp32-opmath: ${a.identical}/65536 bit-identical (${((100 * a.identical) / 65536).toFixed(3)} %), worst ${a.worstUlp} ulp at x = ${a.worstAt}`);
        // Measured with torch 1.13 (Debian): 98.3–100 % identical. The rest are not libm
        // rounding alone: the vectorised bfloat16 kernels flush results near the float32
        // underflow threshold, and the tanh GELU kernel computes in bfloat16 op by op (below).
        assert.ok(a.identical >= 0.98 * 65536, `${a.identical}/65536 identical; worst ${a.worstUlp} ulp at x = ${a.worstAt}`);
        if (id === 'gelu_tanh') {
          const perOp = agreement(id, format, 'per-op', patterns(theirs));
          console.log(`      ${id} ${format} kernel vs per-op: ${perOp.identical}/65536 bit-identical, worst ${perOp.worstUlp} ulp`);
          assert.equal(perOp.identical, 65536, `per-op: worst ${perOp.worstUlp} ulp at x = ${perOp.worstAt}`);
        }
      });
    }
  }
});
