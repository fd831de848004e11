/**
 * The catalogue of framework calls that compute an activation function, as data: which API
 * computes which registry variant by default, how its arguments (`approximate`, slopes) select
 * another variant or parameter, and where that is documented. Shared by the hovers (which
 * explain a call in code) and the snippet generator (which writes a correct call).
 *
 * Defaults were checked against the frameworks' documentation (docs pages named by `docUrl`;
 * the `source` field says what was read where it is not that page):
 * - PyTorch `gelu`/`GELU`: `approximate='none'` (torch.nn.GELU page); `leaky_relu` 0.01.
 * - TensorFlow `tf.nn.gelu(features, approximate=False)`; `tf.nn.leaky_relu(features, alpha=0.2)`;
 *   `tf.nn.silu(features, beta=1.0)` (alias `tf.nn.swish`).
 * - Keras 3: `keras.activations.gelu(x, approximate=False)` but `keras.ops.gelu(x, approximate=True)`;
 *   `keras.activations.leaky_relu(x, negative_slope=0.2)`, `keras.ops.leaky_relu` 0.2, while the
 *   layer `keras.layers.LeakyReLU(negative_slope=0.3)` (Keras 2: `alpha=0.3`).
 * - JAX `jax.nn.gelu(x, approximate=True)`: the tanh form by default; `jax.nn.leaky_relu` 0.01.
 *   Flax `linen`/`nnx` re-export the jax.nn functions (same defaults).
 * - Hugging Face transformers `ACT2FN`/`ACT2CLS` keys (src/transformers/activations.py).
 * - ONNX `Gelu` (opset 20, attribute `approximate`, default "none"); `LeakyRelu` alpha 0.01.
 * - onnxruntime contrib ops (com.microsoft): `FastGelu` (tanh form, optional bias), `Gelu` and
 *   `BiasGelu` (erf form), `QuickGelu` (x·σ(alpha·x), alpha 1.702).
 * - ggml: `ggml_gelu` is the tanh form and, on the CPU backend, reads a float16 table
 *   (`GGML_GELU_FP16` is defined in ggml-cpu); `ggml_gelu_quick` is x·σ(1.702x) (also an f16
 *   table); `ggml_gelu_erf` is the erf form.
 *
 * Pure data and pure functions: no `vscode`, no text scanning (src/text/resolver.ts finds these
 * calls in code).
 */
import { activations } from '../core/activations';
import { checkParams } from '../core/params';
import type { FunctionId, GatedId, Params } from '../core/types';
import { formatSignificant } from '../text/format';

/**
 * A gated unit as the catalogue names it: a registry gated id, or one of them with another gate
 * activation (`geglu_tanh`: GEGLU with the tanh GELU, vLLM `GeluAndMul(approximate='tanh')` and
 * ggml `ggml_geglu`; `geglu_quick`: x·σ(1.702x) as the gate, ggml `ggml_geglu_quick`).
 */
export type GatedVariant = GatedId | 'geglu_tanh' | 'geglu_quick';
/** What a catalogue entry computes: a one-variable registry function or a gated unit. */
export type CatalogueVariant = FunctionId | GatedVariant;

/** Each gated variant: the registry unit and the activation applied to its gate. */
export const GATED_VARIANTS: ReadonlyMap<GatedVariant, { readonly unit: GatedId; readonly act: FunctionId }> = new Map<GatedVariant, { readonly unit: GatedId; readonly act: FunctionId }>([
  ['glu', { unit: 'glu', act: 'sigmoid' }],
  ['reglu', { unit: 'reglu', act: 'relu' }],
  ['geglu', { unit: 'geglu', act: 'gelu' }],
  ['geglu_tanh', { unit: 'geglu', act: 'gelu_tanh' }],
  ['geglu_quick', { unit: 'geglu', act: 'gelu_sigmoid' }],
  ['swiglu', { unit: 'swiglu', act: 'silu' }],
  ['swiglu_oai', { unit: 'swiglu_oai', act: 'gelu_sigmoid' }],
]);

export function isGatedVariant(v: string): v is GatedVariant {
  return GATED_VARIANTS.has(v as GatedVariant);
}

/**
 * Where the gate g of y = act(g)·u comes from in the framework's input:
 * - `first-half`: one tensor [..., 2d], g = x[..., :d], u = x[..., d:] (vLLM *AndMul, ggml);
 * - `second-half`: g = x[..., d:], u = x[..., :d] (vLLM MulAndSilu; PyTorch/Keras/JAX glu, whose
 *   sigmoid is on the second half);
 * - `interleaved`: g = x[..., 0::2], u = x[..., 1::2] (gpt-oss, vLLM SwigluOAIAndMul);
 * - `first-argument`: two tensors, the first is the gate (ONNX SwiGLU A, ggml_swiglu_oai a).
 */
export type GateLayout = 'first-half' | 'second-half' | 'interleaved' | 'first-argument';

export const GATE_LAYOUT_TEXT: Readonly<Record<GateLayout, string>> = {
  'first-half': 'the gate is the FIRST half of the last axis (g = x[..., :d], u = x[..., d:])',
  'second-half': 'the gate is the SECOND half of the last axis (g = x[..., d:], u = x[..., :d])',
  interleaved: 'gate and up are INTERLEAVED on the last axis: even = gate (g = x[..., 0::2]), odd = up (u = x[..., 1::2])',
  'first-argument': 'the gate is the FIRST tensor argument, the up (linear) input the second',
};

export type Framework = 'PyTorch' | 'TensorFlow' | 'Keras' | 'JAX' | 'Flax' | 'Hugging Face' | 'vLLM' | 'ONNX' | 'onnxruntime' | 'ggml';

/** How a call is spelled in code, which decides how the resolver finds it. */
export type EntryKind =
  /** A (possibly qualified) function called or passed by name: `F.gelu(x)`, `jax.nn.gelu`. */
  | 'function'
  /** A class instantiated: `nn.GELU(approximate="tanh")`. */
  | 'module'
  /** A Hugging Face activation key in a string: `ACT2FN["gelu_new"]`, `hidden_act="gelu"`. */
  | 'hf-key'
  /** A Keras activation name in a string: `Dense(64, activation="gelu")`. */
  | 'keras-key'
  /** An ONNX / onnxruntime operator type in a string (`make_node("Gelu", …)`) or `op.Gelu(…)`. */
  | 'operator'
  /** A C function: `ggml_gelu(ctx, x)`. */
  | 'c-function';

/**
 * The registry parameters a call's own arguments amount to (`how`: the derivation shown to the
 * user), or why no values can be shown for them.
 */
