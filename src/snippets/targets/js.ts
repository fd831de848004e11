/** JavaScript and TypeScript: no erfc in the language, so the snippet carries its own. */
import { commentBlock } from '../common';
import { braceStatements, doubleDialect, indent, libmTable, printBody, type StmtDialect } from '../emit';
import { type Fn, fnParams } from '../ir';
import type { RenderContext, Rendered, TargetSpec } from '../types';

/** `Math` has neither erfc (the snippet carries its own `erfc` helper) nor fma. */
const dialect: StmtDialect = {
  ...doubleDialect('JavaScript', libmTable({ prefix: 'Math.', omit: ['erfc', 'fma'] })),
  helper: (name, args) => `${name}(${args.join(', ')})`,
  ...braceStatements('const'),
};

function fn(name: string, f: Fn, ts: boolean, doc: string): string {
  const params = fnParams(f);
  const sig = ts ? `function ${name}(${params.map((p) => `${p}: number`).join(', ')}): number {` : `function ${name}(${params.join(', ')}) {`;
  const jsdoc = ts ? [`/** ${doc} */`] : ['/**', ` * ${doc}`, ...params.map((p) => ` * @param {number} ${p}`), ' * @returns {number}', ' */'];
  return [...jsdoc, sig, ...indent(printBody(f, dialect), '  '), '}'].join('\n');
}

function arrayFn(name: string, scalar: string, ts: boolean, doc: string): string {
  return ts
    ? [`/** ${doc} */`, `function ${name}(xs: ArrayLike<number>): Float64Array {`, `  return Float64Array.from(xs, (x) => ${scalar}(x));`, '}'].join('\n')
    : ['/**', ` * ${doc}`, ' * @param {ArrayLike<number>} xs', ' * @returns {Float64Array}', ' */', `function ${name}(xs) {`, `  return Float64Array.from(xs, (x) => ${scalar}(x));`, '}'].join('\n');
}

function render(ts: boolean, ctx: RenderContext): Rendered {
  const { names, algorithm, options, activation } = ctx;
  const parts: string[] = [];
  parts.push(fn(names.forward, algorithm.f, ts, `${activation.label}, f(x).`));
  if (options.withDerivative) parts.push(fn(names.derivative, algorithm.df, ts, `Derivative of ${activation.label}, f′(x).`));
  for (const g of ctx.gated?.fns ?? []) parts.push(fn(g.name, g.fn, ts, g.doc));
  if (options.vectorised) {
    parts.push(arrayFn(`${names.forward}Array`, names.forward, ts, `${names.forward} of every element.`));
    if (options.withDerivative) parts.push(arrayFn(`${names.derivative}Array`, names.derivative, ts, `${names.derivative} of every element.`));
  }
  const helpers = ctx.erfcHelper
    ? fn('erfc', ctx.erfcHelper, ts, 'erfc(z) = 1 − erf(z) to about 1 ulp (W. J. Cody\'s rational approximations); JavaScript has no erfc.')
    : '';
  return { header: commentBlock(ctx.header, '//'), imports: [], helpers, body: parts.join('\n\n'), notes: ts ? [] : [] };
}

const spec = (ts: boolean): TargetSpec => ({
  info: {
    id: ts ? 'typescript' : 'javascript',
    label: ts ? 'TypeScript' : 'JavaScript',
    description: 'plain number functions, self-contained erfc',
    languageId: ts ? 'typescript' : 'javascript',
    fileExtension: ts ? '.ts' : '.js',
    languages: ts ? ['typescript', 'typescriptreact'] : ['javascript', 'javascriptreact'],
    forms: ['function'],
    vectorisable: true,
    precisions: ['double'],
    naming: 'camel',
  },
  env: () => ({ precision: 'double', compensated: true, fma: false, erfc: 'helper' }),
  render: (ctx) => render(ts, ctx),
});

export const jsTargets: readonly TargetSpec[] = [spec(false), spec(true)];
