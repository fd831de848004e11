/**
 * The fused [..., 2d] forms of the gated units: the C++ function and its backward run on
 * buffers of rows × 2d (d odd, clamp boundaries inside) and agree with src/core element by
 * element in the layout their name says; the CUDA kernels and launchers are compiled by nvcc
 * for float, __half and __nv_bfloat16 storage where nvcc is installed (no GPU here: not run;
 * their device functions are the ones gated.test.ts runs as host C++); the PyTorch fused
 * function, its autograd.Function backward and the nn.Module agree with torch's own
 * composition (F.silu(x[..., :d]) * x[..., d:], F.glu, F.gelu, gpt-oss's clamped form) and
 * with src/core.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gated } from '../../../src/core';
import { generateSnippet } from '../../../src/snippets';
import { check, DOUBLE_TOL, has, parseNumber, run, tempDir } from './harness';
import { GATED_CASES, type GatedCase } from './gatedRunners';
import { TORCH_PYTHON, torchMissing } from './runners';
import { fusedName, halfLayout } from '../../../src/snippets/gated';
import type { HalfLayout } from '../../../src/snippets/types';

const ROWS = 3;
const D = 7;

function nextUp(x: number): number {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  b.setBigUint64(0, x > 0 ? b.getBigUint64(0) + 1n : b.getBigUint64(0) - 1n);
  return b.getFloat64(0);
}

/** rows × 2d inputs: a fixed-seed spread over [−12, 12] with the gpt-oss boundaries and u ≈ −1 planted. */
function buffer(c: GatedCase): number[] {
  let state = 0x1234567;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const x = Array.from({ length: ROWS * 2 * D }, () => -12 + 24 * next());
  const limit = c.params.limit ?? 7;
  const planted = [limit, nextUp(limit), -limit, -nextUp(limit), -1, nextUp(-1), 0];
  planted.forEach((v, i) => (x[3 * i] = v));
  return x;
}

/** The flat indices of g and u of output (r, j) in a layout. */
function at(layout: HalfLayout, r: number, j: number): [number, number] {
  const r2 = r * 2 * D;
  switch (layout) {
    case 'gate-first':
      return [r2 + j, r2 + D + j];
    case 'gate-second':
      return [r2 + D + j, r2 + j];
    case 'interleaved':
      return [r2 + 2 * j, r2 + 2 * j + 1];
  }
}

/** y and dx expected from the core for dy = 1 + (k mod 3)/4 at output k. */
function expected(c: GatedCase, x: readonly number[]): { y: number[]; dx: number[] } {
  const unit = gated[c.id];
  const layout = halfLayout(c.id);
  const y: number[] = [];
  const dx = new Array<number>(x.length).fill(0);
  for (let r = 0; r < ROWS; r++) {
    for (let j = 0; j < D; j++) {
      const [gi, ui] = at(layout, r, j);
      const g = x[gi] as number;
      const u = x[ui] as number;
      const k = r * D + j;
      const dy = 1 + (k % 3) / 4;
      y.push(unit.f(g, u, c.params));
      dx[gi] = dy * unit.dg(g, u, c.params);
      dx[ui] = dy * unit.du(g, u, c.params);
    }
  }
  return { y, dx };
}

function assertClose(label: string, got: readonly number[], want: readonly number[], ulps: number): number {
  assert.equal(got.length, want.length, `${label}: length`);
  let worst = 0;
  got.forEach((v, i) => {
    const r = check(v, want[i] as number, 0, 1, 'double', { ulps, absNearRoot: DOUBLE_TOL.absNearRoot as number });
    assert.ok(r.ok, `${label}[${i}] = ${v}, core ${want[i]} (${r.ulps.toFixed(1)} ulp)`);
    if (r.exempt !== true) worst = Math.max(worst, r.ulps);
  });
  return worst;
}

