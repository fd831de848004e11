/**
 * The plot's Gated view: pick a gated unit y = act(g)·u and its parameters; draws the host's grid
 * of y(g, u) as a heat map (diverging colours centred on 0, a colour bar with values, contour
 * lines traced on the host's grid, kinks and clamps dashed) and two slices, y(g) at a chosen u
 * and y(u) at a chosen g. The slices are ordinary 1-D charts drawn by the plot's own ChartView
 * (crosshair readout, live region, zoom, pins, PNG): curves y, ∂y/∂g, ∂y/∂u with y in a chosen
 * format, or the error of that format. Computes no y: every value drawn is the host's; marching
 * squares only traces the grid it was sent.
 */
import type { GatedId } from '../src/core/types';
import {
  checkRange, DEFAULT_GATED_SELECTION, ERROR_KINDS, type ErrorKind, FORMATS, type Format, type GatedData, type GatedInfo, type GatedSampleRequest,
  type GatedSelection, type GatedShow, type GatedSlice, MAX_GRID_SIDE, X_LIMIT, type XRange,
} from '../src/protocol';
import { type ChartFrame, type ChartSpec, ChartView, type DatasetSpec, errorMaxMark, errorUnit, fmt, type Mark } from './chart';
import { contourLevels, contourSegments } from './contours';
import { segmented } from './controls';
import { swatchOf } from './palette';
import type { Theme } from './theme';
import { el } from './dom';

export type { GatedSelection };

export interface GatedEvents {
  /** The user changed the selection (not yet accepted by the host). */
  onChange(selection: GatedSelection): void;
}

/** Which half of a fused [..., 2d] tensor each library activates (the mistakes users make). */
export const HALF_NOTE = 'Which half is the gate: vLLM *AndMul (SiluAndMul, GeluAndMul) and ggml activate the FIRST half; '
  + 'PyTorch F.glu, Keras and JAX glu put the sigmoid on the SECOND half; vLLM MulAndSilu activates the second half; '
  + 'gpt-oss interleaves them (even elements are the gate g, odd ones u).';

/** Margins of the heat map's plot area inside its canvas (CSS pixels): room for axis labels. */
const M = { left: 40, right: 8, top: 8, bottom: 30 };

type Rgb = readonly [number, number, number];

/** Ends and centre of the diverging scale: blue below 0, red above, the page's own tone at 0. */
function scaleColors(theme: Theme): { neg: Rgb; mid: Rgb; pos: Rgb } {
  const light = theme.kind === 'light' || theme.kind === 'hc-light';
  return light
    ? { neg: [33, 102, 172], mid: [247, 247, 247], pos: [178, 24, 43] }
    : { neg: [103, 169, 255], mid: [30, 30, 30], pos: [255, 110, 90] };
}

/** Colour of t ∈ [−1, 1] (t = y / max|y|) on the diverging scale. */
export function divergingColor(t: number, theme: Theme): Rgb {
  const { neg, mid, pos } = scaleColors(theme);
  if (!Number.isFinite(t)) return mid;
  const end = t < 0 ? neg : pos;
  const a = Math.min(1, Math.abs(t));
  return [0, 1, 2].map((k) => Math.round(mid[k]! + (end[k]! - mid[k]!) * a)) as unknown as Rgb;
}

const ERROR_TEXT: Readonly<Record<ErrorKind, string>> = { abs: 'Absolute', rel: 'Relative', ulp: 'ulps of the format' };

let uid = 0;

/** A number field that calls `apply` with a finite value on change, or says why not next to the view. */
interface NumberField {
  readonly input: HTMLInputElement;
  readonly field: HTMLElement;
}

/** One slice chart: its ChartView and what it shows. */
interface SliceSlot {
  readonly along: 'g' | 'u';
  readonly view: ChartView;
  readonly host: HTMLElement;
}

export class GatedView {
  readonly root: HTMLElement;
  private selection: GatedSelection;
  /** The last selection the host drew: a refused change goes back to it. */
  private accepted: GatedSelection;
  private theme: Theme;
  private readonly unit: HTMLSelectElement;
  private readonly paramsHost: HTMLElement;
  private readonly numbers: Record<'sliceU' | 'sliceG' | 'gMin' | 'gMax' | 'uMin' | 'uMax', HTMLInputElement>;
  private readonly show: { root: HTMLElement; set(v: GatedShow): void };
  private readonly format: HTMLSelectElement;
  private readonly errorKind: HTMLSelectElement;
  private readonly heat: HTMLCanvasElement;
  private readonly bar: HTMLCanvasElement;
  private readonly barLabels: HTMLElement;
  private readonly gateNote: HTMLElement;
  private readonly message: HTMLElement;
  private readonly slices: [SliceSlot, SliceSlot];
  private data: GatedData | undefined;
  private readonly byId: ReadonlyMap<GatedId, GatedInfo>;