export type ParamConversion = { readonly ok: true; readonly params: Params; readonly how?: string } | { readonly ok: false; readonly refused: string };

/** An argument that selects the variant, like `approximate`. */
export interface VariantArg {
  /** The parameter name, e.g. `approximate`. */
  readonly name: string;
  /** Its index among the call's positional arguments (the input counts), if it can be positional. */
  readonly position?: number;
  /** The default as the documentation writes it: `'none'`, `True`, `False`. */
  readonly default: string;
  /** Normalised literal (quotes removed, lower case) → variant: `tanh` → `gelu_tanh`, `true` → `gelu_tanh`. */
  readonly values: Readonly<Record<string, CatalogueVariant>>;
  /** How to write the argument to get each variant it offers: `approximate='tanh'`. */
  readonly spelling: Readonly<Partial<Record<CatalogueVariant, string>>>;
}

/** An argument that sets a registry parameter, like `negative_slope` → `slope`. */
export interface ParamArg {
  readonly name: string;
  /** Other names the same argument has had (Keras 2 `alpha` for Keras 3 `negative_slope`). */
  readonly aliases?: readonly string[];
  readonly position?: number;
  /**
   * The registry parameter key it sets (`ParamSpec.key`: `slope`, `alpha`, `beta`, `k`); for an
   * entry with `convert`, the name `convert` reads it under (the framework's own parameter).
   */
  readonly key: string;
  /** The framework's default for it. */
  readonly default: number;
}

export interface FrameworkEntry {
  /** Unique id, usually the qualified name (`torch.nn.functional.gelu`, `hf:gelu_new`). */
  readonly id: string;
  readonly framework: Framework;
  readonly kind: EntryKind;
  /** The name as documented, e.g. `torch.nn.functional.gelu`, `ACT2FN["gelu_new"]`. */
  readonly qualifiedName: string;
  /**
   * Spellings matched in code. For `function`/`module`/`c-function`/`operator`: dotted names,
   * qualified and short (`torch.nn.functional.gelu`, `F.gelu`); a written name matches when it
   * equals one of them or ends with `.` + one of them. For string kinds: the key itself.
   */
  readonly names: readonly string[];
  /** The variant computed when no argument says otherwise. */
  readonly defaultVariant: CatalogueVariant;
  /** For gated units: where the gate comes from. */
  readonly gate?: GateLayout;
  readonly variantArg?: VariantArg;
  readonly paramArgs?: readonly ParamArg[];
  /** Registry parameters the framework fixes at another value than GELU Lab's default (HF `linear`: slope 1). */
  readonly fixedParams?: Params;
  /**
   * Where the framework's arguments are not the registry's parameters (ONNX HardSigmoid α, β;
   * ggml_xielu's raw softplus-inverse values): turns the literal arguments read from a call
   * (own properties, keyed by `ParamArg.key`; absent when not written or not a literal) into
   * registry parameters, or refuses them with a sentence that says why and gives the range.
   */
  readonly convert?: (read: Params) => ParamConversion;
  /**
   * Where the computation differs from the registry's formula for the variant (clipping,
   * rounded constants, lookup tables, extra inputs); shown verbatim in the hover.
   */
  readonly note?: string;
  readonly docUrl: string;
  /** Where the default was verified, when not on `docUrl`. */
  readonly source?: string;
}

// ---------------------------------------------------------------------------------------------
// Building blocks.

const TORCH_APPROXIMATE = (position: number | undefined): VariantArg => ({
  name: 'approximate',
  position,
  default: "'none'",
  values: { none: 'gelu', tanh: 'gelu_tanh' },
  spelling: { gelu: "approximate='none'", gelu_tanh: "approximate='tanh'" },
});

const BOOL_APPROXIMATE = (position: number | undefined, defaultTanh: boolean): VariantArg => ({
  name: 'approximate',
  ...(position === undefined ? {} : { position }),
  default: defaultTanh ? 'True' : 'False',
  values: { true: 'gelu_tanh', false: 'gelu', '1': 'gelu_tanh', '0': 'gelu' },
  spelling: { gelu: 'approximate=False', gelu_tanh: 'approximate=True' },
});

const ONNX_APPROXIMATE: VariantArg = {
  name: 'approximate',
  default: '"none"',
  values: { none: 'gelu', tanh: 'gelu_tanh' },
  spelling: { gelu: 'approximate="none"', gelu_tanh: 'approximate="tanh"' },
};

const slope = (name: string, position: number | undefined, value: number, aliases?: readonly string[]): ParamArg => ({
  name,
  ...(aliases === undefined ? {} : { aliases }),
  ...(position === undefined ? {} : { position }),
  key: 'slope',
  default: value,
});
const alpha = (position: number | undefined): ParamArg => ({ name: 'alpha', ...(position === undefined ? {} : { position }), key: 'alpha', default: 1 });

const TORCH_DOC = 'https://pytorch.org/docs/stable/generated/';
const TF_DOC = 'https://www.tensorflow.org/api_docs/python/tf/';
const KERAS_ACT_DOC = 'https://keras.io/api/layers/activations/';
const KERAS_OPS_DOC = 'https://keras.io/api/ops/nn/';
const JAX_DOC = 'https://docs.jax.dev/en/latest/_autosummary/';
const FLAX_LINEN_DOC = 'https://flax.readthedocs.io/en/latest/api_reference/flax.linen/activation_functions.html';
const FLAX_NNX_DOC = 'https://flax.readthedocs.io/en/latest/api_reference/flax.nnx/nn/activations.html';
const HF_DOC = 'https://github.com/huggingface/transformers/blob/main/src/transformers/activations.py';
const ONNX_DOC = 'https://onnx.ai/onnx/operators/';
const ORT_DOC = 'https://github.com/microsoft/onnxruntime/blob/main/docs/ContribOperators.md#com.microsoft.';
const GGML_DOC = 'https://github.com/ggml-org/ggml/blob/master/include/ggml.h';

type Extras = Partial<Pick<FrameworkEntry, 'variantArg' | 'paramArgs' | 'fixedParams' | 'convert' | 'note' | 'source' | 'id' | 'gate'>>;

function entry(framework: Framework, kind: EntryKind, qualifiedName: string, names: readonly string[], variant: CatalogueVariant, docUrl: string, extras: Extras = {}): FrameworkEntry {
  return { id: extras.id ?? qualifiedName, framework, kind, qualifiedName, names, defaultVariant: variant, docUrl, ...extras };
}

