/** Java: static methods in a final class; no erfc in the JDK, so the class carries its own. */
import { commentBlock } from '../common';
import { braceStatements, doubleDialect, indent, libmTable, printBody, type StmtDialect } from '../emit';
import { type Fn, fnParams } from '../ir';
import type { RenderContext, Rendered, TargetSpec } from '../types';

/** java.lang.Math has no erfc: the class carries its own (the `erfc` helper). */
const dialect: StmtDialect = {
  ...doubleDialect('Java', libmTable({ prefix: 'Math.', omit: ['erfc'] })),
  helper: (name, args) => `${name}(${args.join(', ')})`,
  ...braceStatements('final double'),
};

function method(visibility: string, name: string, f: Fn, doc: string): string {
  return [`/** ${doc} */`, `${visibility}static double ${name}(${fnParams(f).map((p) => `double ${p}`).join(', ')}) {`, ...indent(printBody(f, dialect), '    '), '}'].join('\n');
}

function render(ctx: RenderContext): Rendered {
  const { names, algorithm, options, activation } = ctx;
  const members: string[] = [`private ${names.className}() {}`];
  members.push(method('public ', names.forward, algorithm.f, `${activation.label}, f(x).`));
  if (options.withDerivative) members.push(method('public ', names.derivative, algorithm.df, `Derivative of ${activation.label}, f′(x).`));
  for (const g of ctx.gated?.fns ?? []) members.push(method('public ', g.name, g.fn, g.doc));
  if (options.vectorised) {
    const arr = (name: string): string =>
      [`/** {@code ${name}} of every element. */`, `public static double[] ${name}(double[] x) {`, '    double[] y = new double[x.length];', `    for (int i = 0; i < x.length; i++) y[i] = ${name}(x[i]);`, '    return y;', '}'].join('\n');
    members.push(arr(names.forward));
    if (options.withDerivative) members.push(arr(names.derivative));
  }
  if (ctx.erfcHelper) members.push(method('private ', 'erfc', ctx.erfcHelper, "erfc(z) = 1 − erf(z) to about 1 ulp (W. J. Cody's rational approximations); the JDK has no erfc."));
  const body = [`/** ${ctx.gated?.spec.shortLabel ?? activation.label}. Java 9 or later (Math.fma). */`, `final class ${names.className} {`, ...indent(members.join('\n\n').split('\n'), '    '), '}'].join('\n');
  return { header: commentBlock(ctx.header, '//'), imports: [], helpers: '', body, notes: ['Java 9 or later (Math.fma).'] };
}

export const javaTarget: TargetSpec = {
  info: { id: 'java', label: 'Java', description: 'static methods, self-contained erfc', languageId: 'java', fileExtension: '.java', languages: ['java'], forms: ['function'], vectorisable: true, precisions: ['double'], naming: 'camel' },
  env: () => ({ precision: 'double', compensated: true, fma: true, erfc: 'helper' }),
  render,
};
