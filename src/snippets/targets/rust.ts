/** Rust: std has no erfc, so the snippet carries its own (or use the `libm` crate's `erfc`). */
import { literal } from '../exact';
import { commentBlock } from '../common';
import { indent, libmTable, printBody, type StmtDialect } from '../emit';
import { type Fn, fnParams, usedVars } from '../ir';
import type { RenderContext, Rendered, TargetSpec } from '../types';

/** f64's methods; std has no erfc (the snippet carries its own `erfc` helper). */
const METHODS = libmTable({ omit: ['erfc'], rename: { expm1: 'exp_m1', log1p: 'ln_1p', fma: 'mul_add' } });

/** A receiver for a method call: bare when it is a name or a call chain, else parenthesised. */
function receiver(text: string): string {
  if (/^-?[\d.]+(e[+-]?\d+)?$/.test(text)) return `(${text}_f64)`;
  if (/^[A-Za-z_][A-Za-z0-9_.]*(\(.*\))?$/.test(text) && !text.includes(' ')) return text;
  return `(${text})`;
}

const dialect: StmtDialect = {
  num: (v) => literal(v, 'double'),
  call: (name, args) => {
    const m = METHODS[name];
    if (m === undefined) throw new Error(`Rust has no ${name}`);
    const [first, ...rest] = args;
    return `${receiver(first as string)}.${m}(${rest.join(', ')})`;
  },
  helper: (name, args) => `${name}(${args.join(', ')})`,
  let: (name, value) => [`let ${name} = ${value};`],
  ret: (value) => [value],
  select: (cond, a, b) => `if ${cond} { ${a} } else { ${b} }`,
  ifReturn: (cond, value) => [`if ${cond} {`, `    return ${value};`, '}'],
  comment: (text) => [`// ${text}`],
};

/** Variables the body reads (a parameter it ignores gets Rust's `_` prefix, or rustc warns). */
function readVars(f: Fn): Set<string> {
  const read = new Set<string>();
  for (const s of f.body) {
    if (s.kind === 'let' || s.kind === 'return') usedVars(s.value, read);
    if (s.kind === 'ifReturn') [s.value, s.cond.a, s.cond.b].forEach((e) => usedVars(e, read));
  }
  return read;
}

function fn(name: string, f: Fn, doc: string, pub: boolean): string {
  const read = readVars(f);
  const params = fnParams(f).map((p) => (read.has(p) ? p : `_${p}`));
  return [`/// ${doc}`, `${pub ? 'pub ' : ''}fn ${name}(${params.map((p) => `${p}: f64`).join(', ')}) -> f64 {`, ...indent(printBody(f, dialect), '    '), '}'].join('\n');
}

function render(ctx: RenderContext): Rendered {
  const { names, algorithm, options, activation } = ctx;
  const parts = [fn(names.forward, algorithm.f, `${activation.label}, f(x).`, true)];
  if (options.withDerivative) parts.push(fn(names.derivative, algorithm.df, `Derivative of ${activation.label}, f′(x).`, true));
  for (const g of ctx.gated?.fns ?? []) parts.push(fn(g.name, g.fn, g.doc, true));
  if (options.vectorised) {
    const slice = (name: string): string => [`/// \`${name}\` of every element.`, `pub fn ${name}_slice(x: &[f64]) -> Vec<f64> {`, `    x.iter().map(|&v| ${name}(v)).collect()`, '}'].join('\n');
    parts.push(slice(names.forward));
    if (options.withDerivative) parts.push(slice(names.derivative));
  }
  const helpers = ctx.erfcHelper
    ? fn('erfc', ctx.erfcHelper, "erfc(z) = 1 − erf(z) to about 1 ulp (W. J. Cody's rational approximations). Rust's std has none; `libm::erfc` from the libm crate can replace it.", false)
    : '';
  return { header: commentBlock(ctx.header, '//'), imports: [], helpers, body: parts.join('\n\n'), notes: [] };
}

export const rustTarget: TargetSpec = {
  info: { id: 'rust', label: 'Rust', description: 'f64 functions, self-contained erfc (no crate needed)', languageId: 'rust', fileExtension: '.rs', languages: ['rust'], forms: ['function'], vectorisable: true, precisions: ['double'], naming: 'snake' },
  env: () => ({ precision: 'double', compensated: true, fma: true, erfc: 'helper' }),
  render,
};