/** PyTorch functional: `torch.nn.functional.X`, `nn.functional.X`, `F.X` (+ `torch.X` where it exists). */
function torchF(name: string, variant: CatalogueVariant, extras: Extras = {}, alsoTorch = false): FrameworkEntry {
  const q = `torch.nn.functional.${name}`;
  const names = [q, `nn.functional.${name}`, `functional.${name}`, `F.${name}`, ...(alsoTorch ? [`torch.${name}`] : [])];
  return entry('PyTorch', 'function', q, names, variant, `${TORCH_DOC}${q}.html`, extras);
}
function torchModule(name: string, variant: CatalogueVariant, extras: Extras = {}): FrameworkEntry {
  const q = `torch.nn.${name}`;
  return entry('PyTorch', 'module', q, [q, `nn.${name}`], variant, `${TORCH_DOC}${q}.html`, extras);
}
function tfNn(names: readonly string[], variant: CatalogueVariant, extras: Extras = {}): FrameworkEntry {
  const q = names[0] as string;
  return entry('TensorFlow', 'function', q, names, variant, `${TF_DOC}${q.slice(3).replace(/\./g, '/')}`, extras);
}
function kerasAct(name: string, variant: CatalogueVariant, extras: Extras = {}, aliasOf?: string): FrameworkEntry {
  const q = `keras.activations.${name}`;
  return entry('Keras', 'function', q, [q, `tf.keras.activations.${name}`, `activations.${name}`], variant, `${KERAS_ACT_DOC}#${aliasOf ?? name}-function`, extras);
}
function kerasOp(name: string, variant: CatalogueVariant, extras: Extras = {}): FrameworkEntry {
  const q = `keras.ops.${name}`;
  return entry('Keras', 'function', q, [q, `keras.ops.nn.${name}`, `tf.keras.ops.${name}`, `ops.${name}`], variant, `${KERAS_OPS_DOC}#${name}-function`, extras);
}
function kerasKey(key: string, variant: CatalogueVariant, extras: Extras = {}): FrameworkEntry {
  return entry('Keras', 'keras-key', `activation="${key}"`, [key], variant, KERAS_ACT_DOC, { id: `keras-key:${key}`, ...extras });
}
function jaxNn(names: readonly string[], variant: CatalogueVariant, extras: Extras = {}): FrameworkEntry {
  const q = `jax.nn.${names[0] as string}`;
  const all = names.flatMap((n) => [`jax.nn.${n}`, `jnn.${n}`]);
  return entry('JAX', 'function', q, all, variant, `${JAX_DOC}${q}.html`, extras);
}
function flax(names: readonly string[], variant: CatalogueVariant, extras: Extras = {}): FrameworkEntry[] {
  const first = names[0] as string;
  return [
    entry('Flax', 'function', `flax.linen.${first}`, names.flatMap((n) => [`flax.linen.${n}`, `linen.${n}`, `nn.${n}`]), variant, FLAX_LINEN_DOC, extras),
    entry('Flax', 'function', `flax.nnx.${first}`, names.flatMap((n) => [`flax.nnx.${n}`, `nnx.${n}`]), variant, FLAX_NNX_DOC, extras),
  ];
}
function hf(key: string, variant: CatalogueVariant, extras: Extras = {}): FrameworkEntry {
  return entry('Hugging Face', 'hf-key', `ACT2FN["${key}"]`, [key], variant, HF_DOC, { id: `hf:${key}`, ...extras });
}
function hfClass(name: string, variant: CatalogueVariant, extras: Extras = {}): FrameworkEntry {
  return entry('Hugging Face', 'module', `transformers.activations.${name}`, [`transformers.activations.${name}`, `activations.${name}`, name], variant, HF_DOC, extras);
}
function onnx(op: string, variant: CatalogueVariant, extras: Extras = {}): FrameworkEntry {
  return entry('ONNX', 'operator', op, [op, `op.${op}`, `opset20.${op}`, `opset18.${op}`], variant, `${ONNX_DOC}onnx__${op}.html`, { id: `onnx:${op}`, ...extras });
}
function ort(op: string, variant: CatalogueVariant, extras: Extras = {}): FrameworkEntry {
  return entry('onnxruntime', 'operator', `com.microsoft.${op}`, [op, `com.microsoft.${op}`], variant, `${ORT_DOC}${op}`, { id: `ort:${op}`, ...extras });
}
function ggml(names: readonly string[], variant: CatalogueVariant, extras: Extras = {}): FrameworkEntry {
  return entry('ggml', 'c-function', names[0] as string, names, variant, GGML_DOC, extras);
}

const num = (name: string, position: number | undefined, key: string, value: number, aliases?: readonly string[]): ParamArg => ({
  name,
  ...(aliases === undefined ? {} : { aliases }),
  ...(position === undefined ? {} : { position }),
  key,
  default: value,
});
const VLLM_DOC = 'https://github.com/vllm-project/vllm/blob/main/vllm/model_executor/layers/activation.py';
function vllm(name: string, variant: CatalogueVariant, extras: Extras = {}): FrameworkEntry {
  const q = `vllm.model_executor.layers.activation.${name}`;
  return entry('vLLM', 'module', q, [q, `activation.${name}`, name], variant, VLLM_DOC, { id: `vllm:${name}`, ...extras });
}
const GGML_GLU_NOTE = 'One tensor [2d, …]: the gate is the first half of each row (ggml_*_swapped gates the second half; ggml_*_split takes gate and up as two tensors).';
const HARD_SIGMOID_3 = 'relu6(x + 3)/6: half-width h = 3.';
const PRELU_NOTE = 'PReLU learns its slope; the value shown is the initial one.';

const TORCH_SOFTPLUS_NOTE = 'PyTorch softplus takes beta = 1 and threshold = 20: for β·x > 20 it returns x itself (the difference from log(1 + eˣ) is below 2.1e-9 there); other beta values are not modelled.';
const GGML_F16_TABLE = 'On the CPU backend the f32 op rounds x to float16 and reads a float16 table of the function (GGML_GELU_FP16), so results carry float16 rounding (about 3 significant digits).';

const ownValue = (read: Params, key: string): number | undefined => (Object.prototype.hasOwnProperty.call(read, key) ? read[key] : undefined);
const show = (x: number): string => formatSignificant(x, 7);

/**
 * ONNX `HardSigmoid(alpha, beta)` = max(0, min(1, alpha·x + beta)) as the registry's hard sigmoid
 * clamp((x + h)/(2h), 0, 1): only beta = 0.5 with alpha > 0 has that form (h = 1/(2·alpha));
 * any other pair is refused rather than shown as some other h. Defaults 0.2, 0.5 (h = 2.5).
 */
