/** C (`<math.h>`), C++ (`<cmath>`) and CUDA (`__device__` functions and elementwise kernels). */
import { literal, type ScalarType } from '../exact';
import { commentBlock } from '../common';
import { braceStatements, indent, libmTable, noHelper, printBody, type StmtDialect } from '../emit';
import { type Fn, fnParams } from '../ir';
import type { GatedRender, HalfLayout, RenderContext, Rendered, TargetSpec } from '../types';

type Lang = 'c' | 'cpp' | 'cuda';

const BASE = libmTable({ rename: { abs: 'fabs' } });

function dialect(lang: Lang, precision: ScalarType): StmtDialect {
  const type = precision === 'float' ? 'float' : 'double';
  return {
    num: (v) => `${literal(v, precision)}${precision === 'float' ? 'f' : ''}`,
    call: (name, args) => {
      const base = BASE[name];
      if (base === undefined) throw new Error(`C has no ${name}`);
      const f = lang === 'cpp' ? `std::${name === 'abs' ? 'abs' : base}` : precision === 'float' ? `${base}f` : base;
      return `${f}(${args.join(', ')})`;
    },
    helper: noHelper('C'),
    ...braceStatements(`const ${type}`),
  };
}

function fn(lang: Lang, precision: ScalarType, qualifiers: string, name: string, f: Fn, doc: string): string {
  const type = precision === 'float' ? 'float' : 'double';
  return [`// ${doc}`, `${qualifiers}${type} ${name}(${fnParams(f).map((p) => `${type} ${p}`).join(', ')})`, '{', ...indent(printBody(f, dialect(lang, precision)), '    '), '}'].join('\n');
}

function render(lang: Lang, ctx: RenderContext): Rendered {
  const { names, algorithm, options, activation } = ctx;
  const precision = options.precision;
  const type = precision === 'float' ? 'float' : 'double';
  const parts: string[] = [];
  const imports: string[] = [];
  const notes: string[] = [];
  const qualifiers = lang === 'cuda' ? '__device__ __forceinline__ ' : lang === 'cpp' ? 'inline ' : '';
  parts.push(fn(lang, precision, qualifiers, names.forward, algorithm.f, `${activation.label}, f(x).`));
  if (options.withDerivative) parts.push(fn(lang, precision, qualifiers, names.derivative, algorithm.df, `Derivative of ${activation.label}, f′(x).`));
  if (ctx.gated !== undefined) return renderGated(lang, ctx, ctx.gated, parts, qualifiers);
  switch (lang) {
    case 'c':
      imports.push('#include <math.h>');
      if (options.vectorised) imports.push('#include <stddef.h>');
      notes.push('Link with -lm. Do not compile with -ffast-math.');
      if (options.vectorised) {
        parts.push([`// y[i] = ${names.forward}(x[i]) for i < n.`, `void ${names.forward}_array(const double *x, double *y, size_t n)`, '{', `    for (size_t i = 0; i < n; i++) y[i] = ${names.forward}(x[i]);`, '}'].join('\n'));
        if (options.withDerivative) {
          parts.push([`// y[i] = ${names.derivative}(x[i]) for i < n.`, `void ${names.derivative}_array(const double *x, double *y, size_t n)`, '{', `    for (size_t i = 0; i < n; i++) y[i] = ${names.derivative}(x[i]);`, '}'].join('\n'));
        }
      }
      break;
    case 'cpp':
      imports.push('#include <cmath>');
      if (options.vectorised) imports.push('#include <cstddef>', '#include <vector>');
      notes.push('Do not compile with -ffast-math.');
      if (options.vectorised) {
        const vec = (name: string): string =>
          [`// ${name} of every element.`, `inline std::vector<double> ${name}(const std::vector<double>& x)`, '{', '    std::vector<double> y(x.size());', `    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ${name}(x[i]);`, '    return y;', '}'].join('\n');
        parts.push(vec(names.forward));
        if (options.withDerivative) parts.push(vec(names.derivative));
      }
      break;
    case 'cuda': {
      notes.push(`CUDA, ${type} precision. Do not compile with --use_fast_math (approximate exp, flushed subnormals).`);
      const launch = (k: string, args: string): string => `// Launch: ${k}<<<(n + 255) / 256, 256>>>(${args});`;
      const loop = '    for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < n; i += (size_t)blockDim.x * gridDim.x)';
      parts.push(
        [
          `// y[i] = ${names.forward}(x[i]) for i < n (grid-stride loop: any grid size works).`,
          launch(`${names.forward}_kernel`, 'x, y, n'),
          `__global__ void ${names.forward}_kernel(const ${type}* __restrict__ x, ${type}* __restrict__ y, size_t n)`,
          '{',
          loop,
          `        y[i] = ${names.forward}(x[i]);`,
          '}',
        ].join('\n'),
      );
      if (options.withDerivative) {
        parts.push(
          [
            `// Backward: dx[i] = dy[i] * ${names.derivative}(x[i]) for i < n.`,
            launch(`${names.forward}_backward_kernel`, 'x, dy, dx, n'),
            `__global__ void ${names.forward}_backward_kernel(const ${type}* __restrict__ x, const ${type}* __restrict__ dy, ${type}* __restrict__ dx, size_t n)`,
            '{',
            loop,
            `        dx[i] = dy[i] * ${names.derivative}(x[i]);`,
            '}',
          ].join('\n'),
        );
      }
      break;
    }
  }
  return { header: commentBlock(ctx.header, '//'), imports, helpers: '', body: parts.join('\n\n'), notes };
}