  constructor(private readonly units: readonly GatedInfo[], selection: GatedSelection | undefined, theme: Theme, private readonly events: GatedEvents) {
    this.theme = theme;
    this.byId = new Map(units.map((u) => [u.id, u]));
    const start = selection ?? DEFAULT_GATED_SELECTION;
    this.selection = this.byId.has(start.fn) || units.length === 0 ? start : { ...start, fn: units[0]!.id, params: {} };
    this.accepted = this.selection;
    this.unit = el('select', { id: `gated-unit-${uid++}` });
    for (const u of units) this.unit.append(el('option', { value: u.id, text: u.label }));
    this.unit.addEventListener('change', () => {
      const info = this.byId.get(this.unit.value as GatedId);
      if (!info) return;
      this.change({ fn: info.id, params: {} });
      this.renderParams();
    });
    this.paramsHost = el('div', { class: 'gated-params' });
    const number = (label: string, apply: (v: number) => string | null): NumberField => {
      const input = el('input', { type: 'number', id: `gated-num-${uid++}`, step: '0.5' });
      input.addEventListener('change', () => {
        const v = Number(input.value);
        const problem = input.value.trim() === '' || !Number.isFinite(v) ? `${label}: type a number` : apply(v);
        if (problem) {
          this.message.textContent = `Not applied: ${problem}`;
          this.sync(this.selection);
        }
      });
      return { input, field: el('div', { class: 'field' }, el('label', { for: input.id, text: label }), input) };
    };
    const held = (key: 'sliceU' | 'sliceG', name: string) => (v: number): string | null => {
      if (Math.abs(v) > X_LIMIT) return `${name} must lie within ±${X_LIMIT} (got ${v})`;
      this.change({ [key]: v });
      return null;
    };
    const rangeEnd = (axis: 'g' | 'u', end: 'min' | 'max') => (v: number): string | null => {
      const r = { ...this.selection[axis], [end]: v };
      const problem = checkRange(r.min, r.max);
      if (problem) return `${axis} range: ${problem}`;
      this.change({ [axis]: r });
      return null;
    };
    const su = number('Slice y(g) at u', held('sliceU', 'u'));
    const sg = number('Slice y(u) at g', held('sliceG', 'g'));
    const gMin = number('g from', rangeEnd('g', 'min'));
    const gMax = number('g to', rangeEnd('g', 'max'));
    const uMin = number('u from', rangeEnd('u', 'min'));
    const uMax = number('u to', rangeEnd('u', 'max'));
    this.numbers = { sliceU: su.input, sliceG: sg.input, gMin: gMin.input, gMax: gMax.input, uMin: uMin.input, uMax: uMax.input };
    this.show = segmented<GatedShow>('gated-show', 'Slices show', [{ value: 'curves', text: 'Curves' }, { value: 'error', text: 'Error' }], (v) => this.change({ show: v }));
    this.format = el('select', { id: `gated-format-${uid++}` });
    for (const f of FORMATS) this.format.append(el('option', { value: f, text: f }));
    this.format.addEventListener('change', () => this.change({ format: this.format.value as Format }));
    this.errorKind = el('select', { id: `gated-error-${uid++}` });
    for (const k of ERROR_KINDS) this.errorKind.append(el('option', { value: k, text: ERROR_TEXT[k] }));
    this.errorKind.addEventListener('change', () => this.change({ errorKind: this.errorKind.value as ErrorKind }));
    const settings = el('div', { class: 'gated-settings' },
      el('div', { class: 'field' }, el('label', { for: this.unit.id, text: 'Gated unit' }), this.unit),
      this.paramsHost,
      el('div', { class: 'gated-row' }, su.field, sg.field),
      el('div', { class: 'gated-row' }, gMin.field, gMax.field, uMin.field, uMax.field),
      el('div', { class: 'gated-row' },
        el('div', { class: 'field' }, el('span', { class: 'label', text: 'Slices show' }), this.show.root),
        el('div', { class: 'field' }, el('label', { for: this.format.id, text: 'Format' }), this.format),
        el('div', { class: 'field' }, el('label', { for: this.errorKind.id, text: 'Error as' }), this.errorKind)));
    this.message = el('div', { class: 'gated-message', role: 'status' });
    this.heat = el('canvas', { class: 'gated-heat', role: 'img', 'aria-label': 'Heat map of the gated unit' });
    this.bar = el('canvas', { class: 'gated-bar', role: 'img', 'aria-label': 'Colour scale' });
    this.barLabels = el('div', { class: 'gated-bar-labels mono' });
    this.gateNote = el('p', { class: 'gated-note' });
    const slot = (along: 'g' | 'u'): SliceSlot => {
      const host = el('div', { class: 'slice-plot', 'data-along': along });
      const view = new ChartView(host, {
        onRange: (r, final) => {
          if (final) this.change({ [along]: r });
        },
        onResetZoom: () => this.change({ [along]: DEFAULT_GATED_SELECTION[along] }),
        // A pin on one slice moves the other slice there: y(g) at g = x is where y(u) is taken.
        onPin: (x) => this.change(along === 'g' ? { sliceG: x } : { sliceU: x }),
      }, theme);
      const other = along === 'g' ? 'y(u)' : 'y(g)';
      host.setAttribute('aria-label', `Slice y(${along}). Arrow keys move the crosshair, Enter takes the ${other} slice there, + and − zoom ${along}, 0 resets its range.`);
      return { along, view, host };
    };
    this.slices = [slot('g'), slot('u')];
    this.root = el('section', { class: 'gated', 'aria-label': 'Gated view: y(g, u)' },
      settings, this.message,
      el('div', { class: 'gated-map' }, this.heat, el('div', { class: 'gated-scale' }, this.bar, this.barLabels)),
      el('div', { class: 'gated-slices' }, ...this.slices.map((s) => el('div', { class: 'gated-slice' }, s.host))),
      this.gateNote, el('p', { class: 'gated-note', text: HALF_NOTE }));
    this.sync(this.selection);
  }

