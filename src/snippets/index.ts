/**
 * Code generation for "GELU Lab: Insert GELU Code…": pure functions, no `vscode`.
 *
 * `generateSnippet(options)` returns the code of one variant for one target. `TARGETS`,
 * `VARIANTS` and `allOptionCombinations()` enumerate everything, so tests and outside checks
 * can generate every combination.
 */
import { activations } from '../core/activations';
import { GATED_SPECS, gatedParam } from '../core/gated';
import { FUNCTION_IDS, GATED_IDS, type Activation, type FunctionId, type GatedId, isFunctionId, isGatedId, type Params } from '../core/types';
import { checkParams } from '../core/params';
import { ALGORITHM_IDS, algorithm } from './algorithms';
import { builtinCalls, builtinSentences } from './builtins';
import { conventionNames, defaultNames, gatedHeaderSentences, headerSentences } from './common';
import { FUSED_TARGETS, fusedName, gateActivation, gatedFns, halfLayout, layoutSentence, partialName } from './gated';
import { resolvePlain, tabStop, toSnippetSyntax } from './emit';
import { erfcHelper } from './erfcCody';
import { usesHelper } from './ir';
import { cFamilyTargets } from './targets/c';
import { fortranTarget } from './targets/fortran';
import { goTarget } from './targets/go';
import { javaTarget } from './targets/java';
import { jsTargets } from './targets/js';
import { juliaTarget } from './targets/julia';
import { matlabTarget } from './targets/matlab';
import { pythonTargets } from './targets/python';
import { rTarget } from './targets/r';
import { rustTarget } from './targets/rust';
import {
  FORMS,
  type Form,
  type ScalarType,
  type ResolvedOptions,
  type Snippet,
  type SnippetNames,
  SnippetOptionsError,
  type SnippetOptions,
  TARGET_IDS,
  type TargetId,
  type TargetInfo,
  type TargetSpec,
  type GatedRender,
  type Rendered,
} from './types';

export * from './types';

const SPECS: readonly TargetSpec[] = [...pythonTargets, ...jsTargets, ...cFamilyTargets, goTarget, juliaTarget, javaTarget, rustTarget, fortranTarget, rTarget, matlabTarget];
const SPEC_BY_ID = new Map<TargetId, TargetSpec>(SPECS.map((s) => [s.info.id, s]));

/** Every target, in the order the quick pick lists them. */
export const TARGETS: readonly TargetInfo[] = TARGET_IDS.map((id) => {
  const s = SPEC_BY_ID.get(id);
  if (s === undefined) throw new Error(`no generator for target ${id}`);
  return s.info;
});

/** Every variant: the registry's functions in registry order (exact GELU and its approximations first). */
export const VARIANTS: readonly Activation[] = ALGORITHM_IDS.map((id) => activations[id]);

export function isTargetId(value: unknown): value is TargetId {
  return typeof value === 'string' && (TARGET_IDS as readonly string[]).includes(value);
}

export function targetInfo(id: TargetId): TargetInfo {
  return (SPEC_BY_ID.get(id) as TargetSpec).info;
}

/**
 * Targets offered first for an editor language (e.g. `python` → PyTorch, TensorFlow, JAX,
 * NumPy, Python); empty when none matches.
 */
export function targetsForLanguage(languageId: string | undefined): TargetInfo[] {
  if (languageId === undefined) return [];
  return TARGETS.filter((t) => t.languages.includes(languageId));
}

