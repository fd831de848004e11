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
 * Pure data and pure functions: no `vscode`.
 */
import type { FunctionId, Params } from './types';
import { literalsIn } from './numbers';

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

// ---------------------------------------------------------------------------------------------
// The resolver: from a position in code to the entry, the variant and the parameters.

/** One argument of the call that the resolver looked at. */
export interface ArgRead {
  /** The documented parameter name (`approximate`, `negative_slope`). */
  readonly name: string;
  /** The value as written. */
  readonly text: string;
  /** False when the value is not a literal the resolver can read (a variable, an expression). */
  readonly understood: boolean;
}

export interface ResolvedCall {
  readonly entry: FrameworkEntry;
  /** The variant the call computes, given the arguments read. */
  readonly variant: FunctionId;
  /** Parameter values the call uses (the framework's defaults unless an argument says otherwise). */
  readonly params: Params;
  readonly argsRead: readonly ArgRead[];
  /** The hovered name's offsets in the text. */
  readonly start: number;
  readonly end: number;
}

/** Longest name looked at on either side of the position. */
const MAX_NAME = 200;
/** Longest argument list parsed. */
const MAX_ARGS = 4000;

const byName = new Map<string, FrameworkEntry[]>();
const byKey = new Map<EntryKind, Map<string, FrameworkEntry>>();
for (const e of FRAMEWORK_CATALOGUE) {
  if (e.kind === 'hf-key' || e.kind === 'keras-key') {
    let m = byKey.get(e.kind);
    if (m === undefined) byKey.set(e.kind, (m = new Map()));
    for (const n of e.names) m.set(n, e);
  } else {
    for (const n of e.names) {
      const list = byName.get(n);
      if (list === undefined) byName.set(n, [e]);
      else list.push(e);
    }
  }
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The dotted name (`a.b.c`) around `column`, or undefined. */
function dottedNameAt(text: string, column: number): { start: number; end: number } | undefined {
  const n = text.length;
  let i = Math.min(Math.max(0, Math.floor(column)), n);
  const inName = (k: number): boolean => k >= 0 && k < n && (isNameChar(text.charCodeAt(k)) || text.charCodeAt(k) === 46);
  if (!inName(i)) {
    if (inName(i - 1)) i -= 1;
    else return undefined;
  }
  let start = i;
  while (start > 0 && i - start < MAX_NAME && inName(start - 1)) start--;
  let end = i + 1;
  while (end < n && end - i < MAX_NAME && inName(end)) end++;
  while (start < end && text.charCodeAt(start) === 46) start++;
  while (end > start && text.charCodeAt(end - 1) === 46) end--;
  if (start >= end || (start > 0 && inName(start - 1)) || (end < n && inName(end))) return undefined;
  return { start, end };
}

/** The quoted word (`"gelu_new"`, `'Gelu'`) around `column`: its content and the quote offsets. */
function quotedWordAt(text: string, column: number): { start: number; end: number; open: number } | undefined {
  const n = text.length;
  const c = Math.min(Math.max(0, Math.floor(column)), n);
  let s = c;
  while (s > 0 && c - s < 64 && isNameChar(text.charCodeAt(s - 1))) s--;
  let e = c;
  while (e < n && e - c < 64 && isNameChar(text.charCodeAt(e))) e++;
  if (s === e && s > 0 && (text.charCodeAt(s - 1) === 34 || text.charCodeAt(s - 1) === 39)) {
    // On the closing quote: the word ends here.
    e = s - 1;
    s = e;
    while (s > 0 && e - s < 64 && isNameChar(text.charCodeAt(s - 1))) s--;
    if (s === e) return undefined;
    return checkQuotes(text, s, e);
  }
  if (s === e) {
    // On an opening quote.
    const q = text.charCodeAt(c);
    if ((q === 34 || q === 39) && c + 1 < n) {
      let e2 = c + 1;
      while (e2 < n && e2 - c < 64 && isNameChar(text.charCodeAt(e2))) e2++;
      return e2 > c + 1 ? checkQuotes(text, c + 1, e2) : undefined;
    }
    return undefined;
  }
  return checkQuotes(text, s, e);
}

function checkQuotes(text: string, s: number, e: number): { start: number; end: number; open: number } | undefined {
  if (s === 0 || e >= text.length) return undefined;
  const q = text.charCodeAt(s - 1);
  if ((q !== 34 && q !== 39) || text.charCodeAt(e) !== q) return undefined;
  return { start: s, end: e, open: s - 1 };
}

/** The identifier that ends just before `i` (skipping spaces), and where it starts. */
function wordBefore(text: string, i: number): { word: string; start: number } {
  let e = i;
  while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  let s = e;
  while (s > 0 && e - s < MAX_NAME && (isNameChar(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 46)) s--;
  return { word: text.slice(s, e), start: s };
}

/** The last non-space character before `i` and its offset (-1 when none). */
function charBefore(text: string, i: number): { c: number; at: number } {
  let p = i - 1;
  while (p >= 0 && isSpace(text.charCodeAt(p))) p--;
  return { c: p >= 0 ? text.charCodeAt(p) : -1, at: p };
}

const HF_ASSIGN_KEYS: ReadonlySet<string> = new Set(['hidden_act', 'hidden_activation', 'activation_function', 'hidden_act_fn', 'act_fn', 'projector_hidden_act', 'mlp_hidden_act']);

/**
 * What kind of name the quoted word at `open` is, judged from what precedes it: a Hugging Face
 * activation key, a Keras activation name, an ONNX operator type, or nothing (any other string).
 */
function keyContext(text: string, open: number): 'hf-key' | 'keras-key' | 'operator' | undefined {
  const before = charBefore(text, open);
  if (before.c === 91 /* [ */) {
    const w = wordBefore(text, before.at).word;
    return /(?:^|\.)(?:ACT2FN|ACT2CLS)$/.test(w) ? 'hf-key' : undefined;
  }
  if (before.c === 40 /* ( */) {
    const w = wordBefore(text, before.at).word;
    if (/(?:^|\.)get_activation$/.test(w)) return 'hf-key';
    if (/(?:^|\.)(?:Activation|activations\.get|get_activation_fn)$/.test(w)) return 'keras-key';
    if (/(?:^|\.)(?:make_node|NodeProto|Node)$/.test(w)) return 'operator';
    return undefined;
  }
  if (before.c === 61 /* = */ || before.c === 58 /* : */) {
    // `hidden_act="gelu"`, `activation: "gelu"`, JSON `"hidden_act": "gelu"`, `op_type == "Gelu"`.
    let k = before.at;
    if (before.c === 61 && k > 0 && text.charCodeAt(k - 1) === 61) k--;
    const q = charBefore(text, k);
    if (before.c === 58 && (q.c === 34 || q.c === 39)) k = q.at;
    const w = wordBefore(text, k).word;
    const last = w.slice(w.lastIndexOf('.') + 1);
    if (HF_ASSIGN_KEYS.has(last)) return 'hf-key';
    if (last === 'activation' || last === 'recurrent_activation') return 'keras-key';
    if (last === 'op_type') return 'operator';
  }
  return undefined;
}

/** How the language writes comments: `#` to the end of the line, or `//` and block comments, or neither. */
export type CommentStyle = 'hash' | 'slash' | 'none';

const HASH_COMMENTS: ReadonlySet<string> = new Set(['python', 'cython', 'r', 'julia', 'shellscript', 'yaml', 'toml', 'ruby', 'perl', 'makefile', 'dockerfile', 'cmake', 'jupyter']);
const SLASH_COMMENTS: ReadonlySet<string> = new Set([
  'c', 'cpp', 'cuda-cpp', 'objective-c', 'objective-cpp', 'java', 'kotlin', 'scala', 'groovy', 'csharp', 'fsharp', 'go', 'rust', 'swift', 'dart', 'zig',
  'javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'vue', 'svelte', 'jsonc', 'php',
]);

/** The comment style of a VS Code language id (`none` where unknown: nothing is skipped). */
export function commentStyleFor(languageId: string): CommentStyle {
  return HASH_COMMENTS.has(languageId) ? 'hash' : SLASH_COMMENTS.has(languageId) ? 'slash' : 'none';
}

/** Offset past the comment starting at `i`, or `i` when none starts there. */
function skipComment(text: string, i: number, end: number, comments: CommentStyle): number {
  const c = text.charCodeAt(i);
  if (comments === 'hash' && c === 35 /* # */) {
    const nl = text.indexOf('\n', i);
    return nl < 0 || nl > end ? end : nl;
  }
  if (comments === 'slash' && c === 47 /* / */ && i + 1 < end) {
    const next = text.charCodeAt(i + 1);
    if (next === 47) {
      const nl = text.indexOf('\n', i);
      return nl < 0 || nl > end ? end : nl;
    }
    if (next === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      return close < 0 || close + 2 > end ? end : close + 2;
    }
  }
  return i;
}

/** One argument of a call: its name when given by keyword, and its text. */
interface CallArg {
  readonly name?: string;
  readonly value: string;
}

/**
 * Splits the argument list that opens at `open` (a `(`) at top-level commas, respecting
 * brackets, string literals and the language's comments (left out of the arguments' text).
 * Stops at the matching `)`, at the end of the text or after {@link MAX_ARGS} characters. Linear.
 */
function splitArgs(text: string, open: number, comments: CommentStyle): CallArg[] {
  const args: CallArg[] = [];
  const end = Math.min(text.length, open + 1 + MAX_ARGS);
  let depth = 0;
  let quote = 0;
  let start = open + 1;
  /** Text of the current argument before its last comment. */
  let kept = '';
  let i = open + 1;
  const push = (to: number): void => {
    const raw = (kept + text.slice(start, to)).trim();
    kept = '';
    if (raw === '') return;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:=(?!=)|:)\s*([^]*)$/.exec(raw);
    args.push(m ? { name: m[1] as string, value: (m[2] as string).trim() } : { value: raw });
  };
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92 /* \ */) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    const afterComment = comments === 'none' ? i : skipComment(text, i, end, comments);
    if (afterComment > i) {
      kept += `${text.slice(start, i)} `;
      start = afterComment;
      i = afterComment - 1;
      continue;
    }
    if (c === 34 || c === 39 || c === 96) quote = c;
    else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) break;
      depth--;
    } else if (c === 44 /* , */ && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  push(i);
  return args;
}