  get current(): GatedSelection {
    return this.selection;
  }

  /** The slice charts (for tests and the crosshair). */
  get sliceViews(): readonly ChartView[] {
    return this.slices.map((s) => s.view);
  }

  private change(patch: Partial<GatedSelection>): void {
    this.message.textContent = '';
    this.selection = { ...this.selection, ...patch };
    this.sync(this.selection);
    this.events.onChange(this.selection);
  }

  /** Shows `selection` in the controls (after a restore, a refusal or a change). */
  sync(selection: GatedSelection): void {
    const unitChanged = selection.fn !== this.selection.fn || this.paramsHost.childElementCount === 0 || selection.params !== this.selection.params;
    this.selection = selection;
    this.unit.value = selection.fn;
    const n = this.numbers;
    n.sliceU.value = String(selection.sliceU);
    n.sliceG.value = String(selection.sliceG);
    n.gMin.value = String(selection.g.min);
    n.gMax.value = String(selection.g.max);
    n.uMin.value = String(selection.u.min);
    n.uMax.value = String(selection.u.max);
    this.show.set(selection.show);
    this.format.value = selection.format;
    this.errorKind.value = selection.errorKind;
    if (unitChanged) this.renderParams();
  }

  private renderParams(): void {
    const info = this.byId.get(this.selection.fn);
    this.paramsHost.replaceChildren();
    this.gateNote.textContent = info ? `${info.shortLabel}: ${info.gate}` : '';
    for (const spec of info?.params ?? []) {
      const input = el('input', {
        type: 'number', id: `gated-p-${uid++}`, min: String(spec.min), max: String(spec.max), step: String(spec.step),
        value: String(Object.hasOwn(this.selection.params, spec.key) ? this.selection.params[spec.key] : spec.default), title: spec.description,
      });
      const fn = this.selection.fn;
      input.addEventListener('change', () => {
        const v = Number(input.value);
        // A field of the unit picked before (its change fires on blur, after the new pick) is ignored.
        if (this.selection.fn !== fn || input.value.trim() === '' || !Number.isFinite(v)) return;
        this.change({ params: { ...this.selection.params, [spec.key]: v } });
      });
      this.paramsHost.append(el('div', { class: 'field' }, el('label', { for: input.id, text: `${info?.shortLabel ?? ''} ${spec.label}` }), input));
    }
  }

