/** R: vectorised functions (`ifelse`); exact GELU through `pnorm`/`dnorm`, which are accurate in the tails. */
import { commentBlock } from '../common';
import { doubleDialect, indent, libmTable, noEarlyReturn, printBody, type StmtDialect } from '../emit';
import { type Fn, fnParams } from '../ir';
import type { RenderContext, Rendered, TargetSpec } from '../types';

const base = doubleDialect('R', libmTable({ omit: ['erfc', 'fma'], rename: { Phi: 'pnorm', phi: 'dnorm' } }));

const dialect: StmtDialect = {
  ...base,
  call: (name, args) => (name === 'logPhi' ? `pnorm(${args.join(', ')}, log.p = TRUE)` : base.call(name, args)),
  let: (name, value) => [`${name} <- ${value}`],
  ret: (value) => [value],
  select: (cond, a, b) => `ifelse(${cond}, ${a}, ${b})`,
  ifReturn: noEarlyReturn('R'),
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
