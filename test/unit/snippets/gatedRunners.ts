/**
 * Runners for the gated snippets: each generates every gated case (unit × parameters) with both
 * partials, wraps them in one driver that reads `case g u` lines and prints `y dg du`, and
 * returns the values in input order. Like runners.ts, a runner says why it cannot run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { transformSync } from 'esbuild';
import type { GatedId, Params } from '../../../src/core/types';
import { generateSnippet, type Snippet, type SnippetOptions, type TargetId } from '../../../src/snippets';
import { has, hexFloat, parseNumber, run, tempDir } from './harness';
import { PYTHON } from './runners';

/** A gated unit at some parameters; `key` names it in drivers. */
export interface GatedCase {
  readonly key: string;
  readonly id: GatedId;
  readonly params: Params;
}

/** Every unit at its defaults, GEGLU's tanh form, and gpt-oss at other α and limit. */
export const GATED_CASES: readonly GatedCase[] = [
  { key: 'glu', id: 'glu', params: {} },
  { key: 'reglu', id: 'reglu', params: {} },
  { key: 'geglu', id: 'geglu', params: {} },
  { key: 'geglu_tanh', id: 'geglu', params: { tanh: 1 } },
  { key: 'swiglu', id: 'swiglu', params: {} },
  { key: 'swiglu_oai', id: 'swiglu_oai', params: {} },
  { key: 'swiglu_oai_a15_l5', id: 'swiglu_oai', params: { alpha: 1.5, limit: 5 } },
];

/** Cases whose gate activation has the same name as another case's (gpt-oss at two α: `swish`). */
const SHARES_ACT_NAME = new Set(['swiglu_oai_a15_l5']);

export interface GatedPoint {
  readonly g: number;
  readonly u: number;
}

export type Triple = [number, number, number];
export type GatedValues = Map<string, Triple[]>;

export interface GatedRunner {
  readonly label: string;
  readonly target: TargetId;
  readonly precision: 'double' | 'float';
  missing(): string | undefined;
  /** The cases this runner executes (some cannot share one program). */
  readonly cases: readonly GatedCase[];
  run(points: ReadonlyMap<string, readonly GatedPoint[]>): Promise<GatedValues>;
}

function gen(target: TargetId, c: GatedCase, style: 'snake' | 'pascal' = 'snake', extra: Partial<SnippetOptions> = {}): Snippet {
  const names = style === 'snake' ? { forward: `y_${c.key}`, derivative: `d_${c.key}`, className: `C_${c.key}` } : { forward: `Y_${c.key}`, derivative: `D_${c.key}`, className: `C_${c.key}` };
  return generateSnippet({ variant: c.id, target, withDerivative: true, params: c.params, names, ...extra });
}

/** The three function names of a case's snippet, as generated. */
function fnNames(s: Snippet, naming: 'snake' | 'camel' | 'pascal' = 'snake'): [string, string, string] {
  const { forward, derivative } = s.options.names;
  return naming === 'snake' ? [forward, `${derivative}_g`, `${derivative}_u`] : [forward, `${derivative}G`, `${derivative}U`];
}

function stdinLines(cases: readonly GatedCase[], points: ReadonlyMap<string, readonly GatedPoint[]>): string {
  const lines: string[] = [];
  cases.forEach((c, i) => {
    for (const p of points.get(c.key) ?? []) lines.push(`${i} ${String(p.g)} ${String(p.u)}`);
  });
  return `${lines.join('\n')}\n`;
}

function parseTriples(stdout: string): Triple[] {
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => l.split(/\s+/).map(parseNumber) as Triple);
}

function split(cases: readonly GatedCase[], points: ReadonlyMap<string, readonly GatedPoint[]>, triples: readonly Triple[]): GatedValues {
  const out: GatedValues = new Map();
  let k = 0;
  for (const c of cases) {
    const n = points.get(c.key)?.length ?? 0;
    out.set(c.key, triples.slice(k, k + n));
    k += n;
  }
  if (k !== triples.length) throw new Error(`expected ${k} result lines, got ${triples.length}`);
  return out;
}

