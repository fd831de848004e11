/**
 * Shared types of the numeric core. Pure TypeScript: no `vscode`, no DOM.
 * Everything the host, the hovers, the snippets and (through the protocol) the webview
 * know about an activation function is described here.
 */

/** Whether `value` is an entry of `list` (own entries only: `constructor`, `__proto__` are not ids). */
export function isEntryOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/**
 * The ids of `../shared/reference/README.md`, in registry order (pickers, legends, CSV columns).
 * The one list of ids: `activations` (activations.ts) is a `Record<FunctionId, Activation>`, so
 * the compiler refuses an id here without its record and a record without its id here. It stays
 * a plain list, apart from the numerics, so that the protocol (and through it the webview) can
 * validate ids without bundling the registry's code.
 */
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
  'relu2',
  'xielu',
  'snake',
  'celu',
  'softsign',
  'hardtanh',
  'hard_sigmoid',
  'log_sigmoid',
  'tanhshrink',
  'softshrink',
  'hardshrink',
  'sparse_plus',
  'squareplus',
  'laplace',
  'gelu_ibert',
] as const;

export type FunctionId = (typeof FUNCTION_IDS)[number];

export function isFunctionId(value: unknown): value is FunctionId {
  return isEntryOf(FUNCTION_IDS, value);
}

/**
 * Gated units y = act(g)·u of LLM feed-forward blocks (`../shared/reference/gated.jsonl`); their
 * construction is in gated.ts. Listed here, apart from the numerics, for the same reason as
 * FUNCTION_IDS.
 */
export const GATED_IDS = ['glu', 'reglu', 'geglu', 'swiglu', 'swiglu_oai'] as const;

export type GatedId = (typeof GATED_IDS)[number];

export function isGatedId(value: unknown): value is GatedId {
  return isEntryOf(GATED_IDS, value);
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
  /**
   * Inclusive range a UI offers; a value outside it is refused (checkParams in params.ts), never
   * clamped silently.
   */
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** Parameter values by {@link ParamSpec.key}; missing keys take their defaults. */
export type Params = Readonly<Record<string, number>>;

/**
 * How the UI groups functions. `gelu`: GELU, its approximations (tanh, sigmoid, I-BERT) and the
 * Laplace activation (a Gaussian CDF); `relu`: rectifiers (ReLU, leaky, clipped, squared,
 * exponential-linear: ELU, SELU, CELU); `smooth`: gates x·s(x) and smooth rectifiers (SiLU, Mish,
 * Hardswish, Softplus, xIELU, squareplus, sparse_plus); `squashing`: bounded or saturating
 * monotone maps (sigmoid, tanh, hard sigmoid, hardtanh, softsign, log-sigmoid); `shrinkage`: maps
 * that shrink a band around 0 (tanhshrink, softshrink, hardshrink); `periodic`: Snake.
 */
export const FAMILIES = ['gelu', 'relu', 'smooth', 'squashing', 'shrinkage', 'periodic'] as const;
export type Family = (typeof FAMILIES)[number];

/** Where a function is not differentiable, and which one-sided derivative is returned there. */
export interface Kinks {
  /** The x of each kink at default parameters, ascending. */
  readonly at: readonly number[];
  /** Which side the derivatives take there, and why (PyTorch autograd's choice, as a rule). */
  readonly convention: string;
}

/** What the snippet generator needs to name and cite a function. */
export interface CodeInfo {
  /** Base name of the forward function in snake case (`gelu`, `tanh_act`); GELU's variants share `gelu`. */
  readonly baseName: string;
  /** The module / holder class (`GELU`, `GeluTanh`, `QuickGELU`). */
  readonly className: string;
  /** Where the function comes from, one sentence for the header comment. */
  readonly source: string;
}

/**
 * One registry record: everything the host, hovers, snippets and (through the protocol's
 * FunctionInfo) the webview know about a one-variable function.
 */
export interface Activation {
  readonly id: FunctionId;
  /** Full name for pickers and snippet headers, e.g. `GELU (tanh approximation)`. */
  readonly label: string;
  /** Name for legends, tables and slider hints, e.g. `GELU tanh`. */
  readonly shortLabel: string;
  /** One line for the settings' enum descriptions (package.json, checked by test/unit/manifest.test.ts). */
  readonly summary: string;
  readonly family: Family;
  /** For an approximation of exact GELU (`gelu_tanh`, `gelu_sigmoid`): `'gelu'`. */
  readonly approximates?: 'gelu';
  readonly formula: { readonly text: string; readonly latex: string };
  readonly params: readonly ParamSpec[];
  readonly kinks?: Kinks;
  readonly code: CodeInfo;
  /**
   * Index into the webview's palette (webview/palette.ts): a colour that stays the function's
   * whatever else is shown. Unique among the records.
   */
  readonly colorSlot: number;
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

/** Order `order` of function `fn` at every x of a grid held alongside. */
export interface Curve {
  readonly fn: FunctionId;
  readonly order: Order;
  /** Exact (double) values. */
  readonly y: Float64Array;
  /** The same evaluated in a narrower format (input and output rounded); absent for float64. */
  readonly rounded?: Float64Array;
}

/** Local extrema (zeros of f′) and inflections (zeros of f″). */
export type KeyPointKind = 'minimum' | 'maximum' | 'inflection';
