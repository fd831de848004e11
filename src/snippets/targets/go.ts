/** Go: `math.Erfc`, `math.FMA`; selects become if statements (Go has no conditional expression). */
import { commentBlock } from '../common';
import { doubleDialect, indent, libmTable, printBody, type StmtDialect } from '../emit';
import { type Fn, fnParams } from '../ir';
import type { RenderContext, Rendered, TargetSpec } from '../types';

const dialect: StmtDialect = {
  ...doubleDialect('Go', libmTable({ prefix: 'math.', capitalise: true, rename: { fma: 'math.FMA' } })),
  let: (name, value) => [`${name} := ${value}`],
  ret: (value) => [`return ${value}`],
  // Both arms are finite for every input (see ir.ts), so the else value may be computed first.
  letSelect: (name, cond, a, b) => [`${name} := ${b}`, `if ${cond} {`, `\t${name} = ${a}`, '}'],
  retSelect: (cond, a, b) => [`if ${cond} {`, `\treturn ${a}`, '}', `return ${b}`],
  ifReturn: (cond, value) => [`if ${cond} {`, `\treturn ${value}`, '}'],
  comment: (text) => [`// ${text}`],
};

function fn(name: string, f: Fn, doc: string): string {
  return [`// ${name} returns ${doc}`, `func ${name}(${fnParams(f).join(', ')} float64) float64 {`, ...indent(printBody(f, dialect), '\t'), '}'].join('\n');
}

function render(ctx: RenderContext): Rendered {
  const { names, algorithm, options, activation } = ctx;
  const parts = [fn(names.forward, algorithm.f, `${activation.label}, f(x).`)];
  if (options.withDerivative) parts.push(fn(names.derivative, algorithm.df, `the derivative of ${activation.label}, f′(x).`));
  for (const g of ctx.gated?.fns ?? []) parts.push(fn(g.name, g.fn, g.doc));
  if (options.vectorised) {
    const slice = (name: string): string =>
      [`// ${name}Slice sets dst[i] = ${name}(x[i]); dst must be at least as long as x.`, `func ${name}Slice(dst, x []float64) {`, '\tfor i, v := range x {', `\t\tdst[i] = ${name}(v)`, '\t}', '}'].join('\n');
    parts.push(slice(names.forward));
    if (options.withDerivative) parts.push(slice(names.derivative));
  }
  const usesMath = parts.some((p) => p.includes('math.'));
  return { header: commentBlock(ctx.header, '//'), imports: usesMath ? ['import "math"'] : [], helpers: '', body: parts.join('\n\n'), notes: ['Go 1.14 or later (math.FMA).'] };
}

export const goTarget: TargetSpec = {
  info: { id: 'go', label: 'Go', description: 'math.Erfc and math.FMA', languageId: 'go', fileExtension: '.go', languages: ['go'], forms: ['function'], vectorisable: true, precisions: ['double'], naming: 'pascal' },
  env: () => ({ precision: 'double', compensated: true, fma: true, erfc: 'lib' }),
  render,
};