describe('snippets: fused gated forms over [..., 2d]', function () {
  this.timeout(300_000);

  it('C++: the fused function and its backward agree with src/core in the layout their name says (rows × 2d, d odd)', async function () {
    if (!has('g++')) {
      console.log('      SKIPPED: g++ not found');
      this.skip();
    }
    const dir = tempDir('gated-fused-cpp');
    const parts: string[] = ['#include <cstdio>', '#include <cmath>', '#include <cstddef>'];
    const calls: string[] = [];
    GATED_CASES.forEach((c, i) => {
      const s = generateSnippet({ variant: c.id, target: 'cpp', withDerivative: true, fused: true, params: c.params });
      const name = fusedName(s.options.names.forward, halfLayout(c.id));
      assert.match(s.plainCode, new RegExp(`inline void ${name}\\(const double\\* x, double\\* y, std::size_t rows, std::size_t d\\)`));
      parts.push(`namespace case_${i} {\n${s.parts.body}\n}`);
      const x = buffer(c);
      calls.push(
        [
          '{',
          `    const double x[] = {${x.map((v) => v.toPrecision(17)).join(', ')}};`,
          `    double y[${ROWS * D}], dy[${ROWS * D}], dx[${ROWS * 2 * D}];`,
          `    for (int k = 0; k < ${ROWS * D}; ++k) dy[k] = 1 + (k % 3) / 4.0;`,
          `    case_${i}::${name}(x, y, ${ROWS}, ${D});`,
          `    case_${i}::${name}_backward(x, dy, dx, ${ROWS}, ${D});`,
          `    for (int k = 0; k < ${ROWS * D}; ++k) std::printf("%.17g ", y[k]);`,
          '    std::printf("\\n");',
          `    for (int k = 0; k < ${ROWS * 2 * D}; ++k) std::printf("%.17g ", dx[k]);`,
          '    std::printf("\\n");',
          '}',
        ].join('\n'),
      );
    });
    parts.push(`int main()\n{\n${calls.join('\n')}\n    return 0;\n}`);
    const file = path.join(dir, 'main.cpp');
    fs.writeFileSync(file, parts.join('\n\n'));
    await run('g++', ['-std=c++17', '-O2', '-Wall', '-Werror', '-Wno-unused-variable', '-Wno-unused-parameter', '-o', path.join(dir, 'main'), file]);
    const lines = (await run(path.join(dir, 'main'), [])).stdout.trim().split('\n');
    const worst: string[] = [];
    GATED_CASES.forEach((c, i) => {
      const want = expected(c, buffer(c));
      const y = (lines[2 * i] as string).trim().split(/\s+/).map(parseNumber);
      const dx = (lines[2 * i + 1] as string).trim().split(/\s+/).map(parseNumber);
      worst.push(`${c.key} y ${assertClose(`${c.key} y`, y, want.y, 3).toFixed(1)}, dx ${assertClose(`${c.key} dx`, dx, want.dx, 5).toFixed(1)}`);
    });
    if (process.env.GELU_SNIPPET_REPORT) console.log(`      C++ fused worst ulp vs core: ${worst.join('; ')}`);
  });

  it('CUDA: the fused kernels and launchers compile with nvcc for float, __half and __nv_bfloat16 storage (float and double arithmetic)', async function () {
    if (!has('nvcc')) {
      console.log('      SKIPPED: nvcc not found (the device functions still run as host C++ in gated.test.ts)');
      this.skip();
    }
    const dir = tempDir('gated-fused-cuda');
    const parts: string[] = [];
    const combos = GATED_CASES.flatMap((c) => (['float', 'double'] as const).map((precision) => ({ c, precision })));
    combos.forEach(({ c, precision }, i) => {
      const s = generateSnippet({ variant: c.id, target: 'cuda', withDerivative: true, fused: true, params: c.params, precision });
      const name = fusedName(s.options.names.forward, halfLayout(c.id));
      assert.match(s.plainCode, new RegExp(`__global__ void ${name}_kernel\\(const Storage\\* __restrict__ x, Storage\\* __restrict__ y, size_t rows, size_t d\\)`));
      assert.match(s.plainCode, /for \(size_t k = blockIdx\.x \* \(size_t\)blockDim\.x \+ threadIdx\.x; k < rows \* d; k \+= \(size_t\)blockDim\.x \* gridDim\.x\)/);
      if (i === 0) parts.push(...s.imports);
      const ns = `case_${i}`;
      const inst = ['float', '__half', '__nv_bfloat16', ...(precision === 'double' ? ['double'] : [])].flatMap((t) => [
        `template cudaError_t ${name}<${t}>(const ${t}*, ${t}*, size_t, size_t, cudaStream_t);`,
        `template cudaError_t ${name}_backward<${t}>(const ${t}*, const ${t}*, ${t}*, size_t, size_t, cudaStream_t);`,
      ]);
      parts.push(`namespace ${ns} {\n${s.parts.body}\n${inst.join('\n')}\n}`);
    });
    const file = path.join(dir, 'fused.cu');
    fs.writeFileSync(file, parts.join('\n\n'));
    await run('nvcc', ['-c', '-std=c++17', '-Werror', 'all-warnings', '-o', path.join(dir, 'fused.o'), file]);
    assert.ok(fs.statSync(path.join(dir, 'fused.o')).size > 0);
  });

  it('PyTorch: the fused function, its backward and the nn.Module agree with torch\'s own composition and with src/core', async function () {
    const missing = torchMissing();
    if (missing !== undefined) {
      console.log(`      SKIPPED: ${missing}`);
      this.skip();
    }
    const dir = tempDir('gated-fused-torch');
    /** torch's own spelling of each unit over x [..., 2d], at the case's parameters. */
    const torchOwn = (c: GatedCase): string => {
      switch (c.id) {
        case 'glu':
          return 'F.glu(x, dim=-1)';
        case 'reglu':
          return 'F.relu(x[..., :d]) * x[..., d:]';
        case 'geglu':
          return c.params.tanh === 1 ? "F.gelu(x[..., :d], approximate='tanh') * x[..., d:]" : 'F.gelu(x[..., :d]) * x[..., d:]';
        case 'swiglu':
          return 'F.silu(x[..., :d]) * x[..., d:]';
        case 'swiglu_oai': {
          const a = c.params.alpha ?? 1.702;
          const l = c.params.limit ?? 7;
          return `(lambda gg, uu: gg * torch.sigmoid(${a} * gg) * (uu + 1))(x[..., ::2].clamp(max=${l}), x[..., 1::2].clamp(-${l}, ${l}))`;
        }
      }
    };
    const jobs = GATED_CASES.map((c) => {
      const s = generateSnippet({ variant: c.id, target: 'pytorch', withDerivative: true, fused: true, form: 'module', params: c.params });
      const file = path.join(dir, `${c.key}.py`);
      fs.writeFileSync(file, s.plainCode);
      return { key: c.key, file, fused: fusedName(s.options.names.forward, halfLayout(c.id)), cls: s.options.names.className, own: torchOwn(c), x: buffer(c) };
    });
    fs.writeFileSync(path.join(dir, 'jobs.json'), JSON.stringify(jobs));
    const driver = [
      'import json, sys',
      'import torch',
      'import torch.nn.functional as F',
      `jobs = json.load(open(${JSON.stringify(path.join(dir, 'jobs.json'))}))`,
      'out = {}',
      'for job in jobs:',
      '    ns = {}',
      "    exec(compile(open(job['file']).read(), job['file'], 'exec'), ns)",
      "    fused, cls = ns[job['fused']], ns[job['cls']]",
      `    x0 = torch.tensor(job['x'], dtype=torch.float64).reshape(${ROWS}, ${2 * D})`,
      `    dy = torch.tensor([1 + (k % 3) / 4 for k in range(${ROWS * D})], dtype=torch.float64).reshape(${ROWS}, ${D})`,
      '    x = x0.clone().requires_grad_(True)',
      '    y = fused(x)',
      '    y.backward(dy)',
      '    xr = x0.clone().requires_grad_(True)',
      `    d = ${D}`,
      '    x_ = xr',
      "    yr = eval(job['own'], {'torch': torch, 'F': F, 'x': xr, 'd': d})",
      '    yr.backward(dy)',
      '    ym = cls()(x0)',
      '    x32 = x0.to(torch.float32)',
      '    y32 = fused(x32)',
      "    out[job['key']] = {'y': y.detach().tolist(), 'dx': x.grad.tolist(), 'y_torch': yr.detach().tolist(), 'dx_torch': xr.grad.tolist(), 'y_module': ym.detach().tolist(), 'y32': y32.double().tolist(), 'dtype32': str(y32.dtype)}",
      'print(json.dumps(out))',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'driver.py'), driver);
    const r = await run(TORCH_PYTHON, [path.join(dir, 'driver.py')]);
    const res = JSON.parse(r.stdout) as Record<string, { y: number[][]; dx: number[][]; y_torch: number[][]; dx_torch: number[][]; y_module: number[][]; y32: number[][]; dtype32: string }>;
    const worst: string[] = [];
    for (const c of GATED_CASES) {
      const o = res[c.key];
      assert.ok(o !== undefined, c.key);
      const want = expected(c, buffer(c));
      const y = o.y.flat();
      const dx = o.dx.flat();
      // The tensor code has no hi + lo steps: a few ulps in float64 at these |g| ≤ 12.
      const vsCore = assertClose(`${c.key} y vs core`, y, want.y, 16);
      const dxCore = assertClose(`${c.key} dx vs core`, dx, want.dx, 16);
      // torch's own forms are the looser ones (F.gelu is ½x(1 + erf) and cancels for g ≪ 0; F.glu's
      // backward is off by ~1e-12 relative here): a check of the layout and the gradient routing,
      // which a swapped half or a missing +1 fails by orders of magnitude.
      const near = (a: number, t: number): boolean => Math.abs(a - t) <= 1e-10 * Math.abs(t) + 2 ** -48 * 13 * 13;
      o.y_torch.flat().forEach((t, i) => assert.ok(near(y[i] as number, t), `${c.key} y[${i}] = ${y[i]}, torch ${t}`));
      o.dx_torch.flat().forEach((t, i) => assert.ok(near(dx[i] as number, t), `${c.key} dx[${i}] = ${dx[i]}, torch autograd ${t}`));
      assert.deepEqual(o.y_module.flat(), y, `${c.key}: the nn.Module gives the fused function's values`);
      assert.equal(o.dtype32, 'torch.float32', `${c.key}: float32 in, float32 out`);
      // float32: within 8 float ulps where g ≥ −5 (below, the header says the tensor code loses ulps in the tail).
      const x = buffer(c);
      o.y32.flat().forEach((v, i) => {
        const [gi, ui] = at(halfLayout(c.id), Math.floor(i / D), i % D);
        if ((x[gi] as number) < -5) return;
        // The core at the inputs as float32 holds them (u = −1 + 2⁻⁵² is −1 there).
        const w = Math.fround(gated[c.id].f(Math.fround(x[gi] as number), Math.fround(x[ui] as number), c.params));
        assert.ok(Math.abs(v - w) <= 8 * 2 ** -23 * Math.abs(w) + 2 ** -140, `${c.key} float32 y[${i}] = ${v}, core ${w}`);
      });
      worst.push(`${c.key} y ${vsCore.toFixed(1)}, dx ${dxCore.toFixed(1)}`);
    }
    if (process.env.GELU_SNIPPET_REPORT) console.log(`      PyTorch fused float64 worst ulp vs core: ${worst.join('; ')}`);
  });
});