/** `'tanh'` → `tanh`, `True` → `true`; other text lower-cased and trimmed. */
function normaliseLiteral(value: string): string {
  const v = value.trim();
  const q = v.charCodeAt(0);
  if (v.length >= 2 && (q === 34 || q === 39) && v.charCodeAt(v.length - 1) === q) return v.slice(1, -1).toLowerCase();
  return v.toLowerCase();
}

/** A numeric argument (`0.2`, `-1e-2`, `0.1f`), or undefined when it is not a single literal. */
function numericArg(value: string): number | undefined {
  // A unary plus (`negative_slope=+0.2`) changes nothing.
  const v = value.trim().replace(/^\+(?=[\d.])/, '');
  if (v.length > 64) return undefined;
  const found = literalsIn(v, { limit: 1 });
  const lit = found.literals[0];
  if (found.total !== 1 || lit === undefined || lit.kind === 'word' || lit.start !== 0 || lit.end !== v.length) return undefined;
  return Number.isFinite(lit.value) ? lit.value : undefined;
}

/**
 * Finds the call's arguments: after the name (`F.gelu(x, approximate="tanh")`), or those of an
 * enclosing `partial(` (`partial(jax.nn.gelu, approximate=False)`; its first argument is the
 * function), or, for operators named in a string, those of the enclosing call
 * (`make_node("Gelu", ["X"], ["Y"], approximate="tanh")`: keyword arguments only).
 */
