/**
 * One runner per executable target: it generates every variant's snippet (forward and
 * derivative), wraps them in a small driver, runs it once on all reference points and returns
 * the printed values. A runner says why it cannot run (a missing toolchain) instead of passing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { transformSync } from 'esbuild';
import { type FunctionId } from '../../../src/core/types';
// The ids with a snippet algorithm (every registry id since issue 12's snippets).
import { ALGORITHM_IDS as FUNCTION_IDS } from '../../../src/snippets/algorithms';
import { generateSnippet, type Snippet, type SnippetOptions, type TargetId } from '../../../src/snippets';
import { has, hexFloat, parsePairs, type RefPoint, run, tempDir } from './harness';

export type Values = Map<FunctionId, [number, number][]>;

export interface Runner {
  readonly label: string;
  readonly target: TargetId;
  readonly precision: 'double' | 'float';
  /** Undefined when the toolchain is here; otherwise why the runner cannot run. */
  missing(): string | undefined;
  run(points: Map<FunctionId, RefPoint[]>): Promise<Values>;
}

const ids = FUNCTION_IDS;

function gen(target: TargetId, id: FunctionId, extra: Partial<SnippetOptions> = {}): Snippet {
  return generateSnippet({ variant: id, target, withDerivative: true, ...extra });
}

/** Explicit names so that all variants live in one program. */
const named = (id: FunctionId, style: 'snake' | 'pascal' = 'snake'): Partial<SnippetOptions> => ({
  names: style === 'snake' ? { forward: `f_${id}`, derivative: `df_${id}`, className: `C_${id}` } : { forward: `F_${id}`, derivative: `DF_${id}`, className: `C_${id}` },
});

/** `index x` lines for drivers that read stdin; x in shortest round-trip decimal. */
function stdinLines(points: Map<FunctionId, RefPoint[]>, format: (x: number) => string = String): string {
  const lines: string[] = [];
  ids.forEach((id, i) => {
    for (const p of points.get(id) ?? []) lines.push(`${i} ${format(p.x)}`);
  });
  return `${lines.join('\n')}\n`;
}

/** Splits the program's output back into functions, in input order. */
function splitValues(points: Map<FunctionId, RefPoint[]>, pairs: [number, number][]): Values {
  const out: Values = new Map();
  let k = 0;
  for (const id of ids) {
    const n = points.get(id)?.length ?? 0;
    out.set(id, pairs.slice(k, k + n));
    k += n;
  }
  if (k !== pairs.length) throw new Error(`expected ${k} result lines, got ${pairs.length}`);
  return out;
}