function jsRunner(ts: boolean): GatedRunner {
  const target = ts ? 'typescript' : 'javascript';
  return {
    label: ts ? 'TypeScript (esbuild → Node vm)' : 'JavaScript (Node vm)',
    target,
    precision: 'double',
    cases: GATED_CASES,
    missing: () => undefined,
    run: async (points) => {
      const out: GatedValues = new Map();
      for (const c of GATED_CASES) {
        const s = gen(target, c);
        const [f, dg, du] = fnNames(s, 'camel');
        const js = ts ? transformSync(s.plainCode, { loader: 'ts' }).code : s.plainCode;
        const fns = vm.runInNewContext(`${js}\n;[${f}, ${dg}, ${du}]`, {}) as ((g: number, u: number) => number)[];
        out.set(c.key, (points.get(c.key) ?? []).map((p) => fns.map((fn) => fn(p.g, p.u)) as Triple));
      }
      return out;
    },
  };
}

function pythonRunner(numpy: boolean): GatedRunner {
  const target = numpy ? 'numpy' : 'python';
  return {
    label: numpy ? 'NumPy + SciPy (vectorised)' : 'Python (math)',
    target,
    precision: 'double',
    cases: GATED_CASES,
    missing: () => (has(PYTHON, ['-c', 'import numpy, scipy.special']) ? undefined : `${PYTHON} cannot import numpy and scipy`),
    run: async (points) => {
      const dir = tempDir(`gated-${target}`);
      const jobs = GATED_CASES.map((c) => {
        const s = gen(target, c);
        const file = path.join(dir, `${c.key}.py`);
        fs.writeFileSync(file, s.plainCode);
        const ps = points.get(c.key) ?? [];
        return { file, names: fnNames(s), g: ps.map((p) => p.g), u: ps.map((p) => p.u) };
      });
      fs.writeFileSync(path.join(dir, 'input.json'), JSON.stringify(jobs));
      const driver = [
        'import json',
        // An invalid operation (0·∞, ∞ − ∞) in a where-arm fails the test; the product itself may overflow (so does the core's).
        numpy ? "import numpy as np\nnp.seterr(all='raise', over='ignore', under='ignore')" : '',
        `jobs = json.load(open(${JSON.stringify(path.join(dir, 'input.json'))}))`,
        'out = []',
        'for job in jobs:',
        '    ns = {}',
        "    exec(compile(open(job['file']).read(), job['file'], 'exec'), ns)",
        "    fs = [ns[n] for n in job['names']]",
        ...(numpy
          ? ["    g = np.array(job['g'], dtype=np.float64)", "    u = np.array(job['u'], dtype=np.float64)", '    cols = [np.broadcast_to(f(g, u), g.shape).tolist() for f in fs]', '    rows = zip(*cols)']
          : ["    rows = [[f(g, u) for f in fs] for g, u in zip(job['g'], job['u'])]"]),
        '    for r in rows:',
        "        out.append(' '.join(repr(float(v)) for v in r))",
        "print('\\n'.join(out))",
      ].join('\n');
      fs.writeFileSync(path.join(dir, 'driver.py'), driver);
      const r = await run(PYTHON, [path.join(dir, 'driver.py')]);
      return split(GATED_CASES, points, parseTriples(r.stdout));
    },
  };
}

/** Enough of CUDA for device functions and the two-buffer kernels to compile as host C++. */
const CUDA_SHIM = ['#include <math.h>', '#include <stddef.h>', '#define __device__', '#define __global__', '#define __forceinline__ inline', 'struct gelu_dim3 { unsigned x, y, z; };', 'static gelu_dim3 blockIdx, threadIdx, blockDim, gridDim;'].join('\n');

