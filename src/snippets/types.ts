/** Public types of the snippet generators (pure: no `vscode`). */
import type { GatedSpec } from '../core/gated';
import type { Activation, FunctionId, GatedId, Params } from '../core/types';
import type { Algorithm, AlgoEnv } from './algorithms';
import type { ScalarType } from './exact';
import type { Fn } from './ir';

export type { ScalarType } from './exact';

export const TARGET_IDS = [
  'pytorch',
  'tensorflow',
  'jax',
  'numpy',
  'python',
  'javascript',
  'typescript',
  'c',
  'cpp',
  'cuda',
  'go',
  'julia',
  'java',
  'rust',
  'fortran',
  'r',
  'matlab',
] as const;

export type TargetId = (typeof TARGET_IDS)[number];

/** `function`: plain functions; `module`: a layer class (nn.Module, Keras Layer). */
export type Form = 'function' | 'module';
export const FORMS: readonly Form[] = ['function', 'module'];

/** What a caller asks for. Only `variant` and `target` are required. */
export interface SnippetOptions {
  /** A one-variable function, or a gated unit y(g, u) (GATED_IDS). */
  readonly variant: FunctionId | GatedId;
  readonly target: TargetId;
  /** Also emit the derivative (and the framework's custom-gradient wrapper). Default false. */
  readonly withDerivative?: boolean;
  /** Default `function`. Only targets that list `module` in {@link TargetInfo.forms} accept it. */
  readonly form?: Form;
  /** Add an array/slice version next to the scalar one (targets with `vectorisable`). Default false. */
  readonly vectorised?: boolean;
  /** CUDA only: `float` (default) or `double`. */
  readonly precision?: ScalarType;
  /**
   * Gated units, PyTorch, C++ and CUDA only: also the fused form over a `[..., 2d]` input
   * returning `[..., d]` (which half is the gate is in its name). Default false.
   */
  readonly fused?: boolean;
  /** Parameter values by key; missing keys take the registry's defaults. */
  readonly params?: Params;
  /** Override the default names (used as given, no case conversion). */
  readonly names?: Partial<SnippetNames>;
  /**
   * The full header (method, constants, every caveat) instead of at most 4 lines (formula,
   * source, accuracy, built-in). Default false (setting `geluLab.snippets.detailedComments`).
   */
  readonly detailedComments?: boolean;
}

/** {@link SnippetOptions} with every default filled in. */
export interface ResolvedOptions {
  readonly variant: FunctionId | GatedId;
  readonly target: TargetId;
  readonly withDerivative: boolean;
  readonly form: Form;
  readonly vectorised: boolean;
  readonly precision: ScalarType;
  readonly fused: boolean;
  readonly params: Params;
  readonly names: SnippetNames;
  readonly detailedComments: boolean;
}

export interface SnippetNames {
  /** `gelu`, `Gelu` in Go. */
  readonly forward: string;
  /** `gelu_grad`, `geluGrad` in JS/TS/Java, `GeluGrad` in Go. */
  readonly derivative: string;
  /** `GELU`, `GeluTanh`, `QuickGELU`…: the module class, and the holder class in Java. */
  readonly className: string;
}

export interface Snippet {
  /** A VS Code snippet string: tab stops `${1:gelu}`, `${2:gelu_grad}`, `${3:GELU}`, `$0` last. */
  readonly code: string;
  /** The same code with every tab stop at its default (what the editor shows after insertion). */
  readonly plainCode: string;
  /** VS Code language id of the code. */
  readonly languageId: string;
  /** File extension with the dot, e.g. `.py`. */
  readonly fileExtension: string;
  readonly options: ResolvedOptions;
  /** The import/include lines at the top of the code. */
  readonly imports: readonly string[];
  /** What the user needs to run it (packages, flags) and caveats. */
  readonly notes: readonly string[];
  /**
   * The plain code in pieces, so outside checks can combine several snippets into one
   * program: `plainCode` is `[header, imports, helpers, body]` (non-empty ones) joined by a blank line.
   */
  readonly parts: { readonly header: string; readonly imports: string; readonly helpers: string; readonly body: string };
}

export interface TargetInfo {
  readonly id: TargetId;
  /** Shown in the quick pick. */
  readonly label: string;
  readonly description: string;
  readonly languageId: string;
  readonly fileExtension: string;
  /** Editor language ids for which this target is offered first (the first listed is the default). */
  readonly languages: readonly string[];
  readonly forms: readonly Form[];
  readonly formLabels?: Partial<Record<Form, string>>;
  readonly vectorisable: boolean;
  readonly precisions: readonly ScalarType[];
  readonly naming: 'snake' | 'camel' | 'pascal';
}

/** What a target's renderer receives. Names are tab-stop markers (see `emit.tabStop`). */
export interface RenderContext {
  readonly options: ResolvedOptions;
  readonly activation: Activation;
  readonly algorithm: Algorithm;
  readonly env: AlgoEnv;
  readonly names: SnippetNames;
  /** The self-contained erfc, when the algorithm calls it. */
  readonly erfcHelper: Fn | undefined;
  /** Language-neutral header sentences (the target adds its comment syntax). */
  readonly header: readonly string[];
  /** Sentences naming the built-in calls of this target's framework that compute the variant, if any. */
  readonly builtins: readonly string[];
  /** The shortest spelling of each of those built-ins, for the short header. */
  readonly builtinCalls: readonly string[];
  /**
   * Set for a gated unit: `activation`, `algorithm` and `names` are then those of the one-variable
   * activation of the gate (printed as plain functions, without wrappers), and the target prints
   * `gated.fns` after them (and the fused form where it offers one).
   */
  readonly gated?: GatedRender;
}

/** A function of the snippet with its printed name and one-line doc. */
export interface NamedFn {
  readonly name: string;
  readonly fn: Fn;
  readonly doc: string;
}

/** Which elements of a `[..., 2d]` row are the gate g and which the up input u. */
export type HalfLayout = 'gate-first' | 'gate-second' | 'interleaved';

/** What a target needs to print a gated unit. */
export interface GatedRender {
  readonly spec: GatedSpec;
  /** y(g, u), then (with the derivative) ∂y/∂g and ∂y/∂u: each a function of `g`, `u`. */
  readonly fns: readonly NamedFn[];
  /** The names of those functions (tab-stop markers included). */
  readonly forward: string;
  readonly gradG?: string;
  readonly gradU?: string;
  /** The fused form's name (layout in the name) and layout, when `options.fused`. */
  readonly fused?: { readonly name: string; readonly layout: HalfLayout; readonly doc: string };
}

export interface Rendered {
  readonly imports: readonly string[];
  readonly helpers: string;
  readonly body: string;
  readonly notes: readonly string[];
  /** Header lines already in comment syntax. */
  readonly header: string;
  /** Between header, imports, helpers and body; default one blank line (Python: two, as PEP 8 asks before a def). */
  readonly separator?: string;
}

export interface TargetSpec {
  readonly info: TargetInfo;
  /** The numeric environment for these options (precision, fma, erfc source, compensation). */
  env(options: Pick<ResolvedOptions, 'precision'>): Omit<AlgoEnv, 'params'>;
  render(ctx: RenderContext): Rendered;
}

/** Thrown by `generateSnippet` for options no target accepts; the message says what is allowed. */
export class SnippetOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnippetOptionsError';
  }
}
