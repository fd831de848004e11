/** Fortran 2008: elemental functions in a module; `erfc` is intrinsic, expm1/log1p/fma come from C's libm. */
import { literal } from '../exact';
import { commentBlock } from '../common';
import { doubleDialect, indent, libmTable, localNames, noEarlyReturn, printBody, type StmtDialect } from '../emit';
import { type Fn, fnParams, type MathFn, usesCall } from '../ir';
import type { RenderContext, Rendered, TargetSpec } from '../types';

/** Intrinsics, and C functions bound through `iso_c_binding` (Fortran has no expm1, log1p, fma). */
const FUNCS = libmTable({ omit: ['floor'], rename: { expm1: 'c_expm1', log1p: 'c_log1p', fma: 'c_fma' } });
const C_BOUND: readonly MathFn[] = ['expm1', 'log1p', 'fma'];

const dialect: StmtDialect = {
  ...doubleDialect('Fortran', FUNCS),
  num: (v) => `${literal(v, 'double')}_dp`,
  parenUnary: true,
  fullParens: true,
  let: (name, value) => [`${name} = ${value}`],
  ret: (value) => [`y = ${value}`],
  select: (cond, a, b) => `merge(${a}, ${b}, ${cond})`,
  ifReturn: noEarlyReturn('Fortran'),
  comment: (text) => [`! ${text}`],
};

/** Free-form lines must stay within 132 characters: break long ones with `&`. */
function wrapLine(line: string, width = 100): string[] {
  if (line.length <= width || line.trimStart().startsWith('!')) return [line];
  const lead = /^\s*/.exec(line)?.[0] ?? '';
  const out: string[] = [];
  let rest = line;
  let first = true;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width - 2);
    if (cut <= lead.length + 8) cut = rest.indexOf(' ', width - 2);
    if (cut < 0) break;
    out.push(`${rest.slice(0, cut)} &`);
    rest = `${lead}${first ? '    ' : '    '}${rest.slice(cut + 1)}`;
    first = false;
  }
  out.push(rest);
  return out;
}

function fn(name: string, f: Fn, doc: string): string {
  const locals = localNames(f);
  const decl: string[] = [];
  for (let i = 0; i < locals.length; i += 8) decl.push(`real(dp) :: ${locals.slice(i, i + 8).join(', ')}`);
  const lines = [
    `! ${doc}`,
    `elemental function ${name}(${fnParams(f).join(', ')}) result(y)`,
    `  real(dp), intent(in) :: ${fnParams(f).join(', ')}`,
    '  real(dp) :: y',
    ...indent(decl, '  '),
    ...indent(printBody(f, dialect), '  '),
    `end function ${name}`,
  ];
  return lines.flatMap((l) => wrapLine(l)).join('\n');
}

function cInterface(fn: MathFn): string[] {
  const c = fn === 'expm1' ? 'expm1' : fn === 'log1p' ? 'log1p' : 'fma';
  const args = fn === 'fma' ? ['a', 'b', 'c'] : ['x'];
  return [
    `pure function c_${c}(${args.join(', ')}) bind(c, name='${c}')`,
    '  import :: c_double',
    `  real(c_double), value :: ${args.join(', ')}`,
    `  real(c_double) :: c_${c}`,
    `end function c_${c}`,
  ];
}

function render(ctx: RenderContext): Rendered {
  const { names, algorithm, options, activation } = ctx;
  const fns = options.withDerivative ? [algorithm.f, algorithm.df] : [algorithm.f];
  const bound = C_BOUND.filter((m) => usesCall(fns, m));
  const gatedNames = (ctx.gated?.fns ?? []).map((g) => g.name);
  const publics = [...(options.withDerivative ? [names.forward, names.derivative] : [names.forward]), ...gatedNames].join(', ');
  const moduleName = ctx.gated?.forward ?? names.forward;
  const lines: string[] = [`module ${moduleName}_mod`, '  use, intrinsic :: iso_fortran_env, only: dp => real64'];
  if (bound.length > 0) lines.push('  use, intrinsic :: iso_c_binding, only: c_double');
  lines.push('  implicit none', '  private', `  public :: ${publics}`);
  if (bound.length > 0) {
    lines.push('', '  ! From the C library (Fortran has no expm1, log1p or fma intrinsic).', '  interface', ...indent(bound.flatMap(cInterface), '    '), '  end interface');
  }
  lines.push('', 'contains', '');
  const bodies = [fn(names.forward, algorithm.f, `${activation.label}, f(x); elemental, so it also takes arrays.`)];
  if (options.withDerivative) bodies.push(fn(names.derivative, algorithm.df, `Derivative of ${activation.label}, f′(x).`));
  for (const g of ctx.gated?.fns ?? []) bodies.push(fn(g.name, g.fn, `${g.doc} Elemental.`));
  lines.push(...indent(bodies.join('\n\n').split('\n'), '  '));
  lines.push('', `end module ${moduleName}_mod`);
  return { header: commentBlock(ctx.header, '!'), imports: [], helpers: '', body: lines.join('\n'), notes: ['Fortran 2008 (erfc intrinsic) with iso_c_binding; link with the C math library.'] };
}

export const fortranTarget: TargetSpec = {
  info: {
    id: 'fortran',
    label: 'Fortran',
    description: 'elemental functions in a module, intrinsic erfc',
    languageId: 'fortran',
    fileExtension: '.f90',
    languages: ['fortran', 'FortranFreeForm', 'fortran-modern', 'fortran_free-form'],
    forms: ['function'],
    vectorisable: false,
    precisions: ['double'],
    naming: 'snake',
  },
  env: () => ({ precision: 'double', compensated: true, fma: true, erfc: 'lib' }),
  render,
};