function cRunner(target: 'c' | 'cpp' | 'cuda', precision: 'double' | 'float' = 'double'): GatedRunner {
  const compiler = target === 'c' ? 'gcc' : 'g++';
  // C has no namespaces: the case whose gate activation shares a name with another is left out.
  const cases = target === 'c' ? GATED_CASES.filter((c) => !SHARES_ACT_NAME.has(c.key)) : GATED_CASES;
  const type = precision;
  return {
    label: target === 'c' ? 'C (gcc)' : target === 'cpp' ? 'C++ (g++)' : `CUDA ${precision} (device code as host C++, g++)`,
    target,
    precision,
    cases,
    missing: () => (has(compiler) ? undefined : `${compiler} not found`),
    run: async (points) => {
      const dir = tempDir(`gated-${target}`);
      const snippets = cases.map((c) => gen(target, c, 'snake', target === 'cuda' ? { precision } : {}));
      const ns = (i: number): string => `case_${i}`;
      const bodies = snippets.map((s, i) => (target === 'c' ? s.parts.body : `namespace ${ns(i)} {\n${s.parts.body}\n}`));
      const table = snippets.map((s, i) => `    {${fnNames(s).map((n) => (target === 'c' ? n : `${ns(i)}::${n}`)).join(', ')}},`).join('\n');
      const src = [
        target === 'cuda' ? CUDA_SHIM : target === 'c' ? '#include <math.h>' : '#include <cmath>\n#include <cstddef>',
        '#include <stdio.h>',
        '#include <stdlib.h>',
        ...bodies,
        `typedef ${type} (*fn_t)(${type}, ${type});`,
        `static const fn_t table[][3] = {\n${table}\n};`,
        'int main(void)',
        '{',
        '    int i;',
        '    char bg[64], bu[64];',
        '    while (scanf("%d %63s %63s", &i, bg, bu) == 3) {',
        `        ${type} g = (${type})strtod(bg, NULL), u = (${type})strtod(bu, NULL);`,
        '        printf("%.17g %.17g %.17g\\n", (double)table[i][0](g, u), (double)table[i][1](g, u), (double)table[i][2](g, u));',
        '    }',
        '    return 0;',
        '}',
      ].join('\n');
      const file = path.join(dir, target === 'c' ? 'main.c' : 'main.cpp');
      fs.writeFileSync(file, src);
      const exe = path.join(dir, 'main');
      await run(compiler, [...(target === 'c' ? ['-std=c99'] : ['-std=c++17']), '-O2', '-Wall', '-Werror', '-Wno-unused-variable', '-Wno-unused-parameter', '-o', exe, file, '-lm']);
      const r = await run(exe, [], { input: stdinLines(cases, points) });
      return split(cases, points, parseTriples(r.stdout));
    },
  };
}

function goRunner(): GatedRunner {
  const cases = GATED_CASES.filter((c) => !SHARES_ACT_NAME.has(c.key));
  return {
    label: 'Go',
    target: 'go',
    precision: 'double',
    cases,
    missing: () => (has('go', ['version']) ? undefined : 'go not found'),
    run: async (points) => {
      const dir = tempDir('gated-go');
      const snippets = cases.map((c) => gen('go', c, 'pascal'));
      const imports = new Set<string>(['"bufio"', '"fmt"', '"os"', '"strconv"', '"strings"']);
      for (const s of snippets) for (const line of s.imports) imports.add(line.replace(/^import\s+/, ''));
      const table = snippets.map((s) => `\t{${fnNames(s, 'pascal').join(', ')}},`).join('\n');
      const fmt = (e: string): string => `strconv.FormatFloat(${e}, 'g', -1, 64)`;
      const src = [
        'package main',
        `import (\n${[...imports].map((i) => `\t${i}`).join('\n')}\n)`,
        ...snippets.map((s) => s.parts.body),
        `var table = [][3]func(float64, float64) float64{\n${table}\n}`,
        'func main() {',
        '\tin := bufio.NewScanner(os.Stdin)',
        '\tout := bufio.NewWriter(os.Stdout)',
        '\tdefer out.Flush()',
        '\tfor in.Scan() {',
        '\t\tf := strings.Fields(in.Text())',
        '\t\ti, _ := strconv.Atoi(f[0])',
        '\t\tg, _ := strconv.ParseFloat(f[1], 64)',
        '\t\tu, _ := strconv.ParseFloat(f[2], 64)',
        `\t\tfmt.Fprintln(out, ${fmt('table[i][0](g, u)')}, ${fmt('table[i][1](g, u)')}, ${fmt('table[i][2](g, u)')})`,
        '\t}',
        '}',
      ].join('\n\n');
      const file = path.join(dir, 'main.go');
      fs.writeFileSync(file, src);
      const env = { ...process.env, GOCACHE: process.env.GOCACHE ?? path.join(dir, 'gocache'), GOPATH: process.env.GOPATH ?? path.join(dir, 'gopath'), GO111MODULE: 'off' };
      const r = await run('go', ['run', file], { input: stdinLines(cases, points), env });
      return split(cases, points, parseTriples(r.stdout));
    },
  };
}

