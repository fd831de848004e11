/**
 * What the plot host computes for the Gated view, from the core's gated records: y(g, u) on a
 * grid for the heat map, slices y(g) at fixed u and y(u) at fixed g with both partials, and the
 * kinks and clamps at the chosen parameters. Pure: no `vscode`, no DOM.
 */
import { gated, GATED_SPECS } from '../core/gated';
import { checkParams } from '../core/params';
import { GATED_IDS, type GatedId, type Params } from '../core/types';
import type { GatedData, GatedGuide, GatedInfo, GatedSampleRequest, GatedSlice, XRange } from '../protocol';

/** Points along one slice (enough for a smooth line at any panel width; clamps land on samples only by chance). */
export const SLICE_POINTS = 401;

/** The gated records as data for the Gated view's picker. */
export function gatedCatalogue(): GatedInfo[] {
  return GATED_IDS.map((id) => {
    const s = GATED_SPECS[id];
    return { id, label: s.label, shortLabel: s.shortLabel, params: s.params.map((p) => ({ ...p })), gate: s.gate };
  });
}

/** `count` evenly spaced values from `r.min` to `r.max`, both ends included. */
export function axisValues(r: XRange, count: number): Float64Array {
  const out = new Float64Array(count);
  const step = (r.max - r.min) / (count - 1);
  for (let i = 0; i < count; i++) out[i] = i === count - 1 ? r.max : r.min + i * step;
  return out;
}

function numberOr(p: Params, key: string, fallback: number): number {
  const v = Object.hasOwn(p, key) ? p[key] : undefined;
  return typeof v === 'number' ? v : fallback;
}

/** Kinks and clamps of `fn` at `p`: where the heat map's contours bend and the slices' derivatives jump. */
export function gatedGuides(fn: GatedId, p: Params): GatedGuide[] {
  const spec = GATED_SPECS[fn];
  if (fn === 'reglu') return [{ axis: 'g', at: 0, label: 'g = 0 (ReLU kink)' }];
  if (spec.gateMax === undefined && spec.limit === undefined) return [];
  const limit = numberOr(p, 'limit', spec.limit ?? spec.gateMax ?? 0);
  return [
    { axis: 'g', at: limit, label: `g = ${limit} (gate clamp)` },
    { axis: 'u', at: limit, label: `u = ${limit} (clamp)` },
    { axis: 'u', at: -limit, label: `u = −${limit} (clamp)` },
  ];
}

/**
 * Samples `req`: the grid `y[i·uCount + j] = y(g_i, u_j)` and each slice over the request's range
 * of its varying input. Returns a sentence instead when a parameter is refused (with its range).
 */
export function sampleGated(req: GatedSampleRequest): GatedData | string {
  const p = req.params ?? {};
  const problems = checkParams(req.fn, p);
  if (problems.length > 0) return problems[0]!;
  const unit = gated[req.fn];
  const g = axisValues(req.g, req.gCount);
  const u = axisValues(req.u, req.uCount);
  const y = new Float64Array(g.length * u.length);
  for (let i = 0; i < g.length; i++) {
    for (let j = 0; j < u.length; j++) y[i * u.length + j] = unit.f(g[i]!, u[j]!, p);
  }
  const slices = req.slices.map((s): GatedSlice => {
    const x = axisValues(s.along === 'g' ? req.g : req.u, SLICE_POINTS);
    const ys = new Float64Array(x.length);
    const dg = new Float64Array(x.length);
    const du = new Float64Array(x.length);
    for (let k = 0; k < x.length; k++) {
      const [gv, uv] = s.along === 'g' ? [x[k]!, s.at] : [s.at, x[k]!];
      ys[k] = unit.f(gv, uv, p);
      dg[k] = unit.dg(gv, uv, p);
      du[k] = unit.du(gv, uv, p);
    }
    return { fn: req.fn, along: s.along, at: s.at, x, y: ys, dg, du };
  });
  return { grid: { fn: req.fn, g, u, y }, slices, guides: gatedGuides(req.fn, p) };
}
