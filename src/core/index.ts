/**
 * Public surface of the numeric core: pure TypeScript (no vscode, no DOM), every number the
 * extension shows comes from here.
 *
 * - erf, erfc, normalCdf (Φ), normalPdf (φ): within 1 ulp over all doubles, tails included.
 * - activations: the registry of the 29 functions (FUNCTION_IDS), each with f, f′, f″ and a
 *   batch form, within about 1 ulp of the true values (tested against every line of the
 *   120-digit reference).
 * - gated: the gated units y = act(g′)·(u′ + bias) (GLU, ReGLU, GEGLU, SwiGLU, gpt-oss SwiGLU),
 *   id → { f(g, u), dg(g, u), du(g, u) } at default parameters (an optional third argument
 *   takes the record's params); GATED_SPECS: their records (labels, formulas, params, gate side).
 * - sampling (linspace, evaluate, sampleCurve, resolveParams), approximation error against
 *   exact GELU (approximationError, ulpOf), and float32 / bfloat16 / float16 emulation.
 */
export { erf, erfc, normalCdf, normalPdf } from './erf';
export { activations, formulaText } from './activations';
export { GATED_SPECS, gated, fatreluGated, type GatedSpec, type GatedUnit } from './gated';
export * from './types';
export * from './sample';
export { checkParams } from './params';
export * from './approxError';
export * from './precision';
export { implementations, IMPLEMENTATION_IDS, MODES, isImplementationId, isMode } from './implementations';
export type { Implementation, ImplementationId, Mode } from './implementations';
export { sweep, sweepInputs, advise } from './sweep';
export type { SweepResult, Reference, AdviceRequest, Advice } from './sweep';