function javaRunner(): GatedRunner {
  return {
    label: 'Java',
    target: 'java',
    precision: 'double',
    cases: GATED_CASES,
    missing: () => (has('java', ['-version']) ? undefined : 'java not found'),
    run: async (points) => {
      const dir = tempDir('gated-java');
      const snippets = GATED_CASES.map((c) => gen('java', c));
      const table = snippets.map((s) => `        {${fnNames(s, 'camel').map((n) => `${s.options.names.className}::${n}`).join(', ')}},`).join('\n');
      const main = [
        'public class Main {',
        '    static final java.util.function.DoubleBinaryOperator[][] TABLE = {',
        table,
        '    };',
        '    public static void main(String[] args) throws Exception {',
        '        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));',
        '        StringBuilder out = new StringBuilder();',
        '        for (String line; (line = in.readLine()) != null;) {',
        '            String[] f = line.trim().split(" ");',
        '            int i = Integer.parseInt(f[0]);',
        '            double g = Double.parseDouble(f[1]), u = Double.parseDouble(f[2]);',
        "            out.append(TABLE[i][0].applyAsDouble(g, u)).append(' ').append(TABLE[i][1].applyAsDouble(g, u)).append(' ').append(TABLE[i][2].applyAsDouble(g, u)).append('\\n');",
        '        }',
        '        System.out.print(out);',
        '    }',
        '}',
      ].join('\n');
      const file = path.join(dir, 'Main.java');
      fs.writeFileSync(file, [main, ...snippets.map((s) => s.plainCode)].join('\n\n'));
      const r = await run('java', [file], { input: stdinLines(GATED_CASES, points) });
      return split(GATED_CASES, points, parseTriples(r.stdout));
    },
  };
}

function rustRunner(): GatedRunner {
  return {
    label: 'Rust (rustc)',
    target: 'rust',
    precision: 'double',
    cases: GATED_CASES,
    missing: () => (has('rustc') ? undefined : 'rustc not found'),
    run: async (points) => {
      const dir = tempDir('gated-rust');
      const snippets = GATED_CASES.map((c) => gen('rust', c));
      const mods = snippets.map((s, i) => `mod case_${i} {\n#![allow(dead_code, unused_variables)]\n${s.parts.helpers}\n${s.parts.body}\n}`);
      const table = snippets.map((s, i) => `        [${fnNames(s).map((n) => `case_${i}::${n} as fn(f64, f64) -> f64`).join(', ')}],`).join('\n');
      const main = [
        'use std::io::{BufRead, Write};',
        'fn main() {',
        `    let table: [[fn(f64, f64) -> f64; 3]; ${snippets.length}] = [`,
        table,
        '    ];',
        '    let stdin = std::io::stdin();',
        '    let mut out = std::io::BufWriter::new(std::io::stdout());',
        '    for line in stdin.lock().lines() {',
        '        let line = line.unwrap();',
        '        let mut it = line.split_whitespace();',
        '        let i: usize = it.next().unwrap().parse().unwrap();',
        '        let g: f64 = it.next().unwrap().parse().unwrap();',
        '        let u: f64 = it.next().unwrap().parse().unwrap();',
        '        writeln!(out, "{:e} {:e} {:e}", (table[i][0])(g, u), (table[i][1])(g, u), (table[i][2])(g, u)).unwrap();',
        '    }',
        '}',
      ].join('\n');
      const file = path.join(dir, 'main.rs');
      fs.writeFileSync(file, [...mods, main].join('\n\n'));
      const exe = path.join(dir, 'main');
      await run('rustc', ['-O', '-o', exe, file], { cwd: dir });
      const r = await run(exe, [], { input: stdinLines(GATED_CASES, points) });
      return split(GATED_CASES, points, parseTriples(r.stdout));
    },
  };
}