/** Fills in defaults and checks the combination; throws {@link SnippetOptionsError} with a clear message. */
export function resolveOptions(options: SnippetOptions): ResolvedOptions {
  const gatedVariant = isGatedId(options.variant);
  if (!gatedVariant && (!isFunctionId(options.variant) || !ALGORITHM_IDS.includes(options.variant))) throw new SnippetOptionsError(`Unknown variant ${JSON.stringify(options.variant)}. Known: ${[...ALGORITHM_IDS, ...GATED_IDS].join(', ')}.`);
  if (!isTargetId(options.target)) throw new SnippetOptionsError(`Unknown target ${JSON.stringify(options.target)}. Known: ${TARGET_IDS.join(', ')}.`);
  const info = targetInfo(options.target);
  const form: Form = options.form ?? 'function';
  if (!info.forms.includes(form)) throw new SnippetOptionsError(`${info.label} offers the form(s) ${info.forms.join(', ')}, not ${JSON.stringify(form)}.`);
  const vectorised = options.vectorised ?? false;
  if (vectorised && !info.vectorisable) throw new SnippetOptionsError(`${info.label} has no separate vectorised form (its code already works on arrays or has none).`);
  const precision: ScalarType = options.precision ?? (info.precisions[0] as ScalarType);
  if (!info.precisions.includes(precision)) throw new SnippetOptionsError(`${info.label} computes in ${info.precisions.join(' or ')}, not ${JSON.stringify(precision)}.`);
  const fused = options.fused ?? false;
  if (fused && !gatedVariant) throw new SnippetOptionsError('The fused [..., 2d] form exists for gated units only (glu, reglu, geglu, swiglu, swiglu_oai).');
  if (fused && !FUSED_TARGETS.includes(options.target)) throw new SnippetOptionsError(`${info.label} has no fused form; it is offered for ${FUSED_TARGETS.map((t) => targetInfo(t).label).join(', ')}.`);
  if (gatedVariant && vectorised) throw new SnippetOptionsError(`${info.label}: gated units have no separate vectorised form${FUSED_TARGETS.includes(options.target) ? ' (the fused form works on whole buffers)' : ''}.`);
  if (gatedVariant && form === 'module' && options.target !== 'pytorch') throw new SnippetOptionsError(`${info.label}: gated units come as functions; only PyTorch offers them as a module.`);
  const paramSpecs = gatedVariant ? GATED_SPECS[options.variant].params : activations[options.variant].params;
  const params: Record<string, number> = {};
  // The core's one check (ranges, xIELU αn > β), shared with the plot and the hovers.
  const known = Object.fromEntries(paramSpecs.flatMap((spec) => (options.params?.[spec.key] === undefined ? [] : [[spec.key, options.params[spec.key]]])));
  const problems = checkParams(options.variant, known);
  if (problems.length > 0) throw new SnippetOptionsError(problems.join(' '));
  for (const spec of paramSpecs) params[spec.key] = (known[spec.key] as number | undefined) ?? spec.default;
  const defaults = defaultNames(options.variant, info.naming);
  const names: SnippetNames = { ...defaults, ...definedNames(options.names) };
  for (const [key, name] of Object.entries(names)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new SnippetOptionsError(`names.${key} must be an identifier, got ${JSON.stringify(name)}.`);
  }
  return { variant: options.variant, target: options.target, withDerivative: options.withDerivative ?? false, form, vectorised, precision, fused, params, names, detailedComments: options.detailedComments ?? false };
}

function definedNames(names: Partial<SnippetNames> | undefined): Partial<SnippetNames> {
  const out: { -readonly [K in keyof SnippetNames]?: string } = {};
  if (names?.forward !== undefined) out.forward = names.forward;
  if (names?.derivative !== undefined) out.derivative = names.derivative;
  if (names?.className !== undefined) out.className = names.className;
  return out;
}

/**
 * The code of `options.variant` for `options.target`: self-contained (imports included),
 * tail-safe, with a header comment naming the variant, constants, source and any built-in
 * framework call. Throws {@link SnippetOptionsError} for an impossible combination.
 */
export function generateSnippet(options: SnippetOptions): Snippet {
  const resolved = resolveOptions(options);
  if (isGatedId(resolved.variant)) return generateGated(resolved, resolved.variant);
  const spec = SPEC_BY_ID.get(resolved.target) as TargetSpec;
  const activation = activations[resolved.variant];
  const env = { ...spec.env(resolved), params: resolved.params as Params };
  const algo = algorithm(resolved.variant, env);
  const fns = resolved.withDerivative ? [algo.f, algo.df] : [algo.f];
  const names: SnippetNames = {
    forward: tabStop(1, resolved.names.forward),
    derivative: tabStop(2, resolved.names.derivative),
    className: tabStop(3, resolved.names.className),
  };
  const base = {
    options: resolved,
    activation,
    algorithm: algo,
    env,
    names,
    erfcHelper: usesHelper(fns, 'erfc') ? erfcHelper() : undefined,
    builtins: builtinSentences(resolved.target, activation, resolved.params),
    builtinCalls: builtinCalls(resolved.target, activation, resolved.params),
  };
  return assemble(spec, resolved, spec.render({ ...base, header: headerSentences(base) }));
}