/** x offsets of g and u in row r of 2d values (r2 = r·2d), for each layout. */
function rowOffsets(layout: HalfLayout): { g: string; u: string } {
  switch (layout) {
    case 'gate-first':
      return { g: 'r2 + j', u: 'r2 + d + j' };
    case 'gate-second':
      return { g: 'r2 + d + j', u: 'r2 + j' };
    case 'interleaved':
      return { g: 'r2 + 2 * j', u: 'r2 + 2 * j + 1' };
  }
}

/** A gated unit: the activation's functions (in `parts`), y(g, u) and the partials, the fused form. */
function renderGated(lang: Lang, ctx: RenderContext, gated: GatedRender, parts: string[], qualifiers: string): Rendered {
  const { options } = ctx;
  const precision = options.precision;
  const type = precision === 'float' ? 'float' : 'double';
  for (const g of gated.fns) parts.push(fn(lang, precision, qualifiers, g.name, g.fn, g.doc));
  const imports = lang === 'c' ? ['#include <math.h>'] : lang === 'cpp' ? ['#include <cmath>'] : [];
  const notes = [lang === 'c' ? 'Link with -lm. Do not compile with -ffast-math.' : lang === 'cpp' ? 'Do not compile with -ffast-math.' : `CUDA, ${type} precision. Do not compile with --use_fast_math (approximate exp, flushed subnormals).`];
  const f = gated.forward;
  const loop = (n: string, i = 'k'): string => `    for (size_t ${i} = blockIdx.x * (size_t)blockDim.x + threadIdx.x; ${i} < ${n}; ${i} += (size_t)blockDim.x * gridDim.x) {`;
  if (lang === 'cuda' && gated.fused === undefined) {
    parts.push(
      [
        `// y[i] = ${f}(g[i], u[i]) for i < n (grid-stride loop: any grid size works).`,
        `// Launch: ${f}_kernel<<<(n + 255) / 256, 256>>>(g, u, y, n);`,
        `__global__ void ${f}_kernel(const ${type}* __restrict__ g, const ${type}* __restrict__ u, ${type}* __restrict__ y, size_t n)`,
        '{',
        loop('n', 'i'),
        `        y[i] = ${f}(g[i], u[i]);`,
        '    }',
        '}',
      ].join('\n'),
    );
    if (gated.gradG !== undefined && gated.gradU !== undefined) {
      parts.push(
        [
          `// Backward: dg[i] = dy[i]·∂y/∂g, du[i] = dy[i]·∂y/∂u for i < n.`,
          `__global__ void ${f}_backward_kernel(const ${type}* __restrict__ g, const ${type}* __restrict__ u, const ${type}* __restrict__ dy, ${type}* __restrict__ dg, ${type}* __restrict__ du, size_t n)`,
          '{',
          loop('n', 'i'),
          `        dg[i] = dy[i] * ${gated.gradG}(g[i], u[i]);`,
          `        du[i] = dy[i] * ${gated.gradU}(g[i], u[i]);`,
          '    }',
          '}',
        ].join('\n'),
      );
    }
  }
  const fused = gated.fused;
  if (fused !== undefined && lang === 'cpp') {
    const o = rowOffsets(fused.layout);
    imports.push('#include <cstddef>');
    parts.push(
      [
        `// Fused ${gated.spec.shortLabel}: x holds rows of 2d values, y rows of d; ${fused.doc}.`,
        `inline void ${fused.name}(const double* x, double* y, std::size_t rows, std::size_t d)`,
        '{',
        '    for (std::size_t r = 0; r < rows; ++r) {',
        '        const std::size_t r2 = r * 2 * d;',
        `        for (std::size_t j = 0; j < d; ++j) y[r * d + j] = ${f}(x[${o.g}], x[${o.u}]);`,
        '    }',
        '}',
      ].join('\n'),
    );
    if (gated.gradG !== undefined && gated.gradU !== undefined) {
      parts.push(
        [
          `// Backward of ${fused.name}: dx (rows of 2d, same layout as x) from dy (rows of d).`,
          `inline void ${fused.name}_backward(const double* x, const double* dy, double* dx, std::size_t rows, std::size_t d)`,
          '{',
          '    for (std::size_t r = 0; r < rows; ++r) {',
          '        const std::size_t r2 = r * 2 * d;',
          '        for (std::size_t j = 0; j < d; ++j) {',
          `            const double g = x[${o.g}], u = x[${o.u}], t = dy[r * d + j];`,
          `            dx[${o.g}] = t * ${gated.gradG}(g, u);`,
          `            dx[${o.u}] = t * ${gated.gradU}(g, u);`,
          '        }',
          '    }',
          '}',
        ].join('\n'),
      );
    }
  }
  if (fused !== undefined && lang === 'cuda') {
    const o = rowOffsets(fused.layout);
    imports.push('#include <cuda_fp16.h>', '#include <cuda_bf16.h>');
    notes.push(`Fused kernels: Storage is float, __half or __nv_bfloat16${type === 'double' ? ' (or double)' : ''}; the arithmetic is ${type}.`);
    const narrow = type === 'double' ? '(float)v' : 'v';
    parts.push(
      [
        `// Storage types in, ${type} arithmetic, and back (round to nearest even${type === 'double' ? ', through float for the 16-bit types' : ''}).`,
        `__device__ __forceinline__ ${type} to_compute(float v) { return v; }`,
        ...(type === 'double' ? ['__device__ __forceinline__ double to_compute(double v) { return v; }'] : []),
        `__device__ __forceinline__ ${type} to_compute(__half v) { return __half2float(v); }`,
        `__device__ __forceinline__ ${type} to_compute(__nv_bfloat16 v) { return __bfloat162float(v); }`,
        `template <typename Storage> __device__ __forceinline__ Storage to_storage(${type} v);`,
        `template <> __device__ __forceinline__ float to_storage<float>(${type} v) { return ${narrow}; }`,
        ...(type === 'double' ? ['template <> __device__ __forceinline__ double to_storage<double>(double v) { return v; }'] : []),
        `template <> __device__ __forceinline__ __half to_storage<__half>(${type} v) { return __float2half_rn(${narrow}); }`,
        `template <> __device__ __forceinline__ __nv_bfloat16 to_storage<__nv_bfloat16>(${type} v) { return __float2bfloat16_rn(${narrow}); }`,
      ].join('\n'),
    );
    const launcher = (kernel: string, params: string, args: string, doc: string): string =>
      [
        `// ${doc}`,
        'template <typename Storage>',
        `cudaError_t ${kernel.replace(/_kernel$/, '')}(${params}, size_t rows, size_t d, cudaStream_t stream = 0)`,
        '{',
        '    const size_t n = rows * d;',
        '    if (n == 0) return cudaSuccess;',
        '    const size_t blocks = (n + 255) / 256 < 65536 ? (n + 255) / 256 : 65536;',
        `    ${kernel}<Storage><<<(unsigned)blocks, 256, 0, stream>>>(${args}, rows, d);`,
        '    return cudaGetLastError();',
        '}',
      ].join('\n');
    parts.push(
      [
        `// Fused ${gated.spec.shortLabel} over rows of 2d values to rows of d; ${fused.doc}.`,
        `// Storage: float, __half or __nv_bfloat16${type === 'double' ? ' or double' : ''}; computed in ${type}. Grid-stride loop: any grid size works.`,
        'template <typename Storage>',
        `__global__ void ${fused.name}_kernel(const Storage* __restrict__ x, Storage* __restrict__ y, size_t rows, size_t d)`,
        '{',
        loop('rows * d'),
        '        const size_t r = k / d, j = k % d, r2 = r * 2 * d;',
        `        y[k] = to_storage<Storage>(${f}(to_compute(x[${o.g}]), to_compute(x[${o.u}])));`,
        '    }',
        '}',
      ].join('\n'),
    );
    parts.push(launcher(`${fused.name}_kernel`, 'const Storage* x, Storage* y', 'x, y', `Host launcher: x has rows·2d elements, y rows·d (device pointers); ${fused.name}<__nv_bfloat16>(x, y, rows, d).`));
    if (gated.gradG !== undefined && gated.gradU !== undefined) {
      parts.push(
        [
          `// Backward of ${fused.name}: dx (rows of 2d, same layout as x) from dy (rows of d); computed in ${type}.`,
          'template <typename Storage>',
          `__global__ void ${fused.name}_backward_kernel(const Storage* __restrict__ x, const Storage* __restrict__ dy, Storage* __restrict__ dx, size_t rows, size_t d)`,
          '{',
          loop('rows * d'),
          '        const size_t r = k / d, j = k % d, r2 = r * 2 * d;',
          `        const ${type} g = to_compute(x[${o.g}]), u = to_compute(x[${o.u}]), t = to_compute(dy[k]);`,
          `        dx[${o.g}] = to_storage<Storage>(t * ${gated.gradG}(g, u));`,
          `        dx[${o.u}] = to_storage<Storage>(t * ${gated.gradU}(g, u));`,
          '    }',
          '}',
        ].join('\n'),
      );
      parts.push(launcher(`${fused.name}_backward_kernel`, 'const Storage* x, const Storage* dy, Storage* dx', 'x, dy, dx', `Host launcher of the backward kernel (device pointers).`));
    }
  }
  return { header: commentBlock(ctx.header, '//'), imports, helpers: '', body: parts.join('\n\n'), notes };
}

