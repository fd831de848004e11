/**
 * The model-config catalogue as data: what each Hugging Face activation name (the strings of
 * `hidden_act`, `hidden_activation`, `activation_function`, T5's `feed_forward_proj`…) means in
 * transformers' `ACT2FN`, and what each stack that serves or converts the model runs for it,
 * with the version a claim holds for and the file or pull request it was read from.
 *
 * Every claim below was read in the source it names (see README "Model configs: catalogue
 * claims"); what could not be sourced is left out rather than guessed. Pure data and pure
 * lookups: no `vscode`, no text scanning.
 */
import type { FunctionId } from '../core/types';

/**
 * Which function a name computes. Registry ids where the registry has the function; ids the
 * registry does not have yet (issue 12 adds most of them) are typed here so the data can say
 * what the name means before the numbers exist.
 */
export type ModelFunctionId = FunctionId | 'gelu_clipped' | 'relu2' | 'xielu' | 'laplace' | 'linear' | 'prelu';

/** The stacks a claim can be about, in the order hovers list them. */
export const STACKS = ['transformers', 'vllm', 'tei', 'llamacpp-cpu', 'llamacpp-cuda', 'onnx-export', 'coreml'] as const;
export type StackId = (typeof STACKS)[number];

export const STACK_LABEL: Readonly<Record<StackId, string>> = {
  transformers: 'transformers',
  vllm: 'vLLM',
  tei: 'text-embeddings-inference',
  'llamacpp-cpu': 'llama.cpp / ggml CPU',
  'llamacpp-cuda': 'llama.cpp / ggml CUDA',
  'onnx-export': 'ONNX export (torch.onnx)',
  coreml: 'Core ML (coremltools)',
};

/** Where a claim was read: a file at a commit, or a pull request. */
export interface Source {
  readonly label: string;
  readonly url: string;
  /** The version the claim holds for, in words ("vLLM at f64c867", "TEI 1.9.3"). */
  readonly holds: string;
}

/** What one stack runs for one name. */
export interface StackClaim {
  readonly stack: StackId;
  /** One sentence: what runs. */
  readonly runs: string;
  /** The function that runs, when it is one the catalogue names; absent when the name is refused. */
  readonly fn?: ModelFunctionId;
  readonly source: Source;
}

export interface ActivationName {
  /** The key as written in `ACT2FN` / config.json. */
  readonly name: string;
  readonly fn: ModelFunctionId;
  /** The formula as transformers computes it, constants included. */
  readonly formula: string;
  readonly note?: string;
  readonly stacks: readonly StackClaim[];
}

// ---------------------------------------------------------------------------------------------
// Sources.

const gh = (repo: string, commit: string, path: string): string => `https://github.com/${repo}/blob/${commit}/${path}`;