  /** The request for the current selection, the grid sized to the heat map's pixels. */
  request(): GatedSampleRequest {
    const rect = this.heat.getBoundingClientRect();
    const side = (px: number): number => Math.max(16, Math.min(MAX_GRID_SIDE, Math.round(px)));
    const s = this.selection;
    return {
      fn: s.fn, g: s.g, u: s.u, gCount: side(rect.width - M.left - M.right), uCount: side(rect.height - M.top - M.bottom),
      slices: [{ along: 'g', at: s.sliceU }, { along: 'u', at: s.sliceG }], params: s.params, format: s.format, errorKind: s.errorKind,
    };
  }

  /** The host refused the selection: back to the last one it drew, and say why. */
  showRefusal(text: string): GatedSelection {
    this.sync(this.accepted);
    this.message.textContent = text;
    return this.accepted;
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    for (const s of this.slices) s.view.setTheme(theme);
    if (this.data) this.render(this.data);
  }

  /** Draws `data` (the host's answer for the current selection); returns the datasets and points drawn. */
  render(data: GatedData): { datasets: number; points: number; charts: number } {
    this.data = data;
    this.accepted = this.selection;
    this.message.textContent = '';
    const maxAbs = this.drawHeat(data);
    this.drawBar(maxAbs);
    let points = data.grid.y.length;
    let datasets = 1;
    for (const slot of this.slices) {
      const slice = data.slices.find((s) => s.along === slot.along);
      if (!slice) continue;
      const drawn = slot.view.draw(this.sliceFrame(slice, data));
      points += drawn.points;
      datasets += drawn.datasets;
    }
    return { datasets, points, charts: 3 };
  }

  private drawHeat(data: GatedData): number {
    const { g, u, y } = data.grid;
    const nx = g.length, ny = u.length;
    let maxAbs = 0;
    for (const v of y) if (Number.isFinite(v)) maxAbs = Math.max(maxAbs, Math.abs(v));
    const image = new ImageData(nx, ny);
    for (let i = 0; i < nx; i++) {
      for (let j = 0; j < ny; j++) {
        const [r, gr, b] = divergingColor(maxAbs > 0 ? y[i * ny + j]! / maxAbs : 0, this.theme);
        const o = ((ny - 1 - j) * nx + i) * 4; // u grows upwards
        image.data[o] = r;
        image.data[o + 1] = gr;
        image.data[o + 2] = b;
        image.data[o + 3] = 255;
      }
    }
    const canvas = this.heat;
    const rect = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(rect.width * dpr));
    canvas.height = Math.max(1, Math.round(rect.height * dpr));
    const ctx = canvas.getContext('2d');
    if (!ctx) return maxAbs;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const w = rect.width - M.left - M.right, h = rect.height - M.top - M.bottom;
    const off = document.createElement('canvas');
    off.width = nx;
    off.height = ny;
    off.getContext('2d')?.putImageData(image, 0, 0);
    ctx.clearRect(0, 0, rect.width, rect.height);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(off, M.left, M.top, w, h);
    const px = (i: number): number => M.left + (i / (nx - 1)) * w;
    const py = (j: number): number => M.top + h - (j / (ny - 1)) * h;
    // Contours on the host's grid; y = 0 bolder.
    ctx.strokeStyle = this.theme.foreground;
    for (const level of contourLevels(maxAbs)) {
      const seg = contourSegments(y, nx, ny, level);
      ctx.globalAlpha = level === 0 ? 0.9 : 0.45;
      ctx.lineWidth = level === 0 ? 1.5 : 0.75;
      ctx.beginPath();
      for (let k = 0; k < seg.length; k += 4) {
        ctx.moveTo(px(seg[k]!), py(seg[k + 1]!));
        ctx.lineTo(px(seg[k + 2]!), py(seg[k + 3]!));
      }
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    // Kinks and clamps, dashed, where they fall inside the map.
    const gMin = g[0]!, gMax = g[nx - 1]!, uMin = u[0]!, uMax = u[ny - 1]!;
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = this.theme.focus;
    ctx.fillStyle = this.theme.foreground;
    ctx.font = `${this.theme.fontSize - 2}px ${this.theme.fontFamily}`;
    for (const guide of data.guides) {
      ctx.beginPath();
      if (guide.axis === 'g' && guide.at >= gMin && guide.at <= gMax) {
        const x = M.left + ((guide.at - gMin) / (gMax - gMin)) * w;
        ctx.moveTo(x, M.top);
        ctx.lineTo(x, M.top + h);
      } else if (guide.axis === 'u' && guide.at >= uMin && guide.at <= uMax) {
        const yy = M.top + h - ((guide.at - uMin) / (uMax - uMin)) * h;
        ctx.moveTo(M.left, yy);
        ctx.lineTo(M.left + w, yy);
      } else continue;
      ctx.stroke();
    }
    ctx.setLineDash([]);
    // Axes: ends and names.
    ctx.fillStyle = this.theme.muted;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    ctx.fillText(fmt(gMin, 3), M.left, M.top + h + 4);
    ctx.textAlign = 'right';
    ctx.fillText(fmt(gMax, 3), M.left + w, M.top + h + 4);
    ctx.textAlign = 'center';
    ctx.fillText('g (gate)', M.left + w / 2, M.top + h + 14);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'top';
    ctx.fillText(fmt(uMax, 3), M.left - 4, M.top);
    ctx.textBaseline = 'bottom';
    ctx.fillText(fmt(uMin, 3), M.left - 4, M.top + h);
    ctx.textBaseline = 'middle';
    ctx.fillText('u', M.left - 4, M.top + h / 2);
    const info = this.byId.get(data.grid.fn);
    const guides = data.guides.map((x) => x.label).join('; ');
    canvas.setAttribute('aria-label', `Heat map of y(g, u) for ${info?.shortLabel ?? data.grid.fn}, g and u from ${fmt(gMin, 4)} to ${fmt(gMax, 4)}; `
      + `blue below 0, red above, largest |y| ${fmt(maxAbs, 4)}; contour lines every ${fmt(contourLevels(maxAbs)[1]! - contourLevels(maxAbs)[0]!, 3)}`
      + `${guides ? `; dashed: ${guides}` : ''}.`);
    return maxAbs;
  }