const spec = (lang: Lang): TargetSpec => ({
  info:
    lang === 'c'
      ? { id: 'c', label: 'C', description: '<math.h> erfc and fma', languageId: 'c', fileExtension: '.c', languages: ['c'], forms: ['function'], vectorisable: true, precisions: ['double'], naming: 'snake' }
      : lang === 'cpp'
        ? { id: 'cpp', label: 'C++', description: '<cmath> std::erfc and std::fma', languageId: 'cpp', fileExtension: '.cpp', languages: ['cpp'], forms: ['function'], vectorisable: true, precisions: ['double'], naming: 'snake' }
        : {
            id: 'cuda',
            label: 'CUDA',
            description: '__device__ function and elementwise __global__ kernel',
            languageId: 'cuda-cpp',
            fileExtension: '.cu',
            languages: ['cuda-cpp', 'cuda'],
            forms: ['function'],
            vectorisable: false,
            precisions: ['float', 'double'],
            naming: 'snake',
          },
  env: (o) => ({ precision: lang === 'cuda' ? o.precision : 'double', compensated: true, fma: true, erfc: 'lib' }),
  render: (ctx) => render(lang, ctx),
});

export const cFamilyTargets: readonly TargetSpec[] = [spec('c'), spec('cpp'), spec('cuda')];
