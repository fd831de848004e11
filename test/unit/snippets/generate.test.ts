/**
 * Every (target × variant × option) combination generates self-contained, tail-safe code with
 * the right names, tab stops, comments and built-in calls; golden files pin a few; the Python
 * family (including PyTorch, TensorFlow and JAX, which cannot run here) is parsed, the
 * TypeScript is type-checked, and the array forms of compiled languages compile.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import ts from 'typescript';
import { activations, erfc as coreErfc } from '../../../src/core';
import type { FunctionId } from '../../../src/core/types';
// The ids with a snippet algorithm (issue 12's functions come with the snippets work).
import { ALGORITHM_IDS as FUNCTION_IDS } from '../../../src/snippets/algorithms';
import {
  allOptionCombinations,
  generateSnippet,
  parseSnippetOptions,
  resolveOptions,
  type SnippetOptions,
  SnippetOptionsError,
  TARGETS,
  targetsForLanguage,
  VARIANTS,
} from '../../../src/snippets';
import { algorithm, type AlgoEnv } from '../../../src/snippets/algorithms';
import { erfcHelper } from '../../../src/snippets/erfcCody';
import { type Expr, type Fn, usedVars } from '../../../src/snippets/ir';
import { check, has, rootRegion, run, tempDir, ulpOf } from './harness';
import { describeGoldenFiles } from './golden';

const PYTHON = process.env.GELU_PYTHON ?? 'python3';

/** Reads a VS Code snippet string back to the text it inserts with every tab stop at its default. */
function expandSnippet(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '\\' && i + 1 < code.length && '\\$}'.includes(code[i + 1] as string)) {
      out += code[++i];
    } else if (c === '$') {
      const m = /^\$\{(\d+):([A-Za-z0-9_]*)\}|^\$(\d+)/.exec(code.slice(i));
      if (!m) throw new Error(`unescaped $ at ${i}: ${code.slice(i, i + 20)}`);
      out += m[2] ?? '';
      i += m[0].length - 1;
    } else if (c === '}') {
      throw new Error(`unescaped } at ${i}`);
    } else out += c;
  }
  return out;
}

