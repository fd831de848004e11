/** R: vectorised functions (`ifelse`); exact GELU through `pnorm`/`dnorm`, which are accurate in the tails. */
import { literal } from '../exact';
import { commentBlock } from '../common';
import { indent, printBody, type StmtDialect } from '../emit';
import { type Fn, fnParams, type MathFn } from '../ir';
import type { RenderContext, Rendered, TargetSpec } from '../types';

const FUNCS: Partial<Record<MathFn, string>> = { exp: 'exp', expm1: 'expm1', log1p: 'log1p', tanh: 'tanh', sqrt: 'sqrt', abs: 'abs', floor: 'floor', Phi: 'pnorm', phi: 'dnorm' };

const dialect: StmtDialect = {
  num: (v) => literal(v, 'double'),
  call: (name, args) => {
    if (name === 'logPhi') return `pnorm(${args.join(', ')}, log.p = TRUE)`;
    const f = FUNCS[name];
    if (f === undefined) throw new Error(`R has no ${name}`);
    return `${f}(${args.join(', ')})`;
  },
  helper: (name) => {
    throw new Error(`no ${name} helper in R`);
  },
  let: (name, value) => [`${name} <- ${value}`],
  ret: (value) => [value],
  select: (cond, a, b) => `ifelse(${cond}, ${a}, ${b})`,
  ifReturn: () => {
    throw new Error('no early returns in R snippets');
  },
  comment: (text) => [`# ${text}`],
};

function fn(name: string, f: Fn, doc: string): string {
  return [`# ${doc}`, `${name} <- function(${fnParams(f).join(', ')}) {`, ...indent(printBody(f, dialect), '  '), '}'].join('\n');
}

function render(ctx: RenderContext): Rendered {
  const { names, algorithm, options, activation } = ctx;
  const parts = [fn(names.forward, algorithm.f, `${activation.label}, elementwise over a numeric vector.`)];
  if (options.withDerivative) parts.push(fn(names.derivative, algorithm.df, `Derivative of ${activation.label}, elementwise.`));
  for (const g of ctx.gated?.fns ?? []) parts.push(fn(g.name, g.fn, `${g.doc} Elementwise over numeric vectors.`));
  return { header: commentBlock(ctx.header, '#'), imports: [], helpers: '', body: parts.join('\n\n'), notes: [] };
}

export const rTarget: TargetSpec = {
  info: { id: 'r', label: 'R', description: 'vectorised base R (pnorm/dnorm for exact GELU)', languageId: 'r', fileExtension: '.R', languages: ['r'], forms: ['function'], vectorisable: false, precisions: ['double'], naming: 'snake' },
  env: () => ({ precision: 'double', compensated: true, fma: false, erfc: 'pnorm' }),
  render,
};