function fortranRunner(): GatedRunner {
  return {
    label: 'Fortran (gfortran)',
    target: 'fortran',
    precision: 'double',
    cases: GATED_CASES,
    missing: () => (has('gfortran') ? undefined : 'gfortran not found'),
    run: async (points) => {
      const dir = tempDir('gated-fortran');
      const snippets = GATED_CASES.map((c) => gen('fortran', c));
      // Only the gated names are imported, so two modules' `swish` do not clash.
      const uses = snippets.map((s) => `  use ${s.options.names.forward}_mod, only: ${fnNames(s).join(', ')}`).join('\n');
      const cases = snippets.map((s, i) => `    case (${i})\n      y = ${fnNames(s)[0]}(g, u)\n      a = ${fnNames(s)[1]}(g, u)\n      b = ${fnNames(s)[2]}(g, u)`).join('\n');
      const main = [
        'program main',
        '  use, intrinsic :: iso_fortran_env, only: dp => real64',
        uses,
        '  implicit none',
        '  integer :: i, ios',
        '  real(dp) :: g, u, y, a, b',
        '  do',
        '    read (*, *, iostat=ios) i, g, u',
        '    if (ios /= 0) exit',
        '    select case (i)',
        cases,
        '    end select',
        "    write (*, '(es26.17e3, 1x, es26.17e3, 1x, es26.17e3)') y, a, b",
        '  end do',
        'end program main',
      ].join('\n');
      const file = path.join(dir, 'main.f90');
      fs.writeFileSync(file, [...snippets.map((s) => s.plainCode), main].join('\n\n'));
      const exe = path.join(dir, 'main');
      await run('gfortran', ['-std=f2008', '-O2', '-Wall', '-Werror', '-Wno-unused-dummy-argument', '-o', exe, file], { cwd: dir });
      const r = await run(exe, [], { input: stdinLines(GATED_CASES, points) });
      return split(GATED_CASES, points, parseTriples(r.stdout));
    },
  };
}

function rRunner(): GatedRunner {
  return {
    label: 'R (vectorised)',
    target: 'r',
    precision: 'double',
    cases: GATED_CASES,
    missing: () => (has('Rscript') ? undefined : 'Rscript not found'),
    run: async (points) => {
      const dir = tempDir('gated-r');
      const parts: string[] = ['out <- character(0)'];
      for (const c of GATED_CASES) {
        const s = gen('r', c);
        parts.push(s.plainCode);
        const ps = points.get(c.key) ?? [];
        const vec = (xs: number[]): string => `as.numeric(c(${xs.map((x) => `"${hexFloat(x)}"`).join(', ')}))`;
        const [f, dg, du] = fnNames(s);
        // rep_len: a partial that ignores u returns a vector of g's length, which is the same.
        parts.push(`g <- ${vec(ps.map((p) => p.g))}`, `u <- ${vec(ps.map((p) => p.u))}`, `out <- c(out, sprintf("%.17g %.17g %.17g", ${f}(g, u), ${dg}(g, u), ${du}(g, u)))`);
      }
      parts.push('writeLines(out)');
      const file = path.join(dir, 'main.R');
      fs.writeFileSync(file, parts.join('\n'));
      const r = await run('Rscript', ['--vanilla', file]);
      return split(GATED_CASES, points, parseTriples(r.stdout));
    },
  };
}

export const GATED_RUNNERS: readonly GatedRunner[] = [
  jsRunner(false),
  jsRunner(true),
  pythonRunner(false),
  pythonRunner(true),
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
