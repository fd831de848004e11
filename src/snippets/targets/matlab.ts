/** MATLAB / Octave: elementwise functions; selects become logical-mask assignments. */
import { commentBlock } from '../common';
import { doubleDialect, indent, libmTable, noEarlyReturn, printBody, type StmtDialect } from '../emit';
import { type Fn, fnParams } from '../ir';
import type { RenderContext, Rendered, TargetSpec } from '../types';


/** `name = else; name(cond) = then` with broadcasting of constant arms. */
function maskAssign(name: string, cond: string, a: string, b: string, ac: boolean, bc: boolean): string[] {
  if (ac && bc) return [`${name} = ${b} + zeros(size(x));`, `${name}(${cond}) = ${a};`];
  if (ac) return [`${name} = ${b};`, `${name}(${cond}) = ${a};`];
  if (bc) return [`${name} = ${a};`, `${name}(~(${cond})) = ${b};`];
  return [`${name} = ${b};`, `${name}_then = ${a};`, `${name}(${cond}) = ${name}_then(${cond});`];
}

const dialect: StmtDialect = {
  ...doubleDialect('MATLAB', libmTable({ omit: ['fma'] })),
  op: (op) => (op === '*' ? '.*' : op === '/' ? './' : op),
  let: (name, value) => [`${name} = ${value};`],
  ret: (value) => [`y = ${value};`],
  letSelect: maskAssign,
  retSelect: (cond, a, b, ac, bc) => maskAssign('y', cond, a, b, ac, bc),
  ifReturn: noEarlyReturn('MATLAB'),
  comment: (text) => [`% ${text}`],
};

function fn(name: string, f: Fn, doc: string): string {
  // The H1 line names the function through the same tab stop, so a rename reaches it (in the
  // name's own case: an upper-cased copy would be a second stop with another default).
  return [`function y = ${name}(${fnParams(f).join(', ')})`, `%${name} ${doc}`, ...indent(printBody(f, dialect), '    '), 'end'].join('\n');
}

function render(ctx: RenderContext): Rendered {
  const { names, algorithm, options, activation } = ctx;
  const parts = [fn(names.forward, algorithm.f, `${activation.label}, elementwise.`)];
  if (options.withDerivative) parts.push(fn(names.derivative, algorithm.df, `Derivative of ${activation.label}, elementwise.`));
  // A function file is named after its first function: the gated unit's comes first.
  if (ctx.gated !== undefined) parts.unshift(...ctx.gated.fns.map((g) => fn(g.name, g.fn, `${g.doc} Elementwise; g and u of one size.`)));
  return {
    header: commentBlock(ctx.header, '%'),
    imports: [],
    helpers: '',
    body: parts.join('\n\n'),
    notes: ['Save as a function file named after the first function (further functions are local), or put them at the end of a script.'],
  };
}

export const matlabTarget: TargetSpec = {
  info: { id: 'matlab', label: 'MATLAB / Octave', description: 'elementwise functions on arrays', languageId: 'matlab', fileExtension: '.m', languages: ['matlab', 'octave'], forms: ['function'], vectorisable: false, precisions: ['double'], naming: 'snake' },
  env: () => ({ precision: 'double', compensated: true, fma: false, erfc: 'lib' }),
  render,
};
