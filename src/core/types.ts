/**
 * Shared types of the numeric core. Pure TypeScript: no `vscode`, no DOM.
 * Everything the host, the hovers, the snippets and (through the protocol) the webview
 * know about an activation function is described here.
 */

/** The ids of `../shared/reference/README.md`, exactly. */
export const FUNCTION_IDS = [
  'gelu',
  'gelu_tanh',
  'gelu_sigmoid',
  'silu',
  'mish',
  'softplus',
  'sigmoid',
  'tanh',
  'elu',
  'selu',
  'relu',
  'leaky_relu',
  'relu6',
  'hardswish',
] as const;

export type FunctionId = (typeof FUNCTION_IDS)[number];

export function isFunctionId(value: unknown): value is FunctionId {
  return typeof value === 'string' && (FUNCTION_IDS as readonly string[]).includes(value);
}

/** The derivative order: 0 is f, 1 is f′, 2 is f″. */
export type Order = 0 | 1 | 2;

/** A tunable constant of a function (ELU α, leaky slope, SiLU β, 0.044715, 1.702…). */
export interface ParamSpec {
  /** Key in a {@link Params} object, e.g. `alpha`, `beta`, `c`, `k`, `slope`. */
  readonly key: string;
  /** Short label for a slider, e.g. `α`. */
  readonly label: string;
  readonly description: string;
  readonly default: number;
  /** Inclusive range a UI offers and a setting is clamped to. */
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** Parameter values by {@link ParamSpec.key}; missing keys take their defaults. */
export type Params = Readonly<Record<string, number>>;

/** Where a framework or library computes the function, e.g. PyTorch `gelu_pytorch_tanh`. */
export interface FrameworkName {
  /** `PyTorch`, `Hugging Face`, `TensorFlow`, `JAX`, `onnxruntime`, `ggml`… */
  readonly framework: string;
  /** The name as written in that framework, e.g. `quick_gelu`, `FastGelu`. */
  readonly name: string;
}

export interface Activation {
  readonly id: FunctionId;
  readonly label: string;
  /** `gelu`: exact GELU and its approximations; `relative`: everything else. */
  readonly family: 'gelu' | 'relative';
  /** For an approximation of exact GELU (`gelu_tanh`, `gelu_sigmoid`): `'gelu'`. */
  readonly approximates?: 'gelu';
  readonly formula: { readonly text: string; readonly latex: string };
  readonly params: readonly ParamSpec[];
  readonly aliases: readonly FrameworkName[];
  /** Where the function has kinks: which one-sided derivative is returned there, and why. */
  readonly kinkConvention?: string;
  /** f(x). Default parameters when `p` is omitted. Never throws. */
  f(x: number, p?: Params): number;
  /** f′(x). */
  df(x: number, p?: Params): number;
  /** f″(x). */
  d2f(x: number, p?: Params): number;
  /**
   * Evaluates order `order` at every element of `xs` into `out` (allocated when omitted,
   * must have `xs.length` elements otherwise) and returns it.
   */
  batch(xs: Float64Array, order: Order, p?: Params, out?: Float64Array): Float64Array;
}