export const SOURCES = {
  transformersActivations: {
    label: 'transformers src/transformers/activations.py (ACT2CLS)',
    url: 'https://github.com/huggingface/transformers/blob/main/src/transformers/activations.py',
    holds: 'transformers main as indexed in 2026 (ACT2CLS with xielu, relu2, laplace); gelu/gelu_new/gelu_fast/quick_gelu/gelu_10 unchanged since 4.x',
  },
  transformersGemma: {
    label: 'transformers models/gemma/modeling_gemma.py (GemmaMLP)',
    url: gh('huggingface/transformers', '0125ac68d92d1866341d531c52af7165af06f3e9', 'src/transformers/models/gemma/modeling_gemma.py'),
    holds: 'transformers at 0125ac6 (late 2024), behaviour introduced by PR #29402',
  },
  transformersGemmaPr: {
    label: 'huggingface/transformers PR #29402',
    url: 'https://github.com/huggingface/transformers/pull/29402',
    holds: 'merged March 2024',
  },
  transformersGemmaConfigNew: {
    label: 'transformers models/gemma/configuration_gemma.py',
    url: gh('huggingface/transformers', '008e574391258935f3ecc3035c882e73bbcac419', 'src/transformers/models/gemma/configuration_gemma.py'),
    holds: 'transformers at 008e574 (GemmaConfig default hidden_act "gelu_pytorch_tanh")',
  },
  transformersClip: {
    label: 'transformers models/clip/configuration_clip.py',
    url: gh('huggingface/transformers', '01841b341b64ab547cd2e30f09cb9c74929f50f2', 'src/transformers/models/clip/configuration_clip.py'),
    holds: 'transformers at 01841b3 (CLIPTextConfig and CLIPVisionConfig default hidden_act "quick_gelu")',
  },
  transformersT5: {
    label: 'transformers models/t5/configuration_t5.py',
    url: 'https://github.com/huggingface/transformers/blob/main/src/transformers/models/t5/configuration_t5.py',
    holds: 'transformers 4.x–main ("gated-gelu" → dense_act_fn "gelu_new", kept "for backwards compatibility")',
  },
  vllmActivation: {
    label: 'vLLM model_executor/layers/activation.py (_ACTIVATION_REGISTRY)',
    url: gh('vllm-project/vllm', 'f64c867c4026622aec80b1812188c0896f8b1bef', 'vllm/model_executor/layers/activation.py'),
    holds: 'vLLM at f64c867',
  },
  vllmGemma: {
    label: 'vLLM model_executor/models/gemma.py (_get_gemma_act_fn)',
    url: gh('vllm-project/vllm', '02e37cdc103a6172467c68a397c1394894547ccd', 'vllm/model_executor/models/gemma.py'),
    holds: 'vLLM at 02e37cd',
  },
  teiLinear: {
    label: 'TEI backends/candle/src/layers/linear.rs (HiddenAct)',
    url: gh('huggingface/text-embeddings-inference', '0d124dc9773be6ac5a9a57d8439aba9bbbf33273', 'backends/candle/src/layers/linear.rs'),
    holds: 'text-embeddings-inference 1.9.3 (candle backend)',
  },
  teiPr: {
    label: 'huggingface/text-embeddings-inference PR #753 (warning on hidden_act=gelu)',
    url: 'https://github.com/huggingface/text-embeddings-inference/pull/753',
    holds: 'text-embeddings-inference 1.9.x',
  },
  ggmlCpuVec: {
    label: 'ggml/src/ggml-cpu/vec.h (GGML_GELU_FP16, GGML_GELU_QUICK_FP16)',
    url: gh('ggml-org/llama.cpp', '2786a97ef045fcc741a8bec3e7bccd69bc259a0c', 'ggml/src/ggml-cpu/vec.h'),
    holds: 'llama.cpp at 2786a97',
  },
  ggmlCuda: {
    label: 'ggml/src/ggml-cuda/unary.cu (op_gelu, op_gelu_erf, op_gelu_quick)',
    url: gh('ggml-org/llama.cpp', 'f211d9b44085069776dea5f66886caba0dd4aa61', 'ggml/src/ggml-cuda/unary.cu'),
    holds: 'llama.cpp at f211d9b',
  },
  llamaGraph: {
    label: 'llama.cpp src/llama-graph.cpp (build_ffn: LLM_FFN_GELU → ggml_gelu / ggml_geglu_split)',
    url: gh('ggml-org/llama.cpp', '434f71a5b4d1ff9c9c9b59e08326f0fe3d15193a', 'src/llama-graph.cpp'),
    holds: 'llama.cpp at 434f71a',
  },
  torchOnnx9: {
    label: 'PyTorch torch/onnx/symbolic_opset9.py (gelu)',
    url: gh('pytorch/pytorch', '5bf96743323d705276f2053b6e16b5d7a29e2b12', 'torch/onnx/symbolic_opset9.py'),
    holds: 'TorchScript exporter, opsets below 20',
  },
  torchOnnx20: {
    label: 'PyTorch torchscript_exporter/symbolic_opset20.py (gelu → Gelu)',
    url: gh('pytorch/pytorch', '525a5e5db90540a5ca0dbf87e941cedbc29e2094', 'torch/onnx/_internal/torchscript_exporter/symbolic_opset20.py'),
    holds: 'TorchScript exporter, opset 20 and later',
  },
  coremlGeluPr: {
    label: 'apple/coremltools PR #1911 (torch gelu honours approximate)',
    url: 'https://github.com/apple/coremltools/pull/1911',
    holds: 'coremltools releases after PR #1911; earlier torch frontends built mb.gelu(x) with its default mode EXACT, dropping approximate',
  },
} as const satisfies Record<string, Source>;

// ---------------------------------------------------------------------------------------------
// Claims shared by several names.

const S = SOURCES;