  private drawBar(maxAbs: number): void {
    const canvas = this.bar;
    const rect = canvas.getBoundingClientRect();
    const n = Math.max(2, Math.round(rect.width));
    canvas.width = n;
    canvas.height = 1;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const image = new ImageData(n, 1);
    for (let k = 0; k < n; k++) {
      const [r, g, b] = divergingColor(-1 + (2 * k) / (n - 1), this.theme);
      image.data.set([r, g, b, 255], k * 4);
    }
    ctx.putImageData(image, 0, 0);
    const labels = [-maxAbs, 0, maxAbs].map((v) => el('span', { text: fmt(v, 3) }));
    this.barLabels.replaceChildren(...labels);
    canvas.setAttribute('aria-label', `Colour scale: blue −${fmt(maxAbs, 3)}, neutral 0, red ${fmt(maxAbs, 3)}`);
  }

  /** A slice as a 1-D chart frame: curves (y exact faded under y in the format, ∂y/∂g, ∂y/∂u) or the format's error of y. */
  private sliceFrame(s: GatedSlice, data: GatedData): ChartFrame {
    const info = this.byId.get(s.fn);
    const name = info?.shortLabel ?? s.fn;
    const held = s.along === 'g' ? 'u' : 'g';
    const sel = this.selection;
    const range: XRange = { min: s.x[0]!, max: s.x[s.x.length - 1]! };
    const show = sel.show;
    const other = s.along === 'g' ? sel.sliceG : sel.sliceU;
    const specs = (theme: Theme): ChartSpec[] => {
      const light = theme.kind === 'light' || theme.kind === 'hc-light';
      const colour = (slot: number): string => (light ? swatchOf(slot).light : swatchOf(slot).dark);
      // One readout row per quantity (a narrow table that fits a slice), the unit and held input in its caption.
      const base = { width: theme.lineWidth, stepped: false, positiveOnly: false, cell: '', faded: false, inLegend: true };
      const datasets: DatasetSpec[] = [];
      const marks: Mark[] = [];
      const fmtName = s.error?.format ?? sel.format;
      if (show === 'curves') {
        datasets.push({ ...base, key: `${s.along}:y`, label: 'y', color: colour(0), dash: [], ys: s.y, row: 'y', rowColor: colour(0), faded: s.rounded !== undefined, inLegend: s.rounded === undefined });
        if (s.rounded) datasets.push({ ...base, key: `${s.along}:y:r`, label: `y (${fmtName})`, color: colour(0), dash: [], stepped: true, ys: s.rounded, row: `y (${fmtName})`, rowColor: colour(0) });
        datasets.push({ ...base, key: `${s.along}:dg`, label: '∂y/∂g', color: colour(1), dash: [7, 4], ys: s.dg, row: '∂y/∂g', rowColor: colour(1) });
        datasets.push({ ...base, key: `${s.along}:du`, label: '∂y/∂u', color: colour(2), dash: [2, 3], ys: s.du, row: '∂y/∂u', rowColor: colour(2) });
      } else if (s.error) {
        const e = s.error;
        datasets.push({ ...base, key: `${s.along}:err`, label: `y (${e.format}) vs exact y at ${held} = ${fmt(s.at, 4)}`, color: colour(0), dash: [], ys: e.y, positiveOnly: true, row: `y error (${errorUnit(e.kind, e.format).trim().replace(/^\(|\)$/g, '')})`, rowColor: colour(0) });
        if (e.max > 0 && Number.isFinite(e.argmax)) marks.push(errorMaxMark(e.max, e.argmax, errorUnit(e.kind, e.format), colour(0), s.along));
      }
      for (const guide of data.guides) if (guide.axis === s.along) marks.push({ x: guide.at, y: null, color: theme.focus, shape: 'vline', label: guide.label });
      // Where the other slice is taken: the crossing of the two slices on the heat map.
      marks.push({ x: other, y: null, color: theme.muted, shape: 'vline', label: `${s.along} = ${fmt(other, 4)} (other slice)` });
      const errorName = { abs: 'abs. error', rel: 'rel. error', ulp: `${fmtName} ulps` }[s.error?.kind ?? sel.errorKind];
      // Short enough for the axis height; the held input is in the legend and the canvas's name.
      const yTitle = show === 'curves' ? `y(${s.along})` : `${errorName} of y`;
      const what = show === 'curves' ? `y, ∂y/∂g and ∂y/∂u${s.rounded ? ` and y in ${fmtName}` : ''}` : `the ${errorName} of y in ${fmtName}`;
      return [{
        id: `gated:${s.along}:${show}`, log: show === 'error', yTitle, datasets, marks, legend: true, overlayOrders: [], xTicks: true,
        aria: `Slice of ${name}: ${what} against ${s.along} from ${fmt(range.min, 5)} to ${fmt(range.max, 5)} at ${held} = ${fmt(s.at, 4)}.`,
      }];
    };
    return { x: s.x, range, xName: s.along, readoutTitle: `${name} at ${held} = ${fmt(s.at, 4)}`, specs };
  }

