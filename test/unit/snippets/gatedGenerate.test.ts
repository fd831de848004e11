/**
 * What a user sees of the gated snippets before running them: every target offers every
 * gated unit, the header names the gate in at most 4 lines, the fused form is offered only by
 * PyTorch, C++ and CUDA (and refused elsewhere with a reason), parameters go through the core's
 * check, the quick pick lists the units in their own group, and golden files pin a few.
 */
import * as assert from 'node:assert/strict';
import { GATED_IDS } from '../../../src/core/types';
import { allOptionCombinations, checkPartialOptions, generateSnippet, parsePartialOptions, parseSnippetOptions, SnippetOptionsError, type SnippetOptions, TARGETS, targetInfo } from '../../../src/snippets';
import { filterEntries, optionSteps, totalSteps, variantEntries } from '../../../src/snippets/pickPlan';
import { describeGoldenFiles } from './golden';

const headerLines = (code: string): string[] => code.split('\n\n')[0]?.split('\n') ?? [];

describe('snippets: gated units', () => {
  it('every target offers every gated unit, forward and with both partials', () => {
    const gatedCombos = allOptionCombinations().filter((o) => (GATED_IDS as readonly string[]).includes(o.variant));
    for (const t of TARGETS) {
      for (const id of GATED_IDS) {
        assert.ok(gatedCombos.some((o) => o.target === t.id && o.variant === id && o.withDerivative === true), `${t.id} ${id}`);
        const s = generateSnippet({ variant: id, target: t.id, withDerivative: true });
        const { forward, derivative } = s.options.names;
        const partials = t.naming === 'snake' ? [`${derivative}_g`, `${derivative}_u`] : [`${derivative}G`, `${derivative}U`];
        for (const name of [forward, ...partials]) assert.match(s.plainCode, new RegExp(`\\b${name}\\b`), `${t.id} ${id}: ${name}`);
      }
    }
  });

  it('the gated body calls the one-variable activation by name instead of a second erf or sigmoid', () => {
    const c = generateSnippet({ variant: 'swiglu', target: 'c', withDerivative: true }).plainCode;
    assert.match(c, /double swiglu\(double g, double u\)\n\{\n {4}return silu\(g\) \* u;\n\}/);
    assert.match(c, /double swiglu_grad_g\(double g, double u\)\n\{\n {4}return silu_grad\(g\) \* u;\n\}/);
    assert.match(c, /double swiglu_grad_u\(double g, double u\)\n\{\n {4}return silu\(g\);\n\}/);
    assert.equal((c.match(/exp\(/g) ?? []).length, 2, 'one exp in silu, one in silu_grad');
    const geglu = generateSnippet({ variant: 'geglu', target: 'python', params: { tanh: 1 } }).plainCode;
    assert.match(geglu, /def gelu_tanh\(x: float\)/);
    assert.match(geglu, /return gelu_tanh\(g\) \* u/);
  });

  it('gpt-oss: min(g, limit), clamp(u, ±limit) and the +1, at the parameters given', () => {
    const py = generateSnippet({ variant: 'swiglu_oai', target: 'numpy', withDerivative: true, params: { alpha: 1.5, limit: 5 } }).plainCode;
    assert.match(py, /gc = np\.minimum\(g, 5\.0\)/);
    assert.match(py, /uc = np\.clip\(u, -5\.0, 5\.0\)/);
    assert.match(py, /ub = uc \+ 1\.0/);
    assert.match(py, /return np\.where\(g > 5\.0, 0\.0, d\)/, 'g = limit passes the gradient (inclusive, as torch.clamp)');
    assert.match(py, /1\.5/);
    assert.throws(() => generateSnippet({ variant: 'swiglu_oai', target: 'c', params: { limit: 100 } }), (e: unknown) => e instanceof SnippetOptionsError && /limit/.test(e.message) && /20/.test(e.message));
  });

  it('keeps the header to 4 lines and says which input is the gate, in every combination', () => {
    for (const o of allOptionCombinations().filter((x) => (GATED_IDS as readonly string[]).includes(x.variant))) {
      const lines = headerLines(generateSnippet(o).plainCode);
      assert.ok(lines.length <= 4, `${JSON.stringify(o)}: ${lines.length} header lines`);
      assert.match(lines.join(' '), /g is the gate/, JSON.stringify(o));
    }
    const detailed = headerLines(generateSnippet({ variant: 'glu', target: 'pytorch', fused: true, detailedComments: true }).plainCode).join(' ');
    assert.match(detailed, /SECOND half/);
  });

  it('names the half convention of the fused form in its name and its doc comment', () => {
    const torch = generateSnippet({ variant: 'swiglu', target: 'pytorch', fused: true }).plainCode;
    assert.match(torch, /def swiglu_gate_first_half\(x: torch\.Tensor\) -> torch\.Tensor:\n {4}"""Fused SwiGLU: x \[\.\.\., 2d\] -> \[\.\.\., d\]; gate g = first half/);
    assert.match(generateSnippet({ variant: 'glu', target: 'pytorch', fused: true }).plainCode, /def glu_gate_second_half\(x/);
    assert.match(generateSnippet({ variant: 'swiglu_oai', target: 'cpp', fused: true }).plainCode, /inline void swiglu_oai_gate_even\(const double\* x, double\* y, std::size_t rows, std::size_t d\)/);
    const cuda = generateSnippet({ variant: 'swiglu', target: 'cuda', fused: true, withDerivative: true }).plainCode;
    assert.match(cuda, /#include <cuda_fp16\.h>\n#include <cuda_bf16\.h>/);
    assert.match(cuda, /__global__ void swiglu_gate_first_half_kernel\(const Storage\* __restrict__ x, Storage\* __restrict__ y, size_t rows, size_t d\)/);
    assert.match(cuda, /cudaError_t swiglu_gate_first_half\(const Storage\* x, Storage\* y, size_t rows, size_t d, cudaStream_t stream = 0\)/);
    assert.match(cuda, /__global__ void swiglu_gate_first_half_backward_kernel\(/);
    assert.match(cuda, /computed in float/);
  });

  it('wires both partials into JAX (custom_jvp) and TensorFlow (custom_gradient)', () => {
    const jax = generateSnippet({ variant: 'swiglu', target: 'jax', withDerivative: true }).plainCode;
    assert.match(jax, /@jax\.custom_jvp\ndef swiglu\(g: jax\.Array, u: jax\.Array\)/);
    assert.match(jax, /return swiglu\(g, u\), swiglu_grad_g\(g, u\) \* dg \+ swiglu_grad_u\(g, u\) \* du/);
    const tf = generateSnippet({ variant: 'geglu', target: 'tensorflow', withDerivative: true }).plainCode;
    assert.match(tf, /@tf\.custom_gradient\ndef geglu_with_grad\(g: tf\.Tensor, u: tf\.Tensor\):/);
    assert.match(tf, /return upstream \* geglu_grad_g\(g, u\), upstream \* geglu_grad_u\(g, u\)/);
    assert.doesNotMatch(generateSnippet({ variant: 'swiglu', target: 'jax' }).plainCode, /custom_jvp/);
  });

  it('refuses the fused form where it does not exist, with the targets that have it', () => {
    const refused = (o: SnippetOptions, pattern: RegExp): void => {
      assert.throws(() => generateSnippet(o), (e: unknown) => e instanceof SnippetOptionsError && pattern.test(e.message), JSON.stringify(o));
    };
    refused({ variant: 'swiglu', target: 'rust', fused: true }, /Rust has no fused form; it is offered for PyTorch, C\+\+, CUDA/);
    refused({ variant: 'gelu', target: 'pytorch', fused: true }, /gated units only/);
    refused({ variant: 'swiglu', target: 'c', vectorised: true }, /no separate vectorised form/);
    refused({ variant: 'swiglu', target: 'tensorflow', form: 'module' }, /only PyTorch offers them as a module/);
    assert.equal(typeof parseSnippetOptions({ variant: 'swiglu', target: 'go', fused: true }), 'string');
  });

  it('accepts the gated ids and `fused` as command arguments, and checks them', () => {
    assert.deepEqual(parsePartialOptions({ variant: 'swiglu_oai', fused: true }), { variant: 'swiglu_oai', fused: true });
    assert.deepEqual(parseSnippetOptions({ variant: 'reglu', target: 'cuda', fused: true, precision: 'float' }), { variant: 'reglu', target: 'cuda', fused: true, precision: 'float' });
    assert.match(parsePartialOptions({ fused: 'yes' }) as string, /fused must be true or false/);
    // The variant is still to be picked: the fused form is not refused for want of one.
    assert.equal(checkPartialOptions({ target: 'cuda', fused: true }), undefined);
    assert.match(checkPartialOptions({ target: 'go', fused: true }) ?? '', /Go has no fused form/);
    assert.match(checkPartialOptions({ variant: 'gelu', target: 'cuda', fused: true }) ?? '', /gated units only/);
    assert.match(parsePartialOptions({ variant: 'swigluu' }) as string, /swiglu_oai/);
  });

  it('lists the gated units in their own group after the one-variable functions, and asks for the fused form only where it applies', () => {
    const entries = variantEntries();
    const heading = entries.findIndex((e) => e.id === undefined && /Gated/.test(e.label));
    assert.ok(heading > entries.findIndex((e) => e.label === 'Relatives'));
    assert.deepEqual(entries.slice(heading + 1).map((e) => e.id), [...GATED_IDS]);
    assert.equal(filterEntries(entries, 'swiglu')[0]?.id, 'swiglu');
    assert.equal(filterEntries(entries, 'gpt-oss')[0]?.id, 'swiglu_oai');
    // PyTorch: derivative, fused, form; C++: derivative, fused; Rust: derivative only (no array version for gated units).
    assert.equal(optionSteps({ variant: 'swiglu' }, targetInfo('pytorch')), 3);
    assert.equal(optionSteps({ variant: 'swiglu' }, targetInfo('cpp')), 2);
    assert.equal(optionSteps({ variant: 'swiglu' }, targetInfo('cuda')), 3);
    assert.equal(optionSteps({ variant: 'swiglu' }, targetInfo('rust')), 1);
    assert.equal(optionSteps({ variant: 'gelu' }, targetInfo('rust')), 2);
    assert.equal(totalSteps({ variant: 'swiglu', target: 'cpp' }, targetInfo('cpp')), 2);
  });
});

// ---------------------------------------------------------------------------------------------

/** Gated combinations pinned by golden files (UPDATE_GOLDEN=1 rewrites them). */
const GOLDEN: readonly SnippetOptions[] = [
  { variant: 'swiglu', target: 'pytorch', withDerivative: true, fused: true, form: 'module' },
  { variant: 'swiglu_oai', target: 'cuda', withDerivative: true, fused: true, precision: 'float' },
  { variant: 'geglu', target: 'cpp', withDerivative: true, fused: true },
  { variant: 'glu', target: 'rust', withDerivative: true },
  { variant: 'swiglu_oai', target: 'fortran', withDerivative: true },
  // Not executable here: pinned instead.
  { variant: 'swiglu', target: 'julia', withDerivative: true },
  { variant: 'geglu', target: 'matlab', withDerivative: true, params: { tanh: 1 } },
  { variant: 'swiglu_oai', target: 'jax', withDerivative: true },
];

describeGoldenFiles('snippets: gated golden files', GOLDEN);
