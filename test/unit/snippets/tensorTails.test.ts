/**
 * The PyTorch snippets' arithmetic at the ends of every float format: run on NumPy through a
 * small stand-in for the few `torch` functions they call (where, exp, abs, full_like, clamp…), in
 * float16, float32 and float64, at ±∞, the largest finite values and far tails. No NaN may come
 * out, and f, f′ take their limits (f′ → 1 and 0, GELU(−∞) = 0). The tensor targets share one
 * algorithm (src/snippets/algorithms.ts), so this covers TensorFlow and JAX's arithmetic too.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateSnippet } from '../../../src/snippets';
import type { FunctionId } from '../../../src/core/types';
import { PYTHON } from './runners';

const VARIANTS: readonly FunctionId[] = ['gelu', 'gelu_tanh', 'gelu_sigmoid', 'silu', 'mish', 'elu', 'selu', 'softplus', 'sigmoid', 'tanh', 'leaky_relu', 'hardswish'];

/** A `torch` made of NumPy: just what the generated code calls. */
const SHIM = `
import sys, types, numpy as np, scipy.special
torch = types.ModuleType('torch')
for name in ('abs', 'exp', 'expm1', 'log', 'log1p', 'tanh', 'where', 'full_like', 'maximum', 'minimum', 'clip', 'sqrt'):
    setattr(torch, name, getattr(np, name))
torch.erfc = lambda x: scipy.special.erfc(x).astype(x.dtype)
class Tensor(np.ndarray):
    # Tensor.clamp(min, max), as NumPy's clip (NaN passes through both)
    def clamp(self, min=None, max=None):
        return np.clip(self, min, max)
torch.Tensor = Tensor
torch.autograd = types.SimpleNamespace(Function=object)
torch.nn = types.SimpleNamespace(Module=object)
sys.modules['torch'] = torch
`;

const CHECK = `
import json
np.seterr(all='ignore')
def enc(v):
    v = float(v)
    return 'NaN' if v != v else 'Infinity' if v == np.inf else '-Infinity' if v == -np.inf else repr(v)
out = {}
for dtype in (np.float16, np.float32, np.float64):
    big = np.finfo(dtype).max
    xs = np.array([-np.inf, -big, -1e4, -100.0, -40.0, -5.0, 0.0, 5.0, 40.0, 100.0, 1e4, big, np.inf]).astype(dtype)
    f = np.asarray(ns[FORWARD](xs.view(torch.Tensor)))
    df = np.asarray(ns[DERIVATIVE](xs.view(torch.Tensor)))
    out[np.dtype(dtype).name] = {'x': [enc(v) for v in xs], 'f': [enc(v) for v in f], 'df': [enc(v) for v in df], 'dtype': [f.dtype.name, df.dtype.name]}
print(json.dumps(out))
`;

/** Values travel as strings: JSON has no ∞ or NaN. */
interface Result {
  readonly x: string[];
  readonly f: string[];
  readonly df: string[];
  readonly dtype: [string, string];
}

describe('tensor snippets at the ends of float16, float32 and float64 (PyTorch code on a NumPy stand-in)', function () {
  this.timeout(60_000);
  const probe = spawnSync(PYTHON, ['-c', 'import numpy, scipy.special'], { encoding: 'utf8' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gelu-tensor-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const variant of VARIANTS) {
    it(`${variant}: no NaN, and the limits, in every format`, function () {
      if (probe.status !== 0) this.skip();
      const snippet = generateSnippet({ target: 'pytorch', variant, withDerivative: true });
      const file = path.join(dir, `${variant}.py`);
      const names = `FORWARD = ${JSON.stringify(snippet.options.names.forward)}\nDERIVATIVE = ${JSON.stringify(snippet.options.names.derivative)}\n`;
      fs.writeFileSync(file, `${SHIM}\n${names}ns = {}\nexec(compile(${JSON.stringify(snippet.plainCode)}, '${variant}.py', 'exec'), ns)\n${CHECK}`);
      const run = spawnSync(PYTHON, [file], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const results = JSON.parse(run.stdout) as Record<string, Result>;
      for (const [dtype, r] of Object.entries(results)) {
        assert.deepEqual(r.dtype, [dtype, dtype], `${variant} keeps ${dtype}`);
        r.x.map(Number).forEach((x, i) => {
          const f = Number(r.f[i]);
          const df = Number(r.df[i]);
          const where = `${variant} ${dtype} at x = ${x}: f = ${f}, f′ = ${df}`;
          assert.ok(!Number.isNaN(f) && !Number.isNaN(df), `NaN: ${where}`);
          if (x === Infinity && variant.startsWith('gelu')) assert.ok(f === Infinity && df === 1, where);
          if (x === -Infinity && variant.startsWith('gelu')) assert.ok(f === 0 && df === 0, where);
          if (['gelu', 'gelu_tanh', 'gelu_sigmoid', 'silu', 'mish'].includes(variant) && Math.abs(x) >= 100) {
            assert.ok(x > 0 ? df === 1 : Math.abs(df) < 1e-30, where);
          }
        });
      }
    });
  }
});