  /** The heat map and both slices as one PNG, captioned with the unit, its parameters and each slice's held input. */
  exportPng(): string {
    const parts = [this.heat, ...this.slices.map((s) => s.view.canvases()[0]).filter((c): c is HTMLCanvasElement => c !== undefined)];
    const caption = this.caption();
    const lineH = 18;
    const width = Math.max(...parts.map((c) => c.width), 400);
    const out = document.createElement('canvas');
    out.width = width;
    out.height = parts.reduce((h, c) => h + c.height, 0) + lineH * caption.length + 8;
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas context');
    ctx.fillStyle = this.theme.background;
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.fillStyle = this.theme.foreground;
    ctx.font = `13px ${this.theme.fontFamily}`;
    ctx.textBaseline = 'top';
    caption.forEach((line, i) => ctx.fillText(line, 6, 4 + i * lineH));
    let y = lineH * caption.length + 8;
    for (const c of parts) {
      ctx.drawImage(c, 0, y);
      y += c.height;
    }
    return out.toDataURL('image/png');
  }

  /** What an export says it shows: unit, parameters in force, format and the held input of each slice. */
  caption(): string[] {
    const s = this.accepted;
    const info = this.byId.get(s.fn);
    const params = (info?.params ?? []).map((p) => `${p.label} = ${Object.hasOwn(s.params, p.key) ? s.params[p.key] : p.default}`);
    return [
      `${info?.shortLabel ?? s.fn}${params.length ? ` (${params.join(', ')})` : ''}; g from ${fmt(s.g.min, 5)} to ${fmt(s.g.max, 5)}, u from ${fmt(s.u.min, 5)} to ${fmt(s.u.max, 5)}`,
      `slices: y(g) at u = ${fmt(s.sliceU, 6)}, y(u) at g = ${fmt(s.sliceG, 6)}; ${s.show === 'error' ? `error of y in ${s.format} (${ERROR_TEXT[s.errorKind].toLowerCase()})` : `y in ${s.format}`}`,
    ];
  }

  /** The request behind the drawn data, for a CSV export of the same slices. */
  csvRequest(): GatedSampleRequest {
    return this.request();
  }
}