export function hardSigmoidFromOnnx(alpha: number, beta: number): ParamConversion {
  const given = `alpha = ${show(alpha)}, beta = ${show(beta)}`;
  if (!(beta === 0.5 && alpha > 0 && Number.isFinite(alpha))) {
    return { ok: false, refused: `HardSigmoid with ${given} is not of the form alpha = 1/(2h), beta = 0.5 that GELU Lab's hard sigmoid clamp((x + h)/(2h), 0, 1) has: no values are shown for it.` };
  }
  const h = 1 / (2 * alpha);
  const problems = checkParams('hard_sigmoid', { h });
  if (problems.length > 0) {
    const spec = activations.hard_sigmoid.params[0];
    const range = spec === undefined ? '' : ` That is alpha between ${show(1 / (2 * spec.max))} and ${show(1 / (2 * spec.min))}.`;
    return { ok: false, refused: `HardSigmoid with ${given} is h = 1/(2·alpha) = ${show(h)}: ${problems.join(' ')}${range}` };
  }
  return { ok: true, params: { h }, how: `HardSigmoid ${given}: h = 1/(2·alpha) = ${show(h)}` };
}

/** ggml_compute_softplus_f32 (ggml-impl.h): x above 20 is returned as is, else logf(1 + expf(x)), each step in float32. */
function ggmlSoftplusF32(x: number): number {
  const xf = Math.fround(x);
  return xf > 20 ? xf : Math.fround(Math.log(Math.fround(1 + Math.fround(Math.exp(xf)))));
}

/**
 * `ggml_xielu(ctx, a, alpha_n, alpha_p, beta, eps)` takes raw values and stores float32 op
 * parameters (ggml.c): αₙ = beta + softplus(alpha_n), αₚ = softplus(alpha_p), β = beta, ε = eps.
 * A value not written as a literal keeps transformers' effective default. A softplus that
 * underflows in float32 (alpha_n below about −17) leaves αₙ = β, which checkParams refuses.
 */
export function xieluFromGgml(read: Params): ParamConversion {
  const rawN = ownValue(read, 'alpha_n');
  const rawP = ownValue(read, 'alpha_p');
  const rawBeta = ownValue(read, 'beta');
  const rawEps = ownValue(read, 'eps');
  if (rawN === undefined && rawP === undefined && rawBeta === undefined && rawEps === undefined) return { ok: true, params: {} };
  const beta = rawBeta === undefined ? 0.5 : Math.fround(rawBeta);
  const params: Record<string, number> = { beta, eps: rawEps === undefined ? -1e-6 : Math.fround(rawEps) };
  const how: string[] = [];
  if (rawP !== undefined) {
    params['alphaP'] = ggmlSoftplusF32(rawP);
    how.push(`αₚ = softplus(${show(rawP)}) = ${show(params['alphaP'] as number)}`);
  }
  if (rawN !== undefined) {
    params['alphaN'] = Math.fround(beta + ggmlSoftplusF32(rawN));
    how.push(`αₙ = β + softplus(${show(rawN)}) = ${show(params['alphaN'] as number)}`);
  }
  const problems = checkParams('xielu', params);
  if (problems.length > 0) return { ok: false, refused: `ggml_xielu's arguments give ${how.length > 0 ? `${how.join(', ')}, ` : ''}β = ${show(beta)}: ${problems.join(' ')}` };
  const text = how.length > 0 ? `ggml_xielu applies softplus to the raw arguments (in float32): ${how.join(', ')}` : undefined;
  return text === undefined ? { ok: true, params } : { ok: true, params, how: text };
}

// ---------------------------------------------------------------------------------------------
// The catalogue.