const onnxExact: readonly StackClaim[] = [
  { stack: 'onnx-export', fn: 'gelu', runs: 'opset < 20: decomposed as Div(x, √2) → Erf → +1 → ·x·½ (exact); opset ≥ 20: Gelu(approximate="none")', source: S.torchOnnx9 },
  { stack: 'onnx-export', fn: 'gelu', runs: 'opset ≥ 20: one Gelu node with approximate="none"', source: S.torchOnnx20 },
];
const onnxTanh: readonly StackClaim[] = [
  { stack: 'onnx-export', fn: 'gelu_tanh', runs: 'F.gelu(approximate="tanh") at opset < 20: decomposed with a Tanh node, √(2/π) and 0.044715 as constants', source: S.torchOnnx9 },
  { stack: 'onnx-export', fn: 'gelu_tanh', runs: 'opset ≥ 20: one Gelu node with approximate="tanh"', source: S.torchOnnx20 },
];
const ggmlTanh: readonly StackClaim[] = [
  {
    stack: 'llamacpp-cpu',
    fn: 'gelu_tanh',
    runs: 'not read from config.json: the architecture picks LLM_FFN_GELU → ggml_gelu, the tanh form; on CPU the f32 op rounds x to float16 and reads a 65 536-entry float16 table for |x| < 10',
    source: S.ggmlCpuVec,
  },
  { stack: 'llamacpp-cpu', fn: 'gelu_tanh', runs: 'graph builder: LLM_FFN_GELU → ggml_gelu, or ggml_geglu_split when the FFN is gated', source: S.llamaGraph },
  { stack: 'llamacpp-cuda', fn: 'gelu_tanh', runs: 'ggml_gelu → tanh form in float32 (√(2/π), 0.044715), no table; ggml_gelu_erf → erff', source: S.ggmlCuda },
];

/** Claims of one stack read in one source; `fn` null: the stack refuses the name (nothing runs). */
const claimsOf = (stack: StackId, source: Source) => (fn: ModelFunctionId | null, runs: string): StackClaim =>
  fn === null ? { stack, runs, source } : { stack, fn, runs, source };
const transformers = claimsOf('transformers', S.transformersActivations);
const vllm = claimsOf('vllm', S.vllmActivation);
const tei = claimsOf('tei', S.teiLinear);
const vllmRefuses = (): StackClaim => vllm(null, 'not in _ACTIVATION_REGISTRY: get_act_fn raises "not supported"');
const teiRefuses = (): StackClaim => tei(null, 'not a HiddenAct variant: the config is refused');

// ---------------------------------------------------------------------------------------------
// The names.

