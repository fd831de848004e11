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
import type { FunctionId, Params } from '../core/types';

export type Framework = 'PyTorch' | 'TensorFlow' | 'Keras' | 'JAX' | 'Flax' | 'Hugging Face' | 'ONNX' | 'onnxruntime' | 'ggml';

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

/** An argument that selects the variant, like `approximate`. */
export interface VariantArg {
  /** The parameter name, e.g. `approximate`. */
  readonly name: string;
  /** Its index among the call's positional arguments (the input counts), if it can be positional. */
  readonly position?: number;
  /** The default as the documentation writes it: `'none'`, `True`, `False`. */
  readonly default: string;
  /** Normalised literal (quotes removed, lower case) → variant: `tanh` → `gelu_tanh`, `true` → `gelu_tanh`. */
  readonly values: Readonly<Record<string, FunctionId>>;
  /** How to write the argument to get each variant it offers: `approximate='tanh'`. */
  readonly spelling: Readonly<Partial<Record<FunctionId, string>>>;
}

/** An argument that sets a registry parameter, like `negative_slope` → `slope`. */
export interface ParamArg {
  readonly name: string;
  /** Other names the same argument has had (Keras 2 `alpha` for Keras 3 `negative_slope`). */
  readonly aliases?: readonly string[];
  readonly position?: number;
  /** The registry parameter key it sets (`ParamSpec.key`: `slope`, `alpha`, `beta`, `k`). */
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
  readonly defaultVariant: FunctionId;
  readonly variantArg?: VariantArg;
  readonly paramArgs?: readonly ParamArg[];
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

type Extras = Partial<Pick<FrameworkEntry, 'variantArg' | 'paramArgs' | 'note' | 'source' | 'id'>>;

function entry(framework: Framework, kind: EntryKind, qualifiedName: string, names: readonly string[], variant: FunctionId, docUrl: string, extras: Extras = {}): FrameworkEntry {
  return { id: extras.id ?? qualifiedName, framework, kind, qualifiedName, names, defaultVariant: variant, docUrl, ...extras };
}

/** PyTorch functional: `torch.nn.functional.X`, `nn.functional.X`, `F.X` (+ `torch.X` where it exists). */
function torchF(name: string, variant: FunctionId, extras: Extras = {}, alsoTorch = false): FrameworkEntry {
  const q = `torch.nn.functional.${name}`;
  const names = [q, `nn.functional.${name}`, `functional.${name}`, `F.${name}`, ...(alsoTorch ? [`torch.${name}`] : [])];
  return entry('PyTorch', 'function', q, names, variant, `${TORCH_DOC}${q}.html`, extras);
}
function torchModule(name: string, variant: FunctionId, extras: Extras = {}): FrameworkEntry {
  const q = `torch.nn.${name}`;
  return entry('PyTorch', 'module', q, [q, `nn.${name}`], variant, `${TORCH_DOC}${q}.html`, extras);
}
function tfNn(names: readonly string[], variant: FunctionId, extras: Extras = {}): FrameworkEntry {
  const q = names[0] as string;
  return entry('TensorFlow', 'function', q, names, variant, `${TF_DOC}${q.slice(3).replace(/\./g, '/')}`, extras);
}
function kerasAct(name: string, variant: FunctionId, extras: Extras = {}, aliasOf?: string): FrameworkEntry {
  const q = `keras.activations.${name}`;
  return entry('Keras', 'function', q, [q, `tf.keras.activations.${name}`, `activations.${name}`], variant, `${KERAS_ACT_DOC}#${aliasOf ?? name}-function`, extras);
}
function kerasOp(name: string, variant: FunctionId, extras: Extras = {}): FrameworkEntry {
  const q = `keras.ops.${name}`;
  return entry('Keras', 'function', q, [q, `keras.ops.nn.${name}`, `tf.keras.ops.${name}`, `ops.${name}`], variant, `${KERAS_OPS_DOC}#${name}-function`, extras);
}
function kerasKey(key: string, variant: FunctionId, extras: Extras = {}): FrameworkEntry {
  return entry('Keras', 'keras-key', `activation="${key}"`, [key], variant, KERAS_ACT_DOC, { id: `keras-key:${key}`, ...extras });
}
function jaxNn(names: readonly string[], variant: FunctionId, extras: Extras = {}): FrameworkEntry {
  const q = `jax.nn.${names[0] as string}`;
  const all = names.flatMap((n) => [`jax.nn.${n}`, `jnn.${n}`]);
  return entry('JAX', 'function', q, all, variant, `${JAX_DOC}${q}.html`, extras);
}
function flax(names: readonly string[], variant: FunctionId, extras: Extras = {}): FrameworkEntry[] {
  const first = names[0] as string;
  return [
    entry('Flax', 'function', `flax.linen.${first}`, names.flatMap((n) => [`flax.linen.${n}`, `linen.${n}`, `nn.${n}`]), variant, FLAX_LINEN_DOC, extras),
    entry('Flax', 'function', `flax.nnx.${first}`, names.flatMap((n) => [`flax.nnx.${n}`, `nnx.${n}`]), variant, FLAX_NNX_DOC, extras),
  ];
}
function hf(key: string, variant: FunctionId, extras: Extras = {}): FrameworkEntry {
  return entry('Hugging Face', 'hf-key', `ACT2FN["${key}"]`, [key], variant, HF_DOC, { id: `hf:${key}`, ...extras });
}
function hfClass(name: string, variant: FunctionId, extras: Extras = {}): FrameworkEntry {
  return entry('Hugging Face', 'module', `transformers.activations.${name}`, [`transformers.activations.${name}`, `activations.${name}`, name], variant, HF_DOC, extras);
}
function onnx(op: string, variant: FunctionId, extras: Extras = {}): FrameworkEntry {
  return entry('ONNX', 'operator', op, [op, `op.${op}`, `opset20.${op}`, `opset18.${op}`], variant, `${ONNX_DOC}onnx__${op}.html`, { id: `onnx:${op}`, ...extras });
}
function ort(op: string, variant: FunctionId, extras: Extras = {}): FrameworkEntry {
  return entry('onnxruntime', 'operator', `com.microsoft.${op}`, [op, `com.microsoft.${op}`], variant, `${ORT_DOC}${op}`, { id: `ort:${op}`, ...extras });
}
function ggml(names: readonly string[], variant: FunctionId, extras: Extras = {}): FrameworkEntry {
  return entry('ggml', 'c-function', names[0] as string, names, variant, GGML_DOC, extras);
}

const TORCH_SOFTPLUS_NOTE = 'PyTorch softplus takes beta = 1 and threshold = 20: for β·x > 20 it returns x itself (the difference from log(1 + eˣ) is below 2.1e-9 there); other beta values are not modelled.';
const GGML_F16_TABLE = 'On the CPU backend the f32 op rounds x to float16 and reads a float16 table of the function (GGML_GELU_FP16), so results carry float16 rounding (about 3 significant digits).';

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
  const out: Record<string, number> = {};
  for (const p of entry.paramArgs ?? []) out[p.key] = p.default;
  return out;
}