function argumentsOf(text: string, nameStart: number, nameEnd: number, quoted: boolean, comments: CommentStyle): { args: CallArg[]; positional: boolean } {
  let k = nameEnd + (quoted ? 1 : 0);
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (!quoted && text.charCodeAt(k) === 40) return { args: splitArgs(text, k, comments), positional: true };
  const open = enclosingParen(text, nameStart - (quoted ? 1 : 0));
  if (open < 0) return { args: [], positional: false };
  if (quoted) return { args: splitArgs(text, open, comments).filter((a) => a.name !== undefined), positional: false };
  const callee = wordBefore(text, open).word;
  if (/(?:^|\.)partial$/.test(callee)) {
    const args = splitArgs(text, open, comments);
    return { args: args.slice(1), positional: true };
  }
  return { args: [], positional: false };
}

/** The `(` that encloses offset `i` (bracket-aware, bounded), or -1. */
function enclosingParen(text: string, i: number): number {
  let depth = 0;
  const stop = Math.max(0, i - MAX_ARGS);
  for (let p = i - 1; p >= stop; p--) {
    const c = text.charCodeAt(p);
    if (c === 41 || c === 93 || c === 125) depth++;
    else if (c === 40 || c === 91 || c === 123) {
      if (depth === 0) return c === 40 ? p : -1;
      depth--;
    }
  }
  return -1;
}