const NAMES: readonly ActivationName[] = [
  {
    name: 'gelu',
    fn: 'gelu',
    formula: '½·x·(1 + erf(x/√2))',
    stacks: [
      transformers('gelu', 'GELUActivation → torch.nn.functional.gelu (exact, erf)'),
      vllm('gelu', 'nn.GELU() (exact); gated FFNs: GeluAndMul(approximate="none")'),
      tei('gelu_tanh', 'HiddenAct::Gelu → candle gelu, the tanh form (exact GELU is not offered; a warning says so)'),
      { stack: 'tei', fn: 'gelu_tanh', runs: 'warns at start that hidden_act=gelu runs the tanh approximation', source: S.teiPr },
      ...ggmlTanh,
      ...onnxExact,
    ],
  },
  {
    name: 'gelu_python',
    fn: 'gelu',
    formula: 'x·½·(1 + erf(x/√2)) written as PyTorch ops',
    stacks: [
      transformers('gelu', 'GELUActivation(use_gelu_python=True): the erf formula in Python'),
      vllmRefuses(),
      tei(null, 'not a HiddenAct variant: the config is refused ("Model is not supported")'),
    ],
  },
  {
    name: 'gelu_new',
    fn: 'gelu_tanh',
    formula: '½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))',
    note: 'The tanh form of GPT-2 and the original BERT repository.',
    stacks: [
      transformers('gelu_tanh', 'NewGELUActivation: the tanh formula written as PyTorch ops'),
      vllm('gelu_tanh', 'NewGELU → custom op _C.gelu_new (tanh form)'),
      tei('gelu_tanh', 'alias of HiddenAct::Gelu → candle gelu (tanh form)'),
      ...onnxTanh,
    ],
  },
  {
    name: 'gelu_pytorch_tanh',
    fn: 'gelu_tanh',
    formula: 'torch.nn.functional.gelu(x, approximate="tanh") = ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))',
    stacks: [
      transformers('gelu_tanh', 'GELUTanh → F.gelu(approximate="tanh")'),
      vllm('gelu_tanh', 'nn.GELU(approximate="tanh")'),
      tei('gelu_tanh', 'alias of HiddenAct::Gelu → candle gelu (tanh form)'),
      ...ggmlTanh,
      ...onnxTanh,
      { stack: 'coreml', fn: 'gelu_tanh', runs: 'mb.gelu(mode="TANH_APPROXIMATION") after PR #1911; earlier torch frontends converted it to EXACT', source: S.coremlGeluPr },
    ],
  },
  {
    name: 'gelu_python_tanh',
    fn: 'gelu_tanh',
    formula: '½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) written as PyTorch ops',
    stacks: [transformers('gelu_tanh', 'GELUTanh(use_gelu_tanh_python=True)')],
  },
  {
    name: 'gelu_fast',
    fn: 'gelu_tanh',
    formula: '½·x·(1 + tanh(0.7978845608·x·(1 + 0.044715·x²)))',
    note: '0.7978845608 is √(2/π) cut to 10 decimals: the tanh form to within float32 rounding.',
    stacks: [
      transformers('gelu_tanh', 'FastGELUActivation'),
      vllm('gelu_tanh', 'FastGELU → custom op _C.gelu_fast (same constants)'),
      teiRefuses(),
    ],
  },
  {
    name: 'gelu_accurate',
    fn: 'gelu_tanh',
    formula: '½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))',
    note: 'Despite the name, the same tanh form (added with MEGA).',
    stacks: [
      transformers('gelu_tanh', 'AccurateGELUActivation'),
      vllmRefuses(),
    ],
  },
  {
    name: 'quick_gelu',
    fn: 'gelu_sigmoid',
    formula: 'x·σ(1.702·x)',
    stacks: [
      transformers('gelu_sigmoid', 'QuickGELUActivation'),
      vllm('gelu_sigmoid', 'QuickGELU → custom op _C.gelu_quick'),
      teiRefuses(),
      { stack: 'llamacpp-cpu', fn: 'gelu_sigmoid', runs: 'ggml_gelu_quick (−1.702 in expf); GGML_GELU_QUICK_FP16 is defined, so a float16 table as for ggml_gelu', source: S.ggmlCpuVec },
      { stack: 'llamacpp-cuda', fn: 'gelu_sigmoid', runs: 'op_gelu_quick: x·1/(1 + expf(−1.702·x)) in float32', source: S.ggmlCuda },
    ],
  },
  {
    name: 'gelu_10',
    fn: 'gelu_clipped',
    formula: 'clip(GELU(x), −10, 10) with exact GELU',
    stacks: [
      transformers('gelu_clipped', 'ClippedGELUActivation(min=−10, max=10)'),
      vllmRefuses(),
    ],
  },
  {
    name: 'silu',
    fn: 'silu',
    formula: 'x·σ(x)',
    stacks: [
      transformers('silu', 'SiLUActivation → F.silu'),
      vllm('silu', 'nn.SiLU(); gated FFNs: SiluAndMul (silu of the first half times the second)'),
      tei('silu', 'HiddenAct::Silu → candle silu'),
    ],
  },
  {
    name: 'swish',
    fn: 'silu',
    formula: 'x·σ(x)',
    stacks: [
      transformers('silu', 'nn.SiLU'),
      vllm(null, 'not in _ACTIVATION_REGISTRY (only "silu"): get_act_fn raises "not supported"'),
      tei(null, 'not a HiddenAct variant (only "silu"): the config is refused'),
    ],
  },
  {
    name: 'relu',
    fn: 'relu',
    formula: 'max(0, x)',
    stacks: [
      transformers('relu', 'nn.ReLU'),
      vllm('relu', 'nn.ReLU()'),
      tei('relu', 'HiddenAct::Relu'),
    ],
  },
  {
    name: 'relu2',
    fn: 'relu2',
    formula: 'max(0, x)²',
    stacks: [
      transformers('relu2', 'ReLUSquaredActivation'),
      vllm('relu2', 'ReLUSquaredActivation: torch.square(F.relu(x))'),
    ],
  },
  { name: 'relu6', fn: 'relu6', formula: 'min(max(0, x), 6)', stacks: [transformers('relu6', 'nn.ReLU6')] },
  { name: 'leaky_relu', fn: 'leaky_relu', formula: 'x if x ≥ 0 else 0.01·x (nn.LeakyReLU default)', stacks: [transformers('leaky_relu', 'nn.LeakyReLU')] },
  { name: 'sigmoid', fn: 'sigmoid', formula: '1/(1 + e^(−x))', stacks: [transformers('sigmoid', 'nn.Sigmoid')] },
  {
    name: 'tanh',
    fn: 'tanh',
    formula: 'tanh(x)',
    stacks: [
      transformers('tanh', 'nn.Tanh'),
      tei('tanh', 'HiddenAct::Tanh'),
    ],
  },
  { name: 'mish', fn: 'mish', formula: 'x·tanh(softplus(x))', stacks: [transformers('mish', 'MishActivation → F.mish')] },
  { name: 'linear', fn: 'linear', formula: 'x (identity)', stacks: [transformers('linear', 'LinearActivation')] },
  { name: 'prelu', fn: 'prelu', formula: 'x if x ≥ 0 else a·x, a learned (nn.PReLU, initial 0.25)', stacks: [transformers('prelu', 'nn.PReLU')] },
  {
    name: 'laplace',
    fn: 'laplace',
    formula: '½·(1 + erf((x − μ)/(σ·√2))), μ = 0.707107, σ = 0.282095',
    stacks: [transformers('laplace', 'LaplaceActivation (from MEGA)')],
  },
  {
    name: 'xielu',
    fn: 'xielu',
    formula: 'x > 0: αₚ·x² + β·x; else (expm1(min(x, ε)) − x)·αₙ + β·x; αₚ = softplus(raw αₚ), αₙ = β + softplus(raw αₙ); init αₚ = αₙ = 0.8, β = 0.5, ε = −1e−6',
    stacks: [transformers('xielu', 'XIELUActivation (CUDA kernel when the xielu package is installed, else Python)')],
  },
];