/** Runs a driver that reads `index x` lines on stdin and prints `f f′` lines; the values by function. */
async function runOnPoints(points: Map<FunctionId, RefPoint[]>, command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Values> {
  const r = await run(command, args, { ...options, input: stdinLines(points) });
  return splitValues(points, parsePairs(r.stdout));
}

/** Writes `source` to `dir/fileName`, compiles it to `dir/main` (`compiler ...flags -o main file ...libs`) and runs it on the points. */
async function compileAndRun(
  points: Map<FunctionId, RefPoint[]>,
  program: { dir: string; fileName: string; source: string; compiler: string; flags: readonly string[]; libs?: readonly string[] },
): Promise<Values> {
  const file = path.join(program.dir, program.fileName);
  fs.writeFileSync(file, program.source);
  const exe = path.join(program.dir, 'main');
  await run(program.compiler, [...program.flags, '-o', exe, file, ...(program.libs ?? [])], { cwd: program.dir });
  return runOnPoints(points, exe, []);
}

/** Each variant's `target` snippet in its own file `dir/<id>.py`, for Python drivers that exec them one by one. */
function pythonModules(target: TargetId, dir: string, extra: Partial<SnippetOptions> = {}): { id: FunctionId; file: string; f: string; df: string; module: string }[] {
  return ids.map((id) => {
    const s = gen(target, id, extra);
    const file = path.join(dir, `${id}.py`);
    fs.writeFileSync(file, s.plainCode);
    return { id, file, f: s.options.names.forward, df: s.options.names.derivative, module: s.options.names.className };
  });
}

/**
 * A runner whose toolchain is one command (`tool probe…` exits 0 when it is here); `run` gets a
 * fresh temporary folder named after the target.
 */
function toolRunner(spec: {
  label: string;
  target: TargetId;
  precision?: 'double' | 'float';
  tool: string;
  probe?: readonly string[];
  /** The Debian package that brings the tool, named when it is missing. */
  debian?: string;
  run(dir: string, points: Map<FunctionId, RefPoint[]>): Promise<Values>;
}): Runner {
  return {
    label: spec.label,
    target: spec.target,
    precision: spec.precision ?? 'double',
    missing: () => (has(spec.tool, spec.probe) ? undefined : `${spec.tool} not found${spec.debian === undefined ? '' : ` (Debian: ${spec.debian})`}`),
    run: (points) => spec.run(tempDir(spec.target), points),
  };
}

/** Writes a Python driver's lines to `dir/driver.py`; its path. */
function pythonDriver(dir: string, lines: readonly string[]): string {
  const file = path.join(dir, 'driver.py');
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

// ---------------------------------------------------------------------------------------------

function jsRunner(ts: boolean): Runner {
  return {
    label: ts ? 'TypeScript (esbuild → Node vm)' : 'JavaScript (Node vm)',
    target: ts ? 'typescript' : 'javascript',
    precision: 'double',
    missing: () => undefined,
    run: async (points) => {
      const out: Values = new Map();
      for (const id of ids) {
        const s = gen(ts ? 'typescript' : 'javascript', id);
        const { forward, derivative } = s.options.names;
        const js = ts ? transformSync(s.plainCode, { loader: 'ts' }).code : s.plainCode;
        const fns = vm.runInNewContext(`${js}\n;({ f: ${forward}, df: ${derivative} })`, {}) as { f: (x: number) => number; df: (x: number) => number };
        out.set(
          id,
          (points.get(id) ?? []).map((p) => [fns.f(p.x), fns.df(p.x)]),
        );
      }
      return out;
    },
  };
}

/** The Python that has NumPy and SciPy: GELU_PYTHON, else `python3` on PATH, else Debian's. */
export const PYTHON = process.env.GELU_PYTHON
  ?? (['python3', '/usr/bin/python3'].find((p) => has(p, ['-c', 'import numpy, scipy.special'])) ?? 'python3');

function pythonRunner(): Runner {
  return toolRunner({
    label: 'Python (math)',
    target: 'python',
    tool: PYTHON,
    run: async (dir, points) => {
      const files = pythonModules('python', dir).map((m) => [m.file, m.f, m.df]);
      const driver = pythonDriver(dir, [
        'import sys',
        `files = ${JSON.stringify(files)}`,
        'table = []',
        'for path, f, df in files:',
        '    ns = {}',
        "    exec(compile(open(path).read(), path, 'exec'), ns)",
        '    table.append((ns[f], ns[df]))',
        'out = []',
        'for line in sys.stdin:',
        '    i, x = line.split()',
        '    f, df = table[int(i)]',
        '    x = float(x)',
        "    out.append(f'{f(x)!r} {df(x)!r}')",
        "print('\\n'.join(out))",
      ]);
      return runOnPoints(points, PYTHON, [driver]);
    },
  });
}

function numpyRunner(): Runner {
  return {
    label: 'NumPy + SciPy (vectorised)',
    target: 'numpy',
    precision: 'double',
    missing: () => (has(PYTHON, ['-c', 'import numpy, scipy.special']) ? undefined : `${PYTHON} cannot import numpy and scipy (Debian: apt-get install python3-numpy python3-scipy)`),
    run: async (points) => {
      const dir = tempDir('numpy');
      const jobs = pythonModules('numpy', dir).map((m) => ({ file: m.file, f: m.f, df: m.df, xs: (points.get(m.id) ?? []).map((p) => p.x) }));
      fs.writeFileSync(path.join(dir, 'input.json'), JSON.stringify(jobs));
      const driver = pythonDriver(dir, [
        'import json, sys, warnings',
        'import numpy as np',
        "warnings.simplefilter('error')  # an overflow or invalid operation in a where-arm fails the test",
        `jobs = json.load(open(${JSON.stringify(path.join(dir, 'input.json'))}))`,
        'out = []',
        'for job in jobs:',
        '    ns = {}',
        "    exec(compile(open(job['file']).read(), job['file'], 'exec'), ns)",
        "    xs = np.array(job['xs'], dtype=np.float64)",
        "    ys = ns[job['f']](xs)",
        "    ds = ns[job['df']](xs)",
        '    for y, d in zip(ys.tolist(), ds.tolist()):',
        "        out.append(f'{y!r} {d!r}')",
        "print('\\n'.join(out))",
      ]);
      const r = await run(PYTHON, [driver]);
      return splitValues(points, parsePairs(r.stdout));
    },
  };
}

/** A C or C++ main that reads `index x` lines and prints f and f′ with 17 digits. */
function cMain(fnNames: readonly [string, string][], type: 'double' | 'float'): string {
  const table = fnNames.map(([f, d]) => `    {${f}, ${d}},`).join('\n');
  return [
    '#include <stdio.h>',
    '#include <stdlib.h>',
    `typedef ${type} (*fn_t)(${type});`,
    'static const fn_t table[][2] = {',
    table,
    '};',
    'int main(void)',
    '{',
    '    int i;',
    '    char buf[64];',
    '    while (scanf("%d %63s", &i, buf) == 2) {',
    `        ${type} x = (${type})strtod(buf, NULL);`,
    '        printf("%.17g %.17g\\n", (double)table[i][0](x), (double)table[i][1](x));',
    '    }',
    '    return 0;',
    '}',
  ].join('\n');
}

/** Enough of CUDA for the device functions and kernels to compile, and run, as host C++. */
const CUDA_SHIM = [
  '#include <math.h>',
  '#include <stddef.h>',
  '#define __device__',
  '#define __global__',
  '#define __forceinline__ inline',
  'struct gelu_dim3 { unsigned x, y, z; };',
  'static gelu_dim3 blockIdx, threadIdx, blockDim, gridDim;',
].join('\n');

function cRunner(target: 'c' | 'cpp' | 'cuda', precision: 'double' | 'float' = 'double'): Runner {
  const compiler = target === 'c' ? 'gcc' : 'g++';
  return toolRunner({
    label: target === 'c' ? 'C (gcc)' : target === 'cpp' ? 'C++ (g++)' : `CUDA ${precision} (device code as host C++, g++)`,
    target,
    precision,
    tool: compiler,
    run: async (dir, points) => {
      const snippets = ids.map((id) => gen(target, id, { ...named(id), ...(target === 'cuda' ? { precision } : {}) }));
      const src = [
        target === 'cuda' ? CUDA_SHIM : '',
        ...snippets.map((s) => s.plainCode),
        cMain(
          snippets.map((s) => [s.options.names.forward, s.options.names.derivative]),
          precision,
        ),
      ].join('\n');
      return compileAndRun(points, {
        dir,
        fileName: target === 'c' ? 'main.c' : 'main.cpp',
        source: src,
        compiler,
        flags: [target === 'c' ? '-std=c99' : '-std=c++17', '-O2', '-Wall', '-Werror', '-Wno-unused-variable'],
        libs: ['-lm'],
      });
    },
  });
}

function goRunner(): Runner {
  return toolRunner({
    label: 'Go',
    target: 'go',
    tool: 'go',
    probe: ['version'],
    debian: 'golang-go',
    run: async (dir, points) => {
      const snippets = ids.map((id) => gen('go', id, named(id, 'pascal')));
      const imports = new Set<string>(['"bufio"', '"fmt"', '"os"', '"strconv"', '"strings"']);
      for (const s of snippets) for (const line of s.imports) imports.add(line.replace(/^import\s+/, ''));
      const table = snippets.map((s) => `\t{${s.options.names.forward}, ${s.options.names.derivative}},`).join('\n');
      const src = [
        'package main',
        `import (\n${[...imports].map((i) => `\t${i}`).join('\n')}\n)`,
        ...snippets.map((s) => s.parts.body),
        `var table = [][2]func(float64) float64{\n${table}\n}`,
        'func main() {',
        '\tin := bufio.NewScanner(os.Stdin)',
        '\tout := bufio.NewWriter(os.Stdout)',
        '\tdefer out.Flush()',
        '\tfor in.Scan() {',
        '\t\tf := strings.Fields(in.Text())',
        '\t\ti, _ := strconv.Atoi(f[0])',
        '\t\tx, _ := strconv.ParseFloat(f[1], 64)',
        "\t\tfmt.Fprintln(out, strconv.FormatFloat(table[i][0](x), 'g', -1, 64), strconv.FormatFloat(table[i][1](x), 'g', -1, 64))",
        '\t}',
        '}',
      ].join('\n\n');
      const file = path.join(dir, 'main.go');
      fs.writeFileSync(file, src);
      const env = { ...process.env, GOCACHE: process.env.GOCACHE ?? path.join(dir, 'gocache'), GOPATH: process.env.GOPATH ?? path.join(dir, 'gopath'), GO111MODULE: 'off' };
      return runOnPoints(points, 'go', ['run', file], { env });
    },
  });
}

function javaRunner(): Runner {
  return toolRunner({
    label: 'Java',
    target: 'java',
    tool: 'java',
    probe: ['-version'],
    run: async (dir, points) => {
      const snippets = ids.map((id) => gen('java', id, named(id)));
      const table = snippets.map((s) => `        {${s.options.names.className}::${s.options.names.forward}, ${s.options.names.className}::${s.options.names.derivative}},`).join('\n');
      const main = [
        'public class Main {',
        '    @SuppressWarnings("unchecked")',
        '    static final java.util.function.DoubleUnaryOperator[][] TABLE = {',
        table,
        '    };',
        '    public static void main(String[] args) throws Exception {',
        '        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));',
        '        StringBuilder out = new StringBuilder();',
        '        for (String line; (line = in.readLine()) != null;) {',
        '            String[] f = line.trim().split(" ");',
        '            int i = Integer.parseInt(f[0]);',
        '            double x = Double.parseDouble(f[1]);',
        '            out.append(TABLE[i][0].applyAsDouble(x)).append(\' \').append(TABLE[i][1].applyAsDouble(x)).append(\'\\n\');',
        '        }',
        '        System.out.print(out);',
        '    }',
        '}',
      ].join('\n');
      const file = path.join(dir, 'Main.java');
      fs.writeFileSync(file, [main, ...snippets.map((s) => s.plainCode)].join('\n\n'));
      return runOnPoints(points, 'java', [file]);
    },
  });
}

function rustRunner(): Runner {
  return toolRunner({
    label: 'Rust (rustc)',
    target: 'rust',
    tool: 'rustc',
    run: async (dir, points) => {
      const snippets = ids.map((id) => gen('rust', id, named(id)));
      const helpers = [...new Set(snippets.map((s) => s.parts.helpers).filter((h) => h !== ''))];
      const table = snippets.map((s) => `        (${s.options.names.forward}, ${s.options.names.derivative}),`).join('\n');
      const main = [
        'use std::io::{BufRead, Write};',
        'fn main() {',
        '    let table: [(fn(f64) -> f64, fn(f64) -> f64); ' + snippets.length + '] = [',
        table,
        '    ];',
        '    let stdin = std::io::stdin();',
        '    let mut out = std::io::BufWriter::new(std::io::stdout());',
        '    for line in stdin.lock().lines() {',
        '        let line = line.unwrap();',
        '        let mut it = line.split_whitespace();',
        '        let i: usize = it.next().unwrap().parse().unwrap();',
        '        let x: f64 = it.next().unwrap().parse().unwrap();',
        '        writeln!(out, "{:e} {:e}", (table[i].0)(x), (table[i].1)(x)).unwrap();',
        '    }',
        '}',
      ].join('\n');
      const source = ['#![allow(dead_code)]', ...helpers, ...snippets.map((s) => s.parts.body), main].join('\n\n');
      return compileAndRun(points, { dir, fileName: 'main.rs', source, compiler: 'rustc', flags: ['-O'] });
    },
  });
}

function fortranRunner(): Runner {
  return toolRunner({
    label: 'Fortran (gfortran)',
    target: 'fortran',
    tool: 'gfortran',
    debian: 'gfortran',
    run: async (dir, points) => {
      const snippets = ids.map((id) => gen('fortran', id, named(id)));
      const uses = snippets.map((s) => `  use ${s.options.names.forward}_mod`).join('\n');
      const cases = snippets.map((s, i) => `    case (${i})\n      y = ${s.options.names.forward}(x)\n      d = ${s.options.names.derivative}(x)`).join('\n');
      const main = [
        'program main',
        '  use, intrinsic :: iso_fortran_env, only: dp => real64',
        uses,
        '  implicit none',
        '  integer :: i, ios',
        '  real(dp) :: x, y, d',
        '  do',
        '    read (*, *, iostat=ios) i, x',
        '    if (ios /= 0) exit',
        '    select case (i)',
        cases,
        '    end select',
        "    write (*, '(es26.17e3, 1x, es26.17e3)') y, d",
        '  end do',
        'end program main',
      ].join('\n');
      return compileAndRun(points, {
        dir,
        fileName: 'main.f90',
        source: [...snippets.map((s) => s.plainCode), main].join('\n\n'),
        compiler: 'gfortran',
        flags: ['-std=f2008', '-O2', '-Wall', '-Werror', '-Wno-unused-dummy-argument'],
      });
    },
  });
}

function rRunner(): Runner {
  return toolRunner({
    label: 'R (vectorised)',
    target: 'r',
    tool: 'Rscript',
    debian: 'r-base-core',
    run: async (dir, points) => {
      const parts: string[] = ['options(digits = 17)', 'out <- character(0)'];
      ids.forEach((id) => {
        const s = gen('r', id, named(id));
        parts.push(s.plainCode);
        // Hexadecimal input: R's own decimal parser is not correctly rounded in every case.
        const xs = (points.get(id) ?? []).map((p) => `"${hexFloat(p.x)}"`).join(', ');
        parts.push(`x <- as.numeric(c(${xs}))`, `out <- c(out, sprintf("%.17g %.17g", ${s.options.names.forward}(x), ${s.options.names.derivative}(x)))`);
      });
      parts.push('writeLines(out)');
      const file = path.join(dir, 'main.R');
      fs.writeFileSync(file, parts.join('\n'));
      const r = await run('Rscript', ['--vanilla', file]);
      return splitValues(points, parsePairs(r.stdout));
    },
  });
}

/** Every runner, in report order. */
export const RUNNERS: readonly Runner[] = [
  jsRunner(false),
  jsRunner(true),
  pythonRunner(),
  numpyRunner(),
  cRunner('c'),
  cRunner('cpp'),
  cRunner('cuda', 'double'),
  cRunner('cuda', 'float'),
  goRunner(),
  javaRunner(),
  rustRunner(),
  fortranRunner(),
  rRunner(),
];

// ---------------------------------------------------------------------------------------------
// PyTorch (torch.test.ts): the module-form snippet holds all four forms (function, derivative,
// autograd.Function, nn.Module).

/** Debian's Python, the one with python3-torch (the `python3` first on PATH may lack it). */
export const TORCH_PYTHON = process.env.GELU_TORCH_PYTHON ?? '/usr/bin/python3';

/** The tensor formats the PyTorch snippets are run in. */
export const TORCH_DTYPES = ['float64', 'float32', 'bfloat16', 'float16'] as const;
export type TorchDtype = (typeof TORCH_DTYPES)[number];

/** What torch itself offers for each function (None: no built-in), at the core's default parameters. */
const TORCH_BUILTINS: Readonly<Partial<Record<FunctionId, string>>> = {
  gelu: "lambda x: F.gelu(x)",
  gelu_tanh: "lambda x: F.gelu(x, approximate='tanh')",
  gelu_sigmoid: 'None',
  silu: 'F.silu',
  mish: 'F.mish',
  elu: 'F.elu',
  selu: 'F.selu',
  softplus: 'F.softplus',
  sigmoid: 'torch.sigmoid',
  tanh: 'torch.tanh',
  relu: 'F.relu',
  leaky_relu: 'F.leaky_relu',
  relu6: 'F.relu6',
  hardswish: 'F.hardswish',
};

/** Per function and dtype: x as the dtype holds it, and f, f′ of each form; null where it raised. */
export interface TorchResult {
  readonly x: number[];
  /** function, module, autograd forward, builtin: f; derivative, autograd backward, builtin: f′. */
  readonly series: Record<'function' | 'module' | 'autograd' | 'builtin' | 'grad' | 'backward' | 'builtinGrad', number[] | null>;
  readonly errors: string[];
}

/** Whether {@link TORCH_PYTHON} can import torch; otherwise why not. */
export function torchMissing(): string | undefined {
  return has(TORCH_PYTHON, ['-c', 'import torch']) ? undefined : `${TORCH_PYTHON} cannot import torch (Debian: apt-get install python3-torch; scripts/install-system.sh does)`;
}

/**
 * Runs every function's PyTorch snippet (module form) in one Python process on `xs`, in each
 * dtype: the function and its derivative, the nn.Module, the autograd.Function forward and
 * backward (grad_output = 1), and torch's built-in with its autograd derivative.
 */
export async function runTorch(xs: readonly number[]): Promise<Map<FunctionId, Record<TorchDtype, TorchResult>>> {
  const dir = tempDir('torch');
  const jobs = pythonModules('pytorch', dir, { form: 'module' });
  const builtins = ids.map((id) => `    ${JSON.stringify(id)}: ${TORCH_BUILTINS[id] ?? 'None'},`).join('\n');
  fs.writeFileSync(path.join(dir, 'input.json'), JSON.stringify({ jobs, xs: xs.map(hexFloat) }));
  const driver = pythonDriver(dir, [
    'import json, math',
    'import torch',
    'import torch.nn.functional as F',
    'torch.set_num_threads(1)',
    `BUILTINS = {\n${builtins}\n}`,
    `inp = json.load(open(${JSON.stringify(path.join(dir, 'input.json'))}))`,
    "xs = [float.fromhex(v) for v in inp['xs']]",
    'def enc(t):',
    "    return [v if math.isfinite(v) else ('NaN' if v != v else ('Infinity' if v > 0 else '-Infinity')) for v in t.detach().to(torch.float64).tolist()]",
    'def grad_of(fn, x):',
    '    x = x.clone().requires_grad_(True)',
    '    y = fn(x)',
    '    y.backward(torch.ones_like(y))',
    '    return x.grad',
    'out = {}',
    'for job in inp[\'jobs\']:',
    '    ns = {}',
    "    exec(compile(open(job['file']).read(), job['file'], 'exec'), ns)",
    "    fn = [v for v in ns.values() if isinstance(v, type) and issubclass(v, torch.autograd.Function) and v is not torch.autograd.Function][0]",
    "    steps = {'function': lambda x: ns[job['f']](x), 'grad': lambda x: ns[job['df']](x), 'module': lambda x: ns[job['module']]()(x),",
    "             'autograd': lambda x: fn.apply(x), 'backward': lambda x: grad_of(fn.apply, x)}",
    "    b = BUILTINS[job['id']]",
    '    if b is not None:',
    "        steps['builtin'] = b",
    "        steps['builtinGrad'] = lambda x, b=b: grad_of(b, x)",
    '    per = {}',
    "    for dtype in ('float64', 'float32', 'bfloat16', 'float16'):",
    '        x = torch.tensor(xs, dtype=torch.float64).to(getattr(torch, dtype))',
    "        r = {'x': enc(x), 'series': {}, 'errors': []}",
    "        for name in ('function', 'module', 'autograd', 'builtin', 'grad', 'backward', 'builtinGrad'):",
    "            r['series'][name] = None",
    '            if name not in steps: continue',
    '            try:',
    "                y = steps[name](x)",
    "                assert y.dtype == x.dtype, f'{name} returned {y.dtype}'",
    "                r['series'][name] = enc(y)",
    '            except Exception as e:',
    "                r['errors'].append(f'{name}: {type(e).__name__}: {e}')",
    '        per[dtype] = r',
    "    out[job['id']] = per",
    'print(json.dumps(out))',
  ]);
  const r = await run(TORCH_PYTHON, [driver]);
  const parsed = JSON.parse(r.stdout) as Record<string, Record<TorchDtype, TorchResult>>;
  const out = new Map<FunctionId, Record<TorchDtype, TorchResult>>();
  for (const id of ids) out.set(id, parsed[id] as Record<TorchDtype, TorchResult>);
  return out;
}

/** Targets that no runner executes here, and why (reported by the test, not silently passed). */
export const NOT_EXECUTED: Readonly<Partial<Record<TargetId, string>>> = {
  tensorflow: 'TensorFlow is not installable here: parsed with py_compile and covered by golden files',
  jax: 'JAX is not installable here: parsed with py_compile and covered by golden files',
  julia: 'Julia is not in Debian bookworm: golden files only',
  matlab: 'Octave would be 120 Debian packages: golden files only',
};
