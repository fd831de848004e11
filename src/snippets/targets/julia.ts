/** Julia: `SpecialFunctions.erfc`, `fma`; functions of Float64 that broadcast with `f.(x)`. */
import { commentBlock } from '../common';
import { doubleDialect, indent, libmTable, printBody, type StmtDialect } from '../emit';
import { type Fn, fnParams } from '../ir';
import { usesCall } from '../ir';
import type { RenderContext, Rendered, TargetSpec } from '../types';

const dialect: StmtDialect = {
  ...doubleDialect('Julia', libmTable({})),
  let: (name, value) => [`${name} = ${value}`],
  ret: (value) => [`return ${value}`],
  select: (cond, a, b) => `${cond} ? ${a} : ${b}`,
  ifReturn: (cond, value) => [`${cond} && return ${value}`],
  comment: (text) => [`# ${text}`],
};

function fn(name: string, f: Fn, doc: string): string {
  const params = fnParams(f);
  return ['"""', `    ${name}(${params.join(', ')})`, '', doc, '"""', `function ${name}(${params.map((p) => `${p}::Float64`).join(', ')})`, ...indent(printBody(f, dialect), '    '), 'end'].join('\n');
}

function render(ctx: RenderContext): Rendered {
  const { names, algorithm, options, activation } = ctx;
  const parts = [fn(names.forward, algorithm.f, `${activation.label}, f(x). For arrays, broadcast: \`${names.forward}.(x)\`.`)];
  if (options.withDerivative) parts.push(fn(names.derivative, algorithm.df, `Derivative of ${activation.label}, f′(x).`));
  for (const g of ctx.gated?.fns ?? []) parts.push(fn(g.name, g.fn, `${g.doc} For arrays, broadcast: \`${g.name}.(g, u)\`.`));
  const fns = options.withDerivative ? [algorithm.f, algorithm.df] : [algorithm.f];
  const erfc = usesCall(fns, 'erfc');
  return {
    header: commentBlock(ctx.header, '#'),
    imports: erfc ? ['using SpecialFunctions: erfc'] : [],
    helpers: '',
    body: parts.join('\n\n'),
    notes: erfc ? ['Needs the SpecialFunctions package (] add SpecialFunctions).'] : [],
  };
}

export const juliaTarget: TargetSpec = {
  info: { id: 'julia', label: 'Julia', description: 'SpecialFunctions.erfc; broadcast with f.(x)', languageId: 'julia', fileExtension: '.jl', languages: ['julia'], forms: ['function'], vectorisable: false, precisions: ['double'], naming: 'snake' },
  env: () => ({ precision: 'double', compensated: true, fma: true, erfc: 'lib' }),
  render,
};
