/** C (`<math.h>`), C++ (`<cmath>`) and CUDA (`__device__` functions and elementwise kernels). */
import { literal, type ScalarType } from '../exact';
import { commentBlock } from '../common';
import { braceStatements, indent, libmTable, noHelper, printBody, type StmtDialect } from '../emit';
import type { Fn } from '../ir';
import type { RenderContext, Rendered, TargetSpec } from '../types';

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
  return [`// ${doc}`, `${qualifiers}${type} ${name}(${type} ${f.param})`, '{', ...indent(printBody(f, dialect(lang, precision)), '    '), '}'].join('\n');
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