/** Every framework call known to GELU Lab, in display order. */
export const FRAMEWORK_CATALOGUE: readonly FrameworkEntry[] = [
  // PyTorch
  // `approximate` is keyword-only in F.gelu (`gelu(Tensor self, *, str approximate='none')`).
  torchF('gelu', 'gelu', { variantArg: TORCH_APPROXIMATE(undefined), source: 'PyTorch docs, torch.nn.GELU: approximate (str) … Default: \'none\'' }),
  torchModule('GELU', 'gelu', { variantArg: TORCH_APPROXIMATE(0) }),
  torchF('silu', 'silu'),
  torchModule('SiLU', 'silu'),
  torchF('mish', 'mish'),
  torchModule('Mish', 'mish'),
  torchF('elu', 'elu', { paramArgs: [alpha(1)] }),
  torchModule('ELU', 'elu', { paramArgs: [alpha(0)] }),
  torchF('selu', 'selu', {}, true),
  torchModule('SELU', 'selu'),
  torchF('softplus', 'softplus', { note: TORCH_SOFTPLUS_NOTE }),
  torchModule('Softplus', 'softplus', { note: TORCH_SOFTPLUS_NOTE }),
  torchF('relu', 'relu', {}, true),
  torchModule('ReLU', 'relu'),
  torchF('relu6', 'relu6'),
  torchModule('ReLU6', 'relu6'),
  torchF('leaky_relu', 'leaky_relu', { paramArgs: [slope('negative_slope', 1, 0.01)] }),
  torchModule('LeakyReLU', 'leaky_relu', { paramArgs: [slope('negative_slope', 0, 0.01)] }),
  torchF('hardswish', 'hardswish'),
  torchModule('Hardswish', 'hardswish'),
  torchF('sigmoid', 'sigmoid', {}, true),
  torchModule('Sigmoid', 'sigmoid'),
  torchF('tanh', 'tanh', {}, true),
  torchModule('Tanh', 'tanh'),

  // TensorFlow
  tfNn(['tf.nn.gelu'], 'gelu', { variantArg: BOOL_APPROXIMATE(1, false) }),
  tfNn(['tf.nn.silu', 'tf.nn.swish'], 'silu', { paramArgs: [{ name: 'beta', position: 1, key: 'beta', default: 1 }] }),
  tfNn(['tf.nn.elu'], 'elu'),
  tfNn(['tf.nn.selu'], 'selu'),
  tfNn(['tf.nn.softplus', 'tf.math.softplus'], 'softplus'),
  tfNn(['tf.nn.relu'], 'relu'),
  tfNn(['tf.nn.relu6'], 'relu6'),
  tfNn(['tf.nn.leaky_relu'], 'leaky_relu', { paramArgs: [slope('alpha', 1, 0.2)] }),
  tfNn(['tf.math.sigmoid', 'tf.nn.sigmoid', 'tf.sigmoid'], 'sigmoid'),
  tfNn(['tf.math.tanh', 'tf.nn.tanh', 'tf.tanh'], 'tanh'),

  // Keras (3; the tf.keras spellings name the same functions)
  kerasAct('gelu', 'gelu', { variantArg: BOOL_APPROXIMATE(1, false) }),
  kerasOp('gelu', 'gelu_tanh', { variantArg: BOOL_APPROXIMATE(1, true), note: 'keras.ops.gelu defaults to approximate=True (the tanh form), unlike keras.activations.gelu.' }),
  kerasAct('silu', 'silu'),
  kerasAct('swish', 'silu', {}, 'silu'),
  kerasOp('silu', 'silu'),
  kerasAct('mish', 'mish'),
  kerasAct('elu', 'elu', { paramArgs: [alpha(1)] }),
  kerasAct('selu', 'selu'),
  kerasAct('softplus', 'softplus'),
  kerasAct('relu', 'relu'),
  kerasAct('relu6', 'relu6'),
  kerasAct('leaky_relu', 'leaky_relu', { paramArgs: [slope('negative_slope', 1, 0.2)] }),
  kerasOp('leaky_relu', 'leaky_relu', { paramArgs: [slope('negative_slope', 1, 0.2)] }),
  kerasAct('hard_silu', 'hardswish'),
  kerasAct('hard_swish', 'hardswish', {}, 'hard_silu'),
  kerasOp('hard_silu', 'hardswish'),
  kerasAct('sigmoid', 'sigmoid'),
  kerasAct('tanh', 'tanh'),
  entry('Keras', 'module', 'keras.layers.LeakyReLU', ['keras.layers.LeakyReLU', 'tf.keras.layers.LeakyReLU', 'layers.LeakyReLU'], 'leaky_relu', 'https://keras.io/api/layers/activation_layers/leaky_relu/', {
    paramArgs: [slope('negative_slope', 0, 0.3, ['alpha'])],
    note: 'The layer defaults to 0.3, the functions keras.activations.leaky_relu and keras.ops.leaky_relu to 0.2.',
  }),
  entry('Keras', 'module', 'keras.layers.ELU', ['keras.layers.ELU', 'tf.keras.layers.ELU', 'layers.ELU'], 'elu', 'https://keras.io/api/layers/activation_layers/elu/', { paramArgs: [alpha(0)] }),
  entry('Keras', 'module', 'keras.layers.ReLU', ['keras.layers.ReLU', 'tf.keras.layers.ReLU', 'layers.ReLU'], 'relu', 'https://keras.io/api/layers/activation_layers/relu/'),
  kerasKey('gelu', 'gelu', { note: 'The string names keras.activations.gelu (approximate=False). PyTorch Transformer layers read activation="gelu" as F.gelu, also exact.' }),
  kerasKey('silu', 'silu'),
  kerasKey('swish', 'silu'),
  kerasKey('mish', 'mish'),
  kerasKey('elu', 'elu'),
  kerasKey('selu', 'selu'),
  kerasKey('softplus', 'softplus'),
  kerasKey('relu', 'relu'),
  kerasKey('relu6', 'relu6'),
  kerasKey('leaky_relu', 'leaky_relu', { paramArgs: [slope('negative_slope', undefined, 0.2)], note: 'The string names keras.activations.leaky_relu: negative slope 0.2.' }),
  kerasKey('hard_silu', 'hardswish'),
  kerasKey('hard_swish', 'hardswish'),
  kerasKey('sigmoid', 'sigmoid'),
  kerasKey('tanh', 'tanh'),

  // JAX and Flax
  jaxNn(['gelu'], 'gelu_tanh', { variantArg: BOOL_APPROXIMATE(1, true), note: 'jax.nn.gelu defaults to approximate=True: the tanh form, not exact GELU.' }),
  jaxNn(['silu', 'swish'], 'silu'),
  jaxNn(['elu'], 'elu', { paramArgs: [alpha(1)] }),
  jaxNn(['selu'], 'selu'),
  jaxNn(['softplus'], 'softplus'),
  jaxNn(['relu'], 'relu'),
  jaxNn(['relu6'], 'relu6'),
  jaxNn(['leaky_relu'], 'leaky_relu', { paramArgs: [slope('negative_slope', 1, 0.01)] }),
  jaxNn(['hard_swish', 'hard_silu'], 'hardswish'),
  jaxNn(['sigmoid'], 'sigmoid'),
  ...flax(['gelu'], 'gelu_tanh', { variantArg: BOOL_APPROXIMATE(1, true), note: 'Flax re-exports jax.nn.gelu: approximate=True (the tanh form) by default.' }),
  ...flax(['silu', 'swish'], 'silu'),
  ...flax(['elu'], 'elu', { paramArgs: [alpha(1)] }),
  ...flax(['selu'], 'selu'),
  ...flax(['softplus'], 'softplus'),
  ...flax(['relu'], 'relu'),
  ...flax(['relu6'], 'relu6'),
  ...flax(['leaky_relu'], 'leaky_relu', { paramArgs: [slope('negative_slope', 1, 0.01)] }),
  ...flax(['hard_swish', 'hard_silu'], 'hardswish'),

  // Hugging Face transformers
  hf('gelu', 'gelu', { note: 'GELUActivation: torch.nn.functional.gelu (exact).' }),
  hf('gelu_python', 'gelu', { note: 'GELUActivation(use_gelu_python=True): x·½·(1 + erf(x/√2)) written in Python.' }),
  hf('gelu_10', 'gelu', { note: 'ClippedGELUActivation(-10, 10): exact GELU clipped to [−10, 10], so it equals GELU for x ≤ 10 and 10 beyond.' }),
  hf('gelu_new', 'gelu_tanh', { note: 'NewGELUActivation: the tanh form (Google BERT, OpenAI GPT).' }),
  hf('gelu_pytorch_tanh', 'gelu_tanh', { note: 'torch.nn.functional.gelu(approximate="tanh").' }),
  hf('gelu_python_tanh', 'gelu_tanh', { note: 'The tanh form written in Python.' }),
  hf('gelu_fast', 'gelu_tanh', { note: 'FastGELUActivation: the tanh form written as tanh(0.7978845608·x·(1 + 0.044715·x²)), √(2/π) rounded to 10 digits (relative change 2e-11).' }),
  hf('gelu_accurate', 'gelu_tanh', { note: 'AccurateGELUActivation: the tanh form with √(2/π) precomputed.' }),
  hf('quick_gelu', 'gelu_sigmoid', { note: 'QuickGELUActivation: x·σ(1.702·x).' }),
  hf('silu', 'silu'),
  hf('swish', 'silu'),
  hf('mish', 'mish'),
  hf('relu', 'relu'),
  hf('relu6', 'relu6'),
  hf('leaky_relu', 'leaky_relu', { paramArgs: [slope('negative_slope', undefined, 0.01)], note: 'torch.nn.LeakyReLU(): negative slope 0.01.' }),
  hf('sigmoid', 'sigmoid'),
  hf('tanh', 'tanh'),
  hfClass('NewGELUActivation', 'gelu_tanh'),
  hfClass('GELUActivation', 'gelu'),
  hfClass('FastGELUActivation', 'gelu_tanh', { note: '√(2/π) written as 0.7978845608.' }),
  hfClass('QuickGELUActivation', 'gelu_sigmoid'),
  hfClass('PytorchGELUTanh', 'gelu_tanh'),
  hfClass('GELUTanh', 'gelu_tanh'),
  hfClass('AccurateGELUActivation', 'gelu_tanh'),
  hfClass('ClippedGELUActivation', 'gelu', { note: 'Exact GELU clipped to [min, max] (ACT2FN["gelu_10"] uses −10, 10).' }),

  // ONNX and onnxruntime
  onnx('Gelu', 'gelu', { variantArg: ONNX_APPROXIMATE, note: 'Standard operator since opset 20. onnxruntime also has a contrib com.microsoft Gelu (erf form, no attribute).' }),
  onnx('LeakyRelu', 'leaky_relu', { paramArgs: [slope('alpha', undefined, 0.01)] }),
  onnx('Elu', 'elu', { paramArgs: [alpha(undefined)] }),
  onnx('Selu', 'selu', { note: 'Default attributes are float32 roundings: alpha = 1.67326319217681884765625, gamma = 1.05070102214813232421875.' }),
  onnx('Mish', 'mish'),
  onnx('HardSwish', 'hardswish'),
  ort('FastGelu', 'gelu_tanh', { note: 'Contrib operator: the tanh form of (X + bias), bias optional.' }),
  ort('BiasGelu', 'gelu', { note: 'Contrib operator: exact (erf) GELU of (A + B), B a bias broadcast along the last axis.' }),
  ort('QuickGelu', 'gelu_sigmoid', { paramArgs: [{ name: 'alpha', key: 'k', default: 1.702 }], note: 'Contrib operator: x·σ(alpha·x).' }),

  // ggml / llama.cpp
  ggml(['ggml_gelu', 'ggml_gelu_inplace'], 'gelu_tanh', { note: GGML_F16_TABLE }),
  ggml(['ggml_gelu_quick', 'ggml_gelu_quick_inplace'], 'gelu_sigmoid', { note: 'x·σ(1.702·x). ' + GGML_F16_TABLE }),
  ggml(['ggml_gelu_erf', 'ggml_gelu_erf_inplace'], 'gelu', { note: 'The erf form, computed in float32.' }),
  ggml(['ggml_silu', 'ggml_silu_inplace'], 'silu'),
  ggml(['ggml_elu', 'ggml_elu_inplace'], 'elu'),
  ggml(['ggml_relu', 'ggml_relu_inplace'], 'relu'),
  ggml(['ggml_leaky_relu'], 'leaky_relu', { paramArgs: [slope('negative_slope', 2, 0.01)], note: 'ggml_leaky_relu(ctx, a, negative_slope, inplace): the slope is a required argument.' }),
  ggml(['ggml_hardswish'], 'hardswish'),
  ggml(['ggml_sigmoid', 'ggml_sigmoid_inplace'], 'sigmoid'),
  ggml(['ggml_tanh', 'ggml_tanh_inplace'], 'tanh'),

  // Issue 12: PyTorch (defaults from torch/nn/modules/activation.py and torch/nn/functional.py)
  torchF('celu', 'celu', { paramArgs: [alpha(1)] }),
  torchModule('CELU', 'celu', { paramArgs: [alpha(0)] }),
  torchF('softsign', 'softsign'),
  torchModule('Softsign', 'softsign'),
  torchF('hardtanh', 'hardtanh', { paramArgs: [num('min_val', 1, 'min', -1), num('max_val', 2, 'max', 1)] }),
  torchModule('Hardtanh', 'hardtanh', { paramArgs: [num('min_val', 0, 'min', -1), num('max_val', 1, 'max', 1)] }),
  torchF('hardsigmoid', 'hard_sigmoid', { note: HARD_SIGMOID_3 }),
  torchModule('Hardsigmoid', 'hard_sigmoid', { note: HARD_SIGMOID_3 }),
  torchF('logsigmoid', 'log_sigmoid'),
  torchModule('LogSigmoid', 'log_sigmoid'),
  torchF('tanhshrink', 'tanhshrink'),
  torchModule('Tanhshrink', 'tanhshrink'),
  torchF('softshrink', 'softshrink', { paramArgs: [num('lambd', 1, 'lambda', 0.5)] }),
  torchModule('Softshrink', 'softshrink', { paramArgs: [num('lambd', 0, 'lambda', 0.5)] }),
  torchF('hardshrink', 'hardshrink', { paramArgs: [num('lambd', 1, 'lambda', 0.5)] }),
  torchModule('Hardshrink', 'hardshrink', { paramArgs: [num('lambd', 0, 'lambda', 0.5)] }),
  torchModule('PReLU', 'leaky_relu', { paramArgs: [slope('init', 1, 0.25)], note: `${PRELU_NOTE} PyTorch: init = 0.25 (Keras PReLU starts at 0).` }),
  torchF('prelu', 'leaky_relu', { paramArgs: [slope('weight', 1, 0.25)], note: 'F.prelu(input, weight): the slope is a tensor argument; a literal number is read, otherwise nn.PReLU\'s initial 0.25 is shown.' }),
  torchF('glu', 'glu', { gate: 'second-half', note: 'F.glu(input, dim=-1) = a·σ(b) with a, b the halves of dim: the sigmoid is on the SECOND half.' }),
  torchModule('GLU', 'glu', { gate: 'second-half', note: 'nn.GLU(dim=-1) = a·σ(b): the sigmoid is on the SECOND half.' }),

  // Keras 3 (keras/src/activations/activations.py)
  kerasAct('celu', 'celu', { paramArgs: [alpha(1)] }),
  kerasAct('softsign', 'softsign'),
  kerasAct('hard_sigmoid', 'hard_sigmoid', { note: `Keras 3: ${HARD_SIGMOID_3} Keras 2 used clip(0.2x + 0.5, 0, 1) (h = 2.5).` }),
  kerasAct('log_sigmoid', 'log_sigmoid'),
  kerasAct('soft_shrink', 'softshrink', { paramArgs: [num('threshold', 1, 'lambda', 0.5)] }),
  kerasAct('hard_shrink', 'hardshrink', { paramArgs: [num('threshold', 1, 'lambda', 0.5)] }),
  kerasAct('tanh_shrink', 'tanhshrink'),
  kerasAct('sparse_plus', 'sparse_plus'),
  kerasAct('squareplus', 'squareplus', { paramArgs: [num('b', 1, 'b', 4)] }),
  kerasAct('glu', 'glu', { gate: 'second-half', note: 'keras.activations.glu(x, axis=-1) = a·σ(b): the sigmoid is on the SECOND half.' }),
  kerasKey('celu', 'celu'),
  kerasKey('softsign', 'softsign'),
  kerasKey('hard_sigmoid', 'hard_sigmoid', { note: `Keras 3: ${HARD_SIGMOID_3}` }),
  kerasKey('log_sigmoid', 'log_sigmoid'),
  kerasKey('soft_shrink', 'softshrink'),
  kerasKey('hard_shrink', 'hardshrink'),
  kerasKey('tanh_shrink', 'tanhshrink'),
  kerasKey('sparse_plus', 'sparse_plus'),
  kerasKey('squareplus', 'squareplus'),
  kerasKey('glu', 'glu', { gate: 'second-half' }),

  // JAX (jax/_src/nn/functions.py)
  jaxNn(['celu'], 'celu', { paramArgs: [alpha(1)] }),
  jaxNn(['soft_sign'], 'softsign'),
  jaxNn(['hard_tanh'], 'hardtanh', { note: 'Fixed bounds −1 and 1 (no arguments).' }),
  jaxNn(['hard_sigmoid'], 'hard_sigmoid', { note: HARD_SIGMOID_3 }),
  jaxNn(['log_sigmoid'], 'log_sigmoid'),
  jaxNn(['sparse_plus'], 'sparse_plus'),
  jaxNn(['squareplus'], 'squareplus', { paramArgs: [num('b', 1, 'b', 4)] }),
  jaxNn(['glu'], 'glu', { gate: 'second-half', note: 'jax.nn.glu(x, axis=-1) = a·σ(b): the sigmoid is on the SECOND half.' }),

  // Hugging Face ACT2FN keys (src/transformers/activations.py)
  hf('relu2', 'relu2', { note: 'ReLUSquaredActivation: relu(x)².' }),
  hf('xielu', 'xielu', { note: 'XIELUActivation(alpha_p_init=0.8, alpha_n_init=0.8, beta=0.5, eps=-1e-6); the module stores softplus-inverse raw values, the effective αₚ, αₙ are shown.' }),
  hf('laplace', 'laplace', { note: 'LaplaceActivation: ½(1 + erf((x − μ)/(σ√2))), μ = 0.707107, σ = 0.282095.' }),
  hf('linear', 'leaky_relu', { fixedParams: { slope: 1 }, note: 'LinearActivation: the identity y = x, shown as leaky ReLU with slope 1 (the same function).' }),
  hf('prelu', 'leaky_relu', { paramArgs: [slope('init', undefined, 0.25)], note: `nn.PReLU(): ${PRELU_NOTE}` }),

  // vLLM (vllm/model_executor/layers/activation.py)
  vllm('SiluAndMul', 'swiglu', { gate: 'first-half', note: 'silu(x[..., :d]) · x[..., d:].' }),
  vllm('MulAndSilu', 'swiglu', { gate: 'second-half', note: 'x[..., :d] · silu(x[..., d:]): the SECOND half is activated, unlike SiluAndMul.' }),
  vllm('GeluAndMul', 'geglu', {
    gate: 'first-half',
    variantArg: { name: 'approximate', position: 0, default: '"none"', values: { none: 'geglu', tanh: 'geglu_tanh' }, spelling: { geglu: 'approximate="none"', geglu_tanh: 'approximate="tanh"' } },
    note: 'F.gelu(x[..., :d], approximate) · x[..., d:].',
  }),
  vllm('FatreluAndMul', 'reglu', {
    gate: 'first-half',
    paramArgs: [num('threshold', 0, 'threshold', 0)],
    note: 'FATReLU(x[..., :d]) · x[..., d:], FATReLU(g) = F.threshold(g, threshold, 0) = g where g > threshold, else 0 (MiniCPM-S). Threshold 0 is ReGLU.',
  }),
  vllm('SwigluOAIAndMul', 'swiglu_oai', {
    gate: 'interleaved',
    paramArgs: [num('alpha', 0, 'alpha', 1.702), num('limit', 1, 'limit', 7)],
    note: 'gate = x[..., ::2] clamped above at limit, up = x[..., 1::2] clamped to ±limit; (up + 1)·gate·σ(alpha·gate).',
  }),
  vllm('ReLUSquaredActivation', 'relu2'),
  vllm('XIELU', 'xielu', { note: 'XIELU(alpha_p_init=0.8, alpha_n_init=0.8, beta=0.5, eps=-1e-6); stored as softplus-inverse raw values, computed in bfloat16 by default.' }),
  vllm('QuickGELU', 'gelu_sigmoid'),
  vllm('NewGELU', 'gelu_tanh'),
  vllm('FastGELU', 'gelu_tanh', { note: '√(2/π) written as 0.7978845608.' }),

  // ggml / llama.cpp (ggml/include/ggml.h; CPU kernels in ggml-cpu)
  ggml(['ggml_swiglu'], 'swiglu', { gate: 'first-half', note: GGML_GLU_NOTE }),
  ggml(['ggml_swiglu_swapped'], 'swiglu', { gate: 'second-half' }),
  ggml(['ggml_geglu'], 'geglu_tanh', { gate: 'first-half', note: `The tanh GELU of the gate (|g| < 10; 0 below −10, g above 10). ${GGML_GLU_NOTE} ${GGML_F16_TABLE}` }),
  ggml(['ggml_geglu_erf'], 'geglu', { gate: 'first-half', note: `The erf GELU. ${GGML_GLU_NOTE}` }),
  ggml(['ggml_geglu_quick'], 'geglu_quick', { gate: 'first-half', note: `x·σ(1.702x) as the gate. ${GGML_GLU_NOTE}` }),
  ggml(['ggml_reglu'], 'reglu', { gate: 'first-half', note: GGML_GLU_NOTE }),
  ggml(['ggml_swiglu_oai'], 'swiglu_oai', {
    gate: 'first-argument',
    paramArgs: [num('alpha', 3, 'alpha', 1.702), num('limit', 4, 'limit', 7)],
    note: 'ggml_swiglu_oai(ctx, a, b, alpha, limit): a is the gate (clamped above at limit), b the up input (clamped to ±limit, +1); alpha and limit are required arguments (gpt-oss: 1.702, 7).',
  }),
  ggml(['ggml_xielu'], 'xielu', {
    // The defaults are the raw values of transformers' initial αₙ = 0.8, αₚ = 0.8 (ggml has none: the arguments are required).
    paramArgs: [num('alpha_n', 2, 'alpha_n', Math.log(Math.expm1(0.3))), num('alpha_p', 3, 'alpha_p', Math.log(Math.expm1(0.8))), num('beta', 4, 'beta', 0.5), num('eps', 5, 'eps', -1e-6)],
    convert: xieluFromGgml,
    note: 'ggml_xielu(ctx, a, alpha_n, alpha_p, beta, eps) takes the raw (softplus-inverse) values, as Apertus stores them, and applies softplus itself: αₙ = β + softplus(alpha_n), αₚ = softplus(alpha_p). Arguments that are not literals keep transformers\' effective defaults αₚ = αₙ = 0.8, β = 0.5, ε = −1e−6.',
  }),
  ggml(['ggml_hardsigmoid'], 'hard_sigmoid', { note: HARD_SIGMOID_3 }),

  // ONNX operators (docs/Operators.md)
  onnx('Celu', 'celu', { paramArgs: [alpha(undefined)] }),
  onnx('Softsign', 'softsign'),
  onnx('HardSigmoid', 'hard_sigmoid', {
    paramArgs: [num('alpha', undefined, 'alpha', 0.2), num('beta', undefined, 'beta', 0.5)],
    convert: (read) => hardSigmoidFromOnnx(ownValue(read, 'alpha') ?? 0.2, ownValue(read, 'beta') ?? 0.5),
    note: 'max(0, min(1, alpha·x + beta)), alpha = 0.2, beta = 0.5 by default: half-width h = 1/(2·alpha) = 2.5, unlike PyTorch/Keras 3/JAX (h = 3). Only beta = 0.5 has the registry\'s form.',
  }),
  onnx('Shrink', 'hardshrink', {
    paramArgs: [num('lambd', undefined, 'lambda', 0.5)],
    note: 'x − bias for x > lambd, x + bias for x < −lambd, else 0; bias = 0 (default) is hardshrink, bias = lambd is softshrink. The bias attribute is not read.',
  }),
  onnx('PRelu', 'leaky_relu', { note: 'The slope is a second input tensor (learned); the registry default slope is shown.' }),
  onnx('SwiGLU', 'swiglu', { gate: 'first-argument', paramArgs: [num('alpha', undefined, 'alpha', 1)], note: 'Since opset 28: Y = Swish_alpha(A)·B, A the gate, B the linear input; alpha = 1 is SiLU.' }),
];