describe('snippets: generation', function () {
  this.timeout(60_000);
  const all = allOptionCombinations();

  it('lists every registry variant with an algorithm, GELU and its approximations first, and at least the issue’s targets', function () {
    assert.deepEqual(
      VARIANTS.map((v) => v.id),
      [...FUNCTION_IDS],
    );
    assert.deepEqual(
      VARIANTS.slice(0, 3).map((v) => v.id),
      ['gelu', 'gelu_tanh', 'gelu_sigmoid'],
    );
    const ids = TARGETS.map((t) => t.id);
    for (const t of ['pytorch', 'tensorflow', 'jax', 'numpy', 'python', 'javascript', 'typescript', 'c', 'cpp', 'cuda', 'go', 'julia'] as const) assert.ok(ids.includes(t), t);
  });

  it(`generates every combination (${all.length}) with consistent snippet syntax and plain code`, function () {
    for (const o of all) {
      const s = generateSnippet(o);
      const where = JSON.stringify(o);
      assert.ok(s.plainCode.length > 100, where);
      assert.ok(s.code.endsWith('$0'), where);
      assert.equal(expandSnippet(s.code), s.plainCode, where);
      const { forward, derivative } = s.options.names;
      assert.ok(s.code.includes(`\${1:${forward}}`), `${where}: forward name is tab stop 1`);
      assert.equal(s.code.includes(`\${2:${derivative}}`), o.withDerivative === true, `${where}: derivative name is tab stop 2 exactly when asked for`);
      assert.ok(!/[\uE000-\uE002]/.test(s.plainCode), where);
      const joined = [s.parts.header, s.parts.imports, s.parts.helpers, s.parts.body].filter((p) => p !== '');
      assert.ok(joined.every((p) => s.plainCode.includes(p)), `${where}: parts are in plainCode`);
      for (const line of s.imports) assert.ok(s.plainCode.includes(line), `${where}: import ${line}`);
    }
  });

  it('writes every GELU variant in the tail-safe form, never ½x(1 + erf) or ½x(1 + tanh)', function () {
    for (const o of all.filter((x) => x.variant.startsWith('gelu'))) {
      const code = generateSnippet(o).plainCode.split('\n').filter((l) => !/^\s*(#|\/\/|!|%|\/\*|\*)/.test(l)).join('\n');
      assert.ok(!/1(\.0)?\s*\+\s*[\w.:]*erf\(/.test(code), `${JSON.stringify(o)} uses 1 + erf`);
      assert.ok(!/1(\.0)?\s*\+\s*[\w.:]*tanh\(/.test(code), `${JSON.stringify(o)} uses 1 + tanh`);
      if (o.variant === 'gelu') assert.match(code, /erfc|pnorm/i, `${o.target} gelu uses erfc`);
    }
  });

  it('names the variant, its constants and its source in a comment', function () {
    for (const target of TARGETS) {
      for (const id of FUNCTION_IDS) {
        const s = generateSnippet({ variant: id, target: target.id });
        assert.ok(s.parts.header.includes(activations[id].label), `${target.id}/${id}: label`);
        assert.match(s.parts.header, /Source: /);
      }
      const g = generateSnippet({ variant: 'gelu', target: target.id }).parts.header;
      assert.match(g, /Hendrycks & Gimpel \(2016\)/);
      assert.match(generateSnippet({ variant: 'gelu_tanh', target: target.id }).parts.header, /0\.044715/);
      assert.match(generateSnippet({ variant: 'gelu_sigmoid', target: target.id }).parts.header, /1\.702/);
    }
  });

  it('keeps the header to at most 4 lines (formula, source, accuracy, built-in) unless detailed comments are asked for', function () {
    for (const o of allOptionCombinations()) {
      const short = generateSnippet(o).parts.header.split('\n');
      assert.ok(short.length <= 4, `${o.target}/${o.variant}: ${short.length} header lines:\n${short.join('\n')}`);
      const detailed = generateSnippet({ ...o, detailedComments: true }).parts.header.split('\n');
      assert.ok(detailed.length > short.length, `${o.target}/${o.variant}: the detailed header says more`);
    }
    const detailed = generateSnippet({ variant: 'gelu_tanh', target: 'c', detailedComments: true }).parts.header;
    assert.match(detailed, /Computed as x·σ\(2u\)/);
    assert.match(detailed, /Constants: c = 0\.044715/);
    assert.doesNotMatch(generateSnippet({ variant: 'gelu_tanh', target: 'c' }).parts.header, /Computed as|Constants:/);
  });

  it('states the floor of the target’s math library in the header, where the sweep allows more than 4 ulps', function () {
    const flat = (o: SnippetOptions): string => generateSnippet(o).parts.header.replace(/\n(#|\/\/)\s+/g, ' ');
    assert.match(flat({ variant: 'gelu', target: 'numpy' }), /up to 8 ulps near x ≈ −1\.37 from SciPy's erfc/);
    assert.match(flat({ variant: 'gelu', target: 'java' }), /up to 6 ulps near x ≈ −4\.95 from the Cody erfc/);
    assert.match(flat({ variant: 'gelu', target: 'rust' }), /up to 6 ulps/);
    assert.match(flat({ variant: 'gelu', target: 'r', withDerivative: true }), /up to 600 ulps below x ≈ −37\.5[^]*f′ 1e-16 absolute near its root/);
    assert.doesNotMatch(generateSnippet({ variant: 'gelu', target: 'c' }).parts.header, /up to \d+ ulps/);
    assert.match(flat({ variant: 'gelu_tanh', target: 'c', withDerivative: true }), /f′ up to 5 ulps near x ≈ −3\.56/);
    assert.doesNotMatch(flat({ variant: 'gelu_tanh', target: 'c' }), /up to \d+ ulps/);
    assert.doesNotMatch(flat({ variant: 'gelu_tanh', target: 'cuda', precision: 'float', withDerivative: true }), /up to \d+ ulps/);
  });

  it('shows the built-in call that selects the variant, from the framework catalogue', function () {
    const header = (variant: SnippetOptions['variant'], target: SnippetOptions['target']): string => generateSnippet({ variant, target, detailedComments: true }).parts.header;
    const short = (variant: SnippetOptions['variant'], target: SnippetOptions['target']): string => generateSnippet({ variant, target }).parts.header;
    assert.match(short('gelu_tanh', 'pytorch'), /^# Built in: torch\.nn\.functional\.gelu\(x, approximate='tanh'\)\.$/m);
    assert.doesNotMatch(short('gelu_sigmoid', 'pytorch'), /Built in/);
    assert.match(header('gelu', 'pytorch'), /torch\.nn\.functional\.gelu\(x, approximate='none'\)/);
    assert.match(header('gelu_tanh', 'pytorch'), /torch\.nn\.functional\.gelu\(x, approximate='tanh'\)/);
    assert.match(header('gelu_tanh', 'pytorch'), /torch\.nn\.GELU\(approximate='tanh'\)/);
    assert.match(header('gelu', 'jax'), /jax\.nn\.gelu\(x, approximate=False\)/);
    assert.match(header('gelu_tanh', 'jax'), /jax\.nn\.gelu\(x, approximate=True\)/);
    assert.match(header('gelu', 'tensorflow'), /tf\.nn\.gelu\(x, approximate=False\)/);
    // TensorFlow's leaky_relu defaults to 0.2, so the call must say 0.01.
    assert.match(header('leaky_relu', 'tensorflow'), /tf\.nn\.leaky_relu\(x, alpha=0\.01\)/);
    assert.match(header('gelu_sigmoid', 'pytorch'), /no built-in/);
    // A parameter the framework cannot take: no built-in call offered.
    assert.doesNotMatch(generateSnippet({ variant: 'silu', target: 'pytorch', params: { beta: 2 } }).parts.header, /functional\.silu/);
  });

  it('uses the language’s naming convention and keeps names apart from library functions', function () {
    const names = (variant: SnippetOptions['variant'], target: SnippetOptions['target']) => generateSnippet({ variant, target, withDerivative: true }).options.names;
    assert.deepEqual(names('gelu', 'python'), { forward: 'gelu', derivative: 'gelu_grad', className: 'GELU' });
    assert.deepEqual(names('gelu', 'typescript'), { forward: 'gelu', derivative: 'geluGrad', className: 'GELU' });
    assert.deepEqual(names('gelu', 'go'), { forward: 'Gelu', derivative: 'GeluGrad', className: 'GELU' });
    assert.equal(names('gelu_tanh', 'pytorch').className, 'GeluTanh');
    assert.equal(names('gelu_sigmoid', 'pytorch').className, 'QuickGELU');
    assert.equal(names('tanh', 'c').forward, 'tanh_act');
    assert.equal(names('leaky_relu', 'javascript').derivative, 'leakyReluGrad');
  });

  it('is self-contained: the imports come with the code', function () {
    const code = (o: SnippetOptions): string => generateSnippet(o).plainCode;
    assert.match(code({ variant: 'gelu', target: 'python' }), /^import math$/m);
    assert.match(code({ variant: 'gelu', target: 'numpy' }), /^from scipy import special$/m);
    assert.match(code({ variant: 'gelu', target: 'pytorch', form: 'module' }), /^from torch import nn$/m);
    assert.match(code({ variant: 'gelu', target: 'c' }), /^#include <math\.h>$/m);
    assert.match(code({ variant: 'gelu', target: 'cpp', vectorised: true }), /^#include <vector>$/m);
    assert.match(code({ variant: 'gelu', target: 'go' }), /^import "math"$/m);
    assert.match(code({ variant: 'gelu', target: 'julia' }), /^using SpecialFunctions: erfc$/m);
    // No erfc in JavaScript, Java, Rust: the code carries one.
    for (const target of ['javascript', 'typescript', 'java', 'rust'] as const) assert.match(code({ variant: 'gelu', target }), /function erfc|double erfc|fn erfc/, target);
    assert.doesNotMatch(code({ variant: 'relu', target: 'javascript' }), /erfc/);
  });

  it('writes the PyTorch module with a custom autograd.Function, TF with tf.custom_gradient, JAX with jax.custom_jvp', function () {
    const torch = generateSnippet({ variant: 'gelu', target: 'pytorch', withDerivative: true, form: 'module' }).plainCode;
    assert.match(torch, /class GELUFunction\(torch\.autograd\.Function\):/);
    assert.match(torch, /return grad_output \* gelu_grad\(x\)/);
    assert.match(torch, /class GELU\(nn\.Module\):[\s\S]*return GELUFunction\.apply\(x\)/);
    const tf = generateSnippet({ variant: 'gelu', target: 'tensorflow', withDerivative: true, form: 'module' }).plainCode;
    assert.match(tf, /@tf\.custom_gradient\ndef gelu_with_grad/);
    assert.match(tf, /class GELU\(tf\.keras\.layers\.Layer\):/);
    const jax = generateSnippet({ variant: 'gelu', target: 'jax', withDerivative: true }).plainCode;
    assert.match(jax, /@jax\.custom_jvp\ndef gelu\(/);
    assert.match(jax, /@gelu\.defjvp/);
    const cuda = generateSnippet({ variant: 'gelu', target: 'cuda', withDerivative: true }).plainCode;
    assert.match(cuda, /__device__ __forceinline__ float gelu\(float x\)/);
    assert.match(cuda, /__global__ void gelu_kernel\(/);
    assert.match(cuda, /__global__ void gelu_backward_kernel\(/);
    assert.match(cuda, /erfcf\(/);
    assert.match(generateSnippet({ variant: 'gelu', target: 'cuda', precision: 'double' }).plainCode, /[^f]erfc\(/);
  });

  it('takes parameters: their values appear and change the code', function () {
    const k = generateSnippet({ variant: 'gelu_sigmoid', target: 'python', params: { k: 1.5 } });
    assert.match(k.parts.header, /k = 1\.5/);
    assert.match(k.parts.body, /th = 1\.5 \* xc/);
    assert.doesNotMatch(k.parts.body, /1\.702/);
    const beta0 = generateSnippet({ variant: 'silu', target: 'javascript', params: { beta: 0 }, withDerivative: true }).plainCode;
    assert.match(beta0, /return 0\.5 \* x;/);
    const c = generateSnippet({ variant: 'gelu_tanh', target: 'c', params: { c: 0.05 } }).plainCode;
    assert.match(c, /c = 0\.05/);
  });

  it('rejects impossible options with a sentence, and parses command arguments', function () {
    assert.throws(() => generateSnippet({ variant: 'gelu', target: 'c', form: 'module' }), (e: unknown) => e instanceof SnippetOptionsError && /C offers the form\(s\) function/.test(e.message));
    assert.throws(() => resolveOptions({ variant: 'gelu', target: 'python', vectorised: true }), SnippetOptionsError);
    assert.throws(() => resolveOptions({ variant: 'gelu', target: 'c', precision: 'float' }), /computes in double/);
    assert.throws(() => resolveOptions({ variant: 'gelu_sigmoid', target: 'c', params: { k: 99 } }), /k must be between 0\.5 and 4 \(got 99\)/);
    assert.throws(() => resolveOptions({ variant: 'gelu', target: 'c', names: { forward: 'not a name' } }), /identifier/);
    assert.equal(typeof parseSnippetOptions(null), 'string');
    assert.match(parseSnippetOptions({ variant: 'gelu', target: 'cobol' }) as string, /target must be one of/);
    assert.match(parseSnippetOptions({ variant: 'gelu', target: 'c', colour: 1 }) as string, /Unknown option/);
    assert.match(parseSnippetOptions({ variant: 'gelu', target: 'c', withDerivative: 'yes' }) as string, /true or false/);
    assert.deepEqual(parseSnippetOptions({ variant: 'gelu', target: 'cuda', precision: 'double' }), { variant: 'gelu', target: 'cuda', precision: 'double' });
  });

  it('offers targets by editor language', function () {
    assert.equal(targetsForLanguage('python')[0]?.id, 'pytorch');
    assert.deepEqual(
      targetsForLanguage('python').map((t) => t.id),
      ['pytorch', 'tensorflow', 'jax', 'numpy', 'python'],
    );
    assert.equal(targetsForLanguage('cuda-cpp')[0]?.id, 'cuda');
    assert.equal(targetsForLanguage('typescript')[0]?.id, 'typescript');
    assert.deepEqual(targetsForLanguage('plaintext'), []);
  });

  it("carries an erfc (Cody’s approximations) within 6 ulp of src/core on [−6, 27] (1–2 ulp outside (0.47, 4])", function () {
    const helper = generateSnippet({ variant: 'gelu', target: 'javascript' }).parts.helpers;
    const erfc = vm.runInNewContext(`${helper}\n;erfc`, {}) as (z: number) => number;
    let worst = 0;
    for (let i = 0; i <= 6600; i++) {
      const z = -6 + i * 0.005 + 1e-7 * Math.sin(i);
      const want = coreErfc(z);
      worst = Math.max(worst, Math.abs(erfc(z) - want) / ulpOf(want, 'double'));
    }
    assert.ok(worst <= 6, `worst ${worst} ulp`);
    assert.equal(erfc(Infinity), 0);
    assert.equal(erfc(-Infinity), 2);
    assert.ok(Number.isNaN(erfc(NaN)));
  });
});

// ---------------------------------------------------------------------------------------------

/** The combinations pinned by golden files (UPDATE_GOLDEN=1 rewrites them). */
const GOLDEN: readonly SnippetOptions[] = [
  { variant: 'gelu', target: 'pytorch', withDerivative: true, form: 'module' },
  { variant: 'gelu_tanh', target: 'pytorch', form: 'function' },
  { variant: 'gelu_tanh', target: 'tensorflow', withDerivative: true, form: 'module' },
  { variant: 'leaky_relu', target: 'tensorflow' },
  { variant: 'gelu', target: 'jax', withDerivative: true },
  { variant: 'gelu', target: 'numpy', withDerivative: true },
  { variant: 'gelu_sigmoid', target: 'python', withDerivative: true },
  { variant: 'gelu', target: 'typescript', withDerivative: true, vectorised: true },
  { variant: 'mish', target: 'javascript', withDerivative: true },
  { variant: 'gelu', target: 'c', withDerivative: true, vectorised: true },
  { variant: 'silu', target: 'cpp', withDerivative: true },
  { variant: 'gelu', target: 'cuda', withDerivative: true, precision: 'float' },
  { variant: 'gelu_tanh', target: 'cuda', withDerivative: true, precision: 'double' },
  { variant: 'gelu', target: 'go', withDerivative: true, vectorised: true },
  { variant: 'gelu', target: 'julia', withDerivative: true },
  { variant: 'gelu_tanh', target: 'julia', withDerivative: true },
  { variant: 'gelu', target: 'java', withDerivative: true },
  { variant: 'gelu_tanh', target: 'rust', withDerivative: true },
  { variant: 'gelu', target: 'fortran', withDerivative: true },
  { variant: 'gelu', target: 'r', withDerivative: true },
  { variant: 'gelu_tanh', target: 'matlab', withDerivative: true },
  { variant: 'hardswish', target: 'matlab', withDerivative: true },
  { variant: 'xielu', target: 'c', withDerivative: true },
  { variant: 'snake', target: 'pytorch', withDerivative: true },
  { variant: 'laplace', target: 'numpy', withDerivative: true },
];

describeGoldenFiles('snippets: golden files', GOLDEN);

// ---------------------------------------------------------------------------------------------

describe('snippets: code that cannot run here still parses and compiles', function () {
  this.timeout(120_000);

  it('every Python-family combination (PyTorch, TensorFlow, JAX, NumPy, Python) passes py_compile', async function () {
    if (!has(PYTHON)) {
      console.log(`      SKIPPED: ${PYTHON} not found`);
      this.skip();
    }
    const dir = tempDir('pycompile');
    const files: string[] = [];
    allOptionCombinations()
      .filter((o) => ['pytorch', 'tensorflow', 'jax', 'numpy', 'python'].includes(o.target))
      .forEach((o, i) => {
        const f = path.join(dir, `s${i}_${o.target}_${o.variant}.py`);
        fs.writeFileSync(f, generateSnippet(o).plainCode);
        files.push(f);
      });
    // compile() of each file in one process: a SyntaxError names the file.
    const script = `import sys\nfor f in sys.argv[1:]:\n    compile(open(f).read(), f, 'exec')\nprint(len(sys.argv) - 1)`;
    const r = await run(PYTHON, ['-c', script, ...files]);
    assert.equal(r.stdout.trim(), String(files.length));
  });

  it('every TypeScript combination type-checks under strict settings', function () {
    const dir = tempDir('tsc');
    const files = allOptionCombinations()
      .filter((o) => o.target === 'typescript')
      .map((o, i) => {
        const f = path.join(dir, `s${i}.ts`);
        fs.writeFileSync(f, `export {};\n${generateSnippet(o).plainCode}`);
        return f;
      });
    const program = ts.createProgram(files, {
      strict: true,
      noUncheckedIndexedAccess: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2020,
      lib: ['lib.es2020.d.ts'],
      types: [],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    // The forward function of a snippet without its array form is unused in the file: that is expected.
    const real = diagnostics.filter((m) => !/is declared but its value is never read/.test(m));
    assert.deepEqual(real, []);
  });

  it('the array forms of C, C++ and CUDA compile (gcc/g++ -fsyntax-only)', async function () {
    if (!has('gcc') || !has('g++')) {
      console.log('      SKIPPED: gcc/g++ not found');
      this.skip();
    }
    const dir = tempDir('csyntax');
    for (const target of ['c', 'cpp'] as const) {
      const src = FUNCTION_IDS.map((id) => generateSnippet({ variant: id, target, withDerivative: true, vectorised: true, names: { forward: `f_${id}`, derivative: `df_${id}` } }).plainCode).join('\n');
      const file = path.join(dir, target === 'c' ? 'all.c' : 'all.cpp');
      fs.writeFileSync(file, src);
      await run(target === 'c' ? 'gcc' : 'g++', ['-fsyntax-only', '-Wall', '-Wextra', '-Werror', ...(target === 'c' ? ['-std=c99'] : ['-std=c++17']), file]);
    }
  });

  it('the array forms of Go, Java and Rust compile', async function () {
    const dir = tempDir('vec');
    const ran: string[] = [];
    if (has('go', ['version'])) {
      const bodies = FUNCTION_IDS.map((id) => generateSnippet({ variant: id, target: 'go', withDerivative: true, vectorised: true, names: { forward: `F_${id}`, derivative: `DF_${id}` } }).parts.body);
      fs.writeFileSync(path.join(dir, 'lib.go'), ['package lib', 'import "math"', ...bodies].join('\n\n'));
      await run('go', ['vet', path.join(dir, 'lib.go')], { env: { ...process.env, GOCACHE: process.env.GOCACHE ?? path.join(dir, 'gocache'), GOPATH: process.env.GOPATH ?? path.join(dir, 'gopath'), GO111MODULE: 'off' } });
      ran.push('go');
    }
    if (has('javac', ['-version'])) {
      const src = FUNCTION_IDS.map((id) => generateSnippet({ variant: id, target: 'java', withDerivative: true, vectorised: true, names: { className: `C_${id}` } }).plainCode).join('\n');
      fs.writeFileSync(path.join(dir, 'All.java'), src);
      await run('javac', ['-Xlint:all', '-Werror', '-d', path.join(dir, 'classes'), path.join(dir, 'All.java')]);
      ran.push('java');
    }
    if (has('rustc')) {
      const snippets = FUNCTION_IDS.map((id) => generateSnippet({ variant: id, target: 'rust', withDerivative: true, vectorised: true, names: { forward: `f_${id}`, derivative: `df_${id}` } }));
      const helpers = [...new Set(snippets.map((s) => s.parts.helpers).filter((h) => h !== ''))];
      fs.writeFileSync(path.join(dir, 'lib.rs'), [...helpers, ...snippets.map((s) => s.parts.body)].join('\n\n'));
      await run('rustc', ['--crate-type=lib', '-D', 'warnings', '--out-dir', dir, path.join(dir, 'lib.rs')]);
      ran.push('rust');
    }
    if (ran.length === 0) {
      console.log('      SKIPPED: none of go, javac, rustc found');
      this.skip();
    }
  });
});


describe('snippets: special inputs', function () {
  /** [f(+∞), f(−∞), f′(+∞), f′(−∞)] at the registry's default parameters. */
  const LIMITS: Record<string, [number, number, number, number]> = {
    gelu: [Infinity, 0, 1, 0],
    gelu_tanh: [Infinity, 0, 1, 0],
    gelu_sigmoid: [Infinity, 0, 1, 0],
    silu: [Infinity, 0, 1, 0],
    mish: [Infinity, 0, 1, 0],
    softplus: [Infinity, 0, 1, 0],
    sigmoid: [1, 0, 0, 0],
    tanh: [1, -1, 0, 0],
    elu: [Infinity, -1, 1, 0],
    selu: [Infinity, activations.selu.f(-1e300), activations.selu.df(1), 0],
    relu: [Infinity, 0, 1, 0],
    leaky_relu: [Infinity, -Infinity, 1, 0.01],
    relu6: [6, 0, 0, 0],
    hardswish: [Infinity, 0, 1, 0],
    relu2: [Infinity, 0, Infinity, 0],
    hardtanh: [1, -1, 0, 0],
    hard_sigmoid: [1, 0, 0, 0],
    softshrink: [Infinity, -Infinity, 1, 1],
    hardshrink: [Infinity, -Infinity, 1, 1],
    softsign: [1, -1, 0, 0],
    sparse_plus: [Infinity, 0, 1, 0],
    celu: [Infinity, -1, 1, 0],
    log_sigmoid: [0, -Infinity, 0, 1],
    tanhshrink: [Infinity, -Infinity, 1, 1],
    gelu_ibert: [Infinity, 0, 1, 0],
    squareplus: [Infinity, 0, 1, 0],
    xielu: [Infinity, Infinity, Infinity, activations.xielu.df(-Infinity)],
    // Snake′ = 1 + sin(2αx) has no limit at ±∞: NaN, as the core.
    snake: [Infinity, -Infinity, NaN, NaN],
    laplace: [1, 0, 0, 0],
  };

  it('gives the limits at ±∞, NaN for NaN (f), and the core’s values at ±0 and the extremes (JavaScript)', function () {
    for (const id of FUNCTION_IDS) {
      const s = generateSnippet({ variant: id, target: 'javascript', withDerivative: true });
      const { f, df } = vm.runInNewContext(`${s.plainCode}\n;({ f: ${s.options.names.forward}, df: ${s.options.names.derivative} })`, {}) as { f: (x: number) => number; df: (x: number) => number };
      const [fp, fm, dp, dm] = LIMITS[id] as [number, number, number, number];
      // === rather than Object.is: the sign of a zero limit is not asserted (NaN where there is no limit).
      const same = (got: number, want: number): boolean => got === want || (Number.isNaN(want) && Number.isNaN(got));
      assert.ok(same(f(Infinity), fp), `${id}(+∞) = ${f(Infinity)}, want ${fp}`);
      assert.ok(same(f(-Infinity), fm), `${id}(−∞) = ${f(-Infinity)}, want ${fm}`);
      assert.ok(same(df(Infinity), dp), `${id}′(+∞) = ${df(Infinity)}, want ${dp}`);
      assert.ok(same(df(-Infinity), dm), `${id}′(−∞) = ${df(-Infinity)}, want ${dm}`);
      assert.ok(Number.isNaN(f(NaN)), `${id}(NaN) is NaN`);
      for (const x of [0, -0, 5e-324, -5e-324, 1e-300, -1e-300, 1e300, -1e300, 1.7976931348623157e308, -1.7976931348623157e308]) {
        const a = activations[id];
        for (const [got, want, what] of [
          [f(x), a.f(x), 'f'],
          [df(x), a.df(x), 'f′'],
        ] as const) {
          if (Number.isNaN(want)) continue;
          // Snake′ = 1 + sin(2αx) is a sum of terms of order 1 at every x: there, as near any root
          // (harness.ts, rootRegion), one unit roundoff absolute counts as right (at ±1e300 the
          // library's reduction of αx and π/4 added as hi + lo leave ~5e-17).
          const nearRoot = id === 'snake' && what === 'f′' && Math.abs(got - want) <= 2 ** -53;
          assert.ok(got === want || Math.abs(got - want) <= 4 * ulpOf(want, 'double') || nearRoot, `${id} ${what}(${x}) = ${got}, core ${want}`);
        }
      }
    }
  });
});

describe('snippets: parameters', function () {
  /** Parameter sets a user may pick (within the registry ranges), where the core is within 1 ulp. */
  const CASES: readonly [FunctionId, Record<string, number>][] = [
    ['snake', { alpha: 0.5, eps: 1e-9 }],
    ['snake', { alpha: 3.7 }],
    ['laplace', { mu: 0, sigma: 1 }],
    ['laplace', { mu: -1.5, sigma: 0.125 }],
    ['xielu', { alphaP: 1, alphaN: 2, beta: 0.5, eps: -0.001 }],
    ['xielu', { alphaP: 0.3, alphaN: 0.55, beta: 0.05, eps: 0 }],
  ];

  it('follows the parameters a user sets (Snake α and ε, Laplace μ and σ, xIELU αp, αn, β, ε): JavaScript agrees with src/core', function () {
    // 6 ulps: the Cody erfc JavaScript carries (Laplace at μ = 0, σ = 1 near x = −5.2).
    const tol = { ulps: 6, absNearRoot: 2 ** -53 };
    for (const [id, params] of CASES) {
      const s = generateSnippet({ variant: id, target: 'javascript', withDerivative: true, params });
      const { f, df } = vm.runInNewContext(`${s.plainCode}\n;({ f: ${s.options.names.forward}, df: ${s.options.names.derivative} })`, {}) as { f: (x: number) => number; df: (x: number) => number };
      const a = activations[id];
      for (let i = 0; i <= 4000; i++) {
        const x = -20 + i / 100 + 1e-7 * Math.sin(i);
        for (const [order, got, want] of [
          [0, f(x), a.f(x, params)],
          [1, df(x), a.df(x, params)],
        ] as const) {
          const r = check(got, want, x, order, 'double', tol, rootRegion(id));
          assert.ok(r.ok, `${id} ${JSON.stringify(params)} ${order === 0 ? 'f' : 'f′'}(${x}) = ${got}, core ${want} (${r.ulps.toFixed(1)} ulp)`);
        }
      }
    }
  });
});

describe('snippets: the IR of every algorithm', function () {
  it('reads every variable it defines (Go refuses unused ones) and keeps selects and clamps at the top of a statement', function () {
    const envs: AlgoEnv[] = [];
    for (const compensated of [true, false])
      for (const fma of [true, false])
        for (const erfc of ['lib', 'scipy', 'helper', 'pnorm'] as const)
          for (const precision of ['double', 'float'] as const) envs.push({ compensated, fma, erfc, precision, params: {} });
    const fns: [string, Fn][] = [['erfc helper', erfcHelper()]];
    for (const env of envs) for (const id of FUNCTION_IDS) {
      const a = algorithm(id, env);
      fns.push([`${id} ${JSON.stringify(env)} f`, a.f], [`${id} ${JSON.stringify(env)} f′`, a.df]);
    }
    const nested = (e: Expr): boolean => {
      switch (e.kind) {
        case 'select':
        case 'clamp':
          return true;
        case 'bin':
          return nested(e.a) || nested(e.b);
        case 'neg':
          return nested(e.a);
        case 'call':
        case 'helper':
          return e.args.some(nested);
        default:
          return false;
      }
    };
    for (const [what, fn] of fns) {
      const read = new Set<string>();
      for (const s of fn.body) {
        if (s.kind === 'let' || s.kind === 'return' || s.kind === 'ifReturn') {
          usedVars(s.value, read);
          const top =
            s.value.kind === 'select'
              ? [s.value.cond.a, s.value.cond.b, s.value.then, s.value.else]
              : s.value.kind === 'clamp'
                ? [s.value.a, s.value.lo, s.value.hi, s.value.below].filter((b): b is Expr => b !== undefined)
                : [s.value];
          assert.ok(!top.some(nested), `${what}: a select inside an expression`);
        }
        if (s.kind === 'ifReturn') {
          usedVars(s.cond.a, read);
          usedVars(s.cond.b, read);
        }
      }
      for (const s of fn.body) if (s.kind === 'let') assert.ok(read.has(s.name), `${what}: ${s.name} is never read`);
    }
  });
});