/** The snippet text from a target's rendering. */
function assemble(spec: TargetSpec, resolved: ResolvedOptions, rendered: Rendered): Snippet {
  const imports = rendered.imports.join('\n');
  const code = [imports, rendered.helpers, rendered.body].filter((p) => p !== '').join(rendered.separator ?? '\n\n');
  const text = `${rendered.header}\n\n${code}\n`;
  return {
    code: toSnippetSyntax(text),
    plainCode: resolvePlain(text),
    languageId: spec.info.languageId,
    fileExtension: spec.info.fileExtension,
    options: resolved,
    imports: rendered.imports,
    notes: rendered.notes,
    parts: {
      header: resolvePlain(rendered.header),
      imports,
      helpers: resolvePlain(rendered.helpers),
      body: resolvePlain(rendered.body),
    },
  };
}

/**
 * A gated unit: the target prints the gate's one-variable activation (and its derivative) as
 * plain functions under their own names, then y(g, u) and the partials that call them.
 */
function generateGated(resolved: ResolvedOptions, id: GatedId): Snippet {
  const spec = SPEC_BY_ID.get(resolved.target) as TargetSpec;
  const act = gateActivation(id, resolved.params);
  // gpt-oss gates with x·σ(α·x): the registry's QuickGELU record at k = α, named for what it is.
  const activation = id === 'swiglu_oai' ? { ...activations[act.id], label: `Swish x·σ(α·x), α = ${gatedParam(id, resolved.params, 'alpha')}` } : activations[act.id];
  const env = { ...spec.env(resolved), params: act.params };
  const algo = algorithm(act.id, env);
  const fns = resolved.withDerivative ? [algo.f, algo.df] : [algo.f];
  // The activation's functions keep plain names (not tab stops): the gated bodies call them.
  const base = conventionNames(act.baseName, spec.info.naming);
  const forward = tabStop(1, resolved.names.forward);
  const derivative = tabStop(2, resolved.names.derivative);
  const gradG = partialName(derivative, 'g', spec.info.naming);
  const gradU = partialName(derivative, 'u', spec.info.naming);
  const layout = halfLayout(id);
  const gated: GatedRender = {
    spec: GATED_SPECS[id],
    fns: gatedFns(id, resolved.params, { act: base.forward, actGrad: base.derivative, forward, gradG, gradU }, env.precision, resolved.withDerivative),
    forward,
    ...(resolved.withDerivative ? { gradG, gradU } : {}),
    ...(resolved.fused ? { fused: { name: fusedName(forward, layout), layout, doc: layoutSentence(id, layout) } } : {}),
  };
  const ctxBase = {
    options: resolved,
    activation,
    algorithm: algo,
    env,
    names: { forward: base.forward, derivative: base.derivative, className: tabStop(3, resolved.names.className) },
    erfcHelper: usesHelper(fns, 'erfc') ? erfcHelper() : undefined,
    builtins: [],
    builtinCalls: [],
    gated,
  };
  return assemble(spec, resolved, spec.render({ ...ctxBase, header: gatedHeaderSentences(ctxBase, id) }));
}