// ---------------------------------------------------------------------------------------------
// Queries for the snippet generator and the hovers.

/** The entries that can compute `variant`, by default or through their variant argument. */
export function entriesComputing(variant: FunctionId): FrameworkEntry[] {
  return FRAMEWORK_CATALOGUE.filter((e) => e.defaultVariant === variant || e.variantArg?.spelling[variant] !== undefined);
}

/**
 * How to ask `entry` for `variant`: the argument text (`approximate='tanh'`; empty when the
 * entry has no variant argument) and whether that is the default; `undefined` when the entry
 * cannot compute the variant.
 */
export function argumentFor(entry: FrameworkEntry, variant: FunctionId): { readonly text: string; readonly isDefault: boolean } | undefined {
  const spelled = entry.variantArg?.spelling[variant];
  if (spelled !== undefined) return { text: spelled, isDefault: entry.defaultVariant === variant };
  return entry.defaultVariant === variant ? { text: '', isDefault: true } : undefined;
}

/** The framework's parameter values for `entry` when no argument overrides them. */
export function defaultParams(entry: FrameworkEntry): Params {
  const out: Record<string, number> = { ...(entry.fixedParams ?? {}) };
  if (entry.convert !== undefined) {
    const converted = entry.convert({});
    return converted.ok ? { ...out, ...converted.params } : out;
  }
  for (const p of entry.paramArgs ?? []) out[p.key] = p.default;
  return out;
}


