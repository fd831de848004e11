/**
 * What the plot host computes for the Gated view, from the core's gated records: y(g, u) on a
 * grid for the heat map, slices y(g) at fixed u and y(u) at fixed g with both partials, and the
 * kinks and clamps at the chosen parameters. Pure: no `vscode`, no DOM.
 */
import { gated, GATED_SPECS } from '../core/gated';
import { gatedInFormat } from '../core/gatedInFormat';
import { checkParams } from '../core/params';
import type { Format } from '../core/precision';
import { GATED_IDS, type GatedId, type Params } from '../core/types';
import type { ErrorKind, GatedData, GatedGuide, GatedInfo, GatedSampleRequest, GatedSlice, XRange } from '../protocol';
import { csvNumber, errorAgainst } from './sampling';

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
    const format = req.format;
    if (format === undefined || format === 'float64') return { fn: req.fn, along: s.along, at: s.at, x, y: ys, dg, du };
    const rounded = new Float64Array(x.length);
    for (let k = 0; k < x.length; k++) {
      const [gv, uv] = s.along === 'g' ? [x[k]!, s.at] : [s.at, x[k]!];
      rounded[k] = gatedInFormat(req.fn, gv, uv, p, format);
    }
    const kind = req.errorKind ?? 'ulp';
    return { fn: req.fn, along: s.along, at: s.at, x, y: ys, dg, du, rounded, error: { ...errorAgainst(rounded, ys, x, kind, format), kind, format } };
  });
  return { grid: { fn: req.fn, g, u, y }, slices, guides: gatedGuides(req.fn, p) };
}

const ERROR_UNIT: Readonly<Record<ErrorKind, (f: Format) => string>> = { abs: () => 'absolute', rel: () => 'relative', ulp: (f) => `ulps of ${f}` };

/**
 * The slices of `data` as CSV (RFC 4180, `\r\n`): `#` lines naming the unit, its parameters (all,
 * defaults included), the format and error unit, then per slice a block headed by the held input
 * (`# slice: y(g) at u = 1`) and the columns `g|u,y,dy_dg,dy_du[,y_<format>,error_<kind>]`.
 */
export function gatedCsv(data: GatedData, req: GatedSampleRequest): string {
  const spec = GATED_SPECS[req.fn];
  const p = req.params ?? {};
  const params = spec.params.map((s) => `${s.key}=${csvNumber(numberOr(p, s.key, s.default))}`);
  const format = req.format ?? 'float64';
  const lines = [
    '# GELU Lab export: gated unit',
    `# unit: ${req.fn} (${spec.shortLabel}), y = act(g)·u; g is the gate`,
    `# parameters: ${params.length === 0 ? 'none' : params.join(' ')}`,
    `# format: ${format}${format === 'float64' ? '' : ' (y_<format>: a fused kernel op by op in the format; y, dy_dg, dy_du are exact)'}`,
  ];
  const withError = data.slices.some((s) => s.error);
  if (withError) lines.push(`# error: ${ERROR_UNIT[req.errorKind ?? 'ulp'](format)} of y_${format} against y`);
  for (const s of data.slices) {
    const held = s.along === 'g' ? 'u' : 'g';
    lines.push(`# slice: y(${s.along}) at ${held} = ${csvNumber(s.at)}, ${s.along} from ${csvNumber(s.x[0]!)} to ${csvNumber(s.x[s.x.length - 1]!)}`);
    const cols: [string, Float64Array][] = [[s.along, s.x], ['y', s.y], ['dy_dg', s.dg], ['dy_du', s.du]];
    if (s.rounded) cols.push([`y_${format}`, s.rounded]);
    if (s.error) cols.push([`error_${s.error.kind}`, s.error.y]);
    lines.push(cols.map((c) => c[0]).join(','));
    for (let k = 0; k < s.x.length; k++) lines.push(cols.map((c) => csvNumber(c[1][k]!)).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