/** Every valid combination of target × variant × derivative × form × vectorised × precision. */
export function allOptionCombinations(): SnippetOptions[] {
  const out: SnippetOptions[] = [];
  for (const t of TARGETS) {
    for (const variant of ALGORITHM_IDS) {
      for (const withDerivative of [false, true]) {
        for (const form of FORMS.filter((f) => t.forms.includes(f))) {
          for (const vectorised of t.vectorisable ? [false, true] : [false]) {
            for (const precision of t.precisions) out.push({ variant, target: t.id, withDerivative, form, vectorised, precision });
          }
        }
      }
    }
    // Gated units: functions (a module in PyTorch), the fused form where offered.
    for (const variant of GATED_IDS) {
      for (const withDerivative of [false, true]) {
        for (const form of FORMS.filter((f) => t.forms.includes(f) && (f === 'function' || t.id === 'pytorch'))) {
          for (const fused of FUSED_TARGETS.includes(t.id) ? [false, true] : [false]) {
            for (const precision of t.precisions) out.push({ variant, target: t.id, withDerivative, form, fused, precision });
          }
        }
      }
    }
  }
  return out;
}

/**
 * Reads options given as a command argument (JSON from a keybinding or a test), any subset of
 * the fields of {@link SnippetOptions}, each checked. Returns them, or a sentence saying what is
 * wrong. The caller asks for the fields that are missing.
 */
export function parsePartialOptions(raw: unknown): Partial<SnippetOptions> | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'Options must be an object such as {"variant": "gelu", "target": "pytorch"}.';
  const o = raw as Record<string, unknown>;
  const known = ['variant', 'target', 'withDerivative', 'form', 'vectorised', 'precision', 'fused', 'params', 'names', 'detailedComments'];
  const unknown = Object.keys(o).filter((k) => !known.includes(k));
  if (unknown.length > 0) return `Unknown option(s) ${unknown.join(', ')}; known: ${known.join(', ')}.`;
  if (o.variant !== undefined && !isFunctionId(o.variant) && !isGatedId(o.variant)) return `variant must be one of ${[...FUNCTION_IDS, ...GATED_IDS].join(', ')}.`;
  if (o.target !== undefined && !isTargetId(o.target)) return `target must be one of ${TARGET_IDS.join(', ')}.`;
  for (const key of ['withDerivative', 'vectorised', 'fused', 'detailedComments'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') return `${key} must be true or false.`;
  }
  if (o.form !== undefined && !FORMS.includes(o.form as Form)) return `form must be one of ${FORMS.join(', ')}.`;
  if (o.precision !== undefined && o.precision !== 'float' && o.precision !== 'double') return 'precision must be "float" or "double".';
  for (const key of ['params', 'names'] as const) {
    const value = o[key];
    if (value === undefined) continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${key} must be an object.`;
    const type = key === 'params' ? 'number' : 'string';
    for (const [k, v] of Object.entries(value)) if (typeof v !== type) return `${key}.${k} must be a ${type}.`;
  }
  return o as Partial<SnippetOptions>;
}

/**
 * Checks what partial options already fix against each other (a form the target lacks, a
 * precision it does not offer, a parameter out of range), before anything is asked.
 * Returns a sentence, or undefined when nothing is wrong yet.
 */
export function checkPartialOptions(given: Partial<SnippetOptions>): string | undefined {
  if (given.target === undefined) return undefined;
  try {
    // A placeholder for the variant still to be picked: a gated one when the fused form is already asked for.
    resolveOptions({ ...given, variant: given.variant ?? (given.fused === true ? 'swiglu' : 'gelu'), target: given.target });
  } catch (e) {
    return e instanceof SnippetOptionsError ? e.message : String(e);
  }
  return undefined;
}

/** Like {@link parsePartialOptions}, but `variant` and `target` are required and the combination is checked. */
export function parseSnippetOptions(raw: unknown): SnippetOptions | string {
  const partial = parsePartialOptions(raw);
  if (typeof partial === 'string') return partial;
  if (partial.variant === undefined) return `variant must be one of ${[...FUNCTION_IDS, ...GATED_IDS].join(', ')}.`;
  if (partial.target === undefined) return `target must be one of ${TARGET_IDS.join(', ')}.`;
  const options = partial as SnippetOptions;
  try {
    resolveOptions(options);
  } catch (e) {
    return e instanceof SnippetOptionsError ? e.message : String(e);
  }
  return options;
}

export type { FunctionId };