/** A call of a gated unit, in the core's terms. */
export interface GatedCall {
  readonly unit: GatedId;
  /** The activation on the gate and its parameters. */
  readonly act: FunctionId;
  readonly actParams: Params;
  /**
   * The registry unit's parameters for this call (`tanh` of GEGLU, `alpha` and `limit` of the
   * gpt-oss unit); undefined when the registry unit has no parameter for what the call does
   * (ggml_geglu_quick's x·σ(1.702x) gate, ONNX SwiGLU with alpha ≠ 1): then y = act(g)·u.
   */
  readonly unitParams?: Params;
  /** vLLM FatreluAndMul's threshold t ≠ 0: y = g·u where g > t, else 0 (core `fatreluGated`). */
  readonly threshold?: number;
}

/**
 * The gated unit a call of `variant` computes with the call's parameters `params` (read as own
 * properties only). A FatreluAndMul threshold other than 0 is carried as `threshold`.
 */
export function gatedCallFor(variant: GatedVariant, params: Params): GatedCall {
  const form = GATED_VARIANTS.get(variant) ?? { unit: 'swiglu' as const, act: 'silu' as const };
  const own = (key: string): number | undefined => (Object.prototype.hasOwnProperty.call(params, key) ? params[key] : undefined);
  switch (variant) {
    case 'swiglu_oai': {
      const alpha = own('alpha') ?? 1.702;
      const limit = own('limit') ?? 7;
      return { unit: 'swiglu_oai', act: 'gelu_sigmoid', actParams: { k: alpha }, unitParams: { alpha, limit } };
    }
    case 'geglu':
      return { unit: 'geglu', act: 'gelu', actParams: {}, unitParams: { tanh: 0 } };
    case 'geglu_tanh':
      return { unit: 'geglu', act: 'gelu_tanh', actParams: {}, unitParams: { tanh: 1 } };
    case 'geglu_quick':
      return { unit: 'geglu', act: 'gelu_sigmoid', actParams: {} };
    case 'reglu': {
      const threshold = own('threshold');
      return threshold === undefined || threshold === 0 ? { unit: 'reglu', act: 'relu', actParams: {}, unitParams: {} } : { unit: 'reglu', act: 'relu', actParams: {}, threshold };
    }
    case 'swiglu': {
      const alpha = own('alpha');
      return alpha === undefined || alpha === 1 ? { unit: 'swiglu', act: 'silu', actParams: {}, unitParams: {} } : { unit: 'swiglu', act: 'silu', actParams: { beta: alpha } };
    }
    default:
      return { unit: form.unit, act: form.act, actParams: {}, unitParams: {} };
  }
}