function pickArg(args: readonly CallArg[], positional: boolean, names: readonly string[], position: number | undefined): CallArg | undefined {
  const named = args.find((a) => a.name !== undefined && names.includes(a.name));
  if (named !== undefined) return named;
  if (!positional || position === undefined) return undefined;
  // Positional arguments precede keyword ones; the position counts only the positional ones.
  let index = 0;
  for (const a of args) {
    if (a.name !== undefined) return undefined;
    if (a.value.startsWith('*')) return undefined; // *args, **kwargs: positions unknown from here
    if (index === position) return a;
    index++;
  }
  return undefined;
}

function applyArguments(entry: FrameworkEntry, args: readonly CallArg[], positional: boolean): { variant: FunctionId; params: Params; argsRead: ArgRead[] } {
  let variant = entry.defaultVariant;
  const params: Record<string, number> = { ...defaultParams(entry) };
  const argsRead: ArgRead[] = [];
  const va = entry.variantArg;
  if (va !== undefined) {
    const a = pickArg(args, positional, [va.name], va.position);
    if (a !== undefined) {
      const chosen = va.values[normaliseLiteral(a.value)];
      if (chosen !== undefined) variant = chosen;
      argsRead.push({ name: va.name, text: a.value, understood: chosen !== undefined });
    }
  }
  for (const p of entry.paramArgs ?? []) {
    const a = pickArg(args, positional, [p.name, ...(p.aliases ?? [])], p.position);
    if (a === undefined) continue;
    const v = numericArg(a.value);
    if (v !== undefined) params[p.key] = v;
    argsRead.push({ name: a.name ?? p.name, text: a.value, understood: v !== undefined });
  }
  return { variant, params, argsRead };
}

/**
 * The framework call named at `column` of `text` (a line, or a line and the few after it so
 * that arguments on following lines are read): the catalogue entry, the variant it computes
 * given the literal arguments in the call (`approximate="tanh"`, `approximate=True`,
 * `negative_slope=0.2`, positional ones too), the parameter values, and what was read.
 * `comments` says how the language writes comments, which are skipped inside the arguments.
 * `undefined` when no known call is there. Bounded work: names of at most 200 characters and
 * argument lists of at most 4,000.
 */
export function resolveCall(text: string, column: number, comments: CommentStyle = 'none'): ResolvedCall | undefined {
  const quoted = quotedWordAt(text, column);
  if (quoted !== undefined) {
    const word = text.slice(quoted.start, quoted.end);
    const context = keyContext(text, quoted.open);
    let e: FrameworkEntry | undefined;
    if (context === 'operator') e = (byName.get(word) ?? []).find((x) => x.kind === 'operator');
    else if (context !== undefined) e = byKey.get(context)?.get(word);
    if (e === undefined) return undefined;
    const { args, positional } = e.kind === 'operator' ? argumentsOf(text, quoted.start, quoted.end, true, comments) : { args: [], positional: false };
    return { entry: e, ...applyArguments(e, args, positional), start: quoted.start, end: quoted.end };
  }
  const span = dottedNameAt(text, column);
  if (span === undefined) return undefined;
  const name = text.slice(span.start, span.end);
  // The longest catalogue name that the written name ends with, at a dot boundary.
  let dot = -1;
  let found: FrameworkEntry | undefined;
  for (;;) {
    const candidate = name.slice(dot + 1);
    // Standard ONNX operator names (`Gelu`, `Elu`…) are too generic to match unqualified in code.
    const list = byName.get(candidate)?.filter((e) => !(e.id.startsWith('onnx:') && candidate === e.qualifiedName));
    if (list !== undefined && list.length > 0) {
      found = list[0];
      break;
    }
    dot = name.indexOf('.', dot + 1);
    if (dot < 0) break;
  }
  if (found === undefined) return undefined;
  const { args, positional } = argumentsOf(text, span.start, span.end, false, comments);
  return { entry: found, ...applyArguments(found, args, positional), start: span.start, end: span.end };
}