const BY_NAME: ReadonlyMap<string, ActivationName> = new Map(NAMES.map((n) => [n.name, n]));

/** Every ACT2FN key the catalogue knows, in catalogue order. */
export const ACTIVATION_NAMES: readonly string[] = NAMES.map((n) => n.name);

/** The catalogue entry of an ACT2FN key (own entries only: `constructor` is not a key). */
export function activationName(name: string): ActivationName | undefined {
  return BY_NAME.get(name);
}

// ---------------------------------------------------------------------------------------------
// Per-architecture facts.

/** A model type whose libraries run something other than its `hidden_act` says. */
export interface ModelTypeOverride {
  readonly modelType: string;
  /** The key that, when present, is used instead of `hidden_act`. */
  readonly usedKey: string;
  /** What runs when `usedKey` is missing, whatever `hidden_act` says. */
  readonly runs: string;
  readonly explanation: string;
  readonly sources: readonly Source[];
}

export const MODEL_TYPE_OVERRIDES: readonly ModelTypeOverride[] = [
  {
    modelType: 'gemma',
    usedKey: 'hidden_activation',
    runs: 'gelu_pytorch_tanh',
    explanation:
      'Gemma checkpoints were first released with hidden_act "gelu", but the reference uses the tanh GELU: transformers (since PR #29402) and vLLM ignore hidden_act when hidden_activation is missing and run gelu_pytorch_tanh (GEGLU with the tanh form). Newer GemmaConfig defaults hidden_act to "gelu_pytorch_tanh".',
    sources: [SOURCES.transformersGemma, SOURCES.transformersGemmaPr, SOURCES.vllmGemma, SOURCES.transformersGemmaConfigNew],
  },
];

/** An architecture whose reference uses a different GELU than a plain `gelu` would give. */
export interface ReferenceActivation {
  readonly modelTypes: readonly string[];
  readonly reference: string;
  readonly explanation: string;
  readonly source: Source;
}

export const REFERENCE_ACTIVATIONS: readonly ReferenceActivation[] = [
  {
    modelTypes: ['clip', 'clip_text_model', 'clip_vision_model'],
    reference: 'quick_gelu',
    explanation:
      'transformers\' CLIPTextConfig and CLIPVisionConfig default to quick_gelu. A checkpoint that was really trained with exact GELU keeps "gelu"; check how it was trained before changing it.',
    source: SOURCES.transformersClip,
  },
];

/** T5's `feed_forward_proj`: `"{act}"` or `"gated-{act}"`, with the one remap transformers applies. */
export const T5_FEED_FORWARD = {
  remap: { from: 'gated-gelu', to: 'gelu_new' },
  source: SOURCES.transformersT5,
} as const;

/**
 * The registry function a model function can be compared with numerically, or undefined for
 * the ones the registry does not compute yet.
 */
export function comparableFunction(fn: ModelFunctionId): FunctionId | undefined {
  switch (fn) {
    case 'gelu_clipped':
      return 'gelu';
    case 'relu2':
    case 'xielu':
    case 'laplace':
    case 'linear':
    case 'prelu':
      return undefined;
    default:
      return fn;
  }
}
