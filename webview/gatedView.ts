/**
 * The plot's Gated view: pick a gated unit y = act(g)·u and its parameters; draws the host's grid
 * of y(g, u) as a heat map (diverging colours centred on 0, a colour bar with values, contour
 * lines traced on the host's grid, kinks and clamps dashed) and two slices as line charts: y(g)
 * at a chosen u and y(u) at a chosen g, each with ∂y/∂g and ∂y/∂u. Computes no y: every value
 * drawn is the host's; marching squares only traces the grid it was sent.
 */
import { Chart, type ChartConfiguration, type ChartDataset, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import type { GatedId } from '../src/core/types';
import { type GatedData, type GatedInfo, type GatedSampleRequest, type GatedSlice, MAX_GRID_SIDE, type XRange } from '../src/protocol';
import { fmt } from './chart';
import { contourLevels, contourSegments } from './contours';
import { swatchOf } from './palette';
import type { Theme } from './theme';
import { el } from './dom';

Chart.register(LineController, LineElement, PointElement, LinearScale);

export interface GatedSelection {
  readonly fn: GatedId;
  readonly params: Readonly<Record<string, number>>;
  /** u of the y(g) slice and g of the y(u) slice. */
  readonly sliceU: number;
  readonly sliceG: number;
}

export interface GatedEvents {
  onChange(): void;
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

let uid = 0;

type Pt = { x: number; y: number | null };

export class GatedView {
  readonly root: HTMLElement;
  private selection: GatedSelection;
  private theme: Theme;
  private readonly unit: HTMLSelectElement;
  private readonly paramsHost: HTMLElement;
  private readonly sliceU: HTMLInputElement;
  private readonly sliceG: HTMLInputElement;
  private readonly heat: HTMLCanvasElement;
  private readonly bar: HTMLCanvasElement;
  private readonly barLabels: HTMLElement;
  private readonly gateNote: HTMLElement;
  private readonly message: HTMLElement;
  private readonly sliceCanvases: [HTMLCanvasElement, HTMLCanvasElement];
  private readonly charts: (Chart<'line', Pt[]> | undefined)[] = [undefined, undefined];
  private data: GatedData | undefined;
  private readonly byId: ReadonlyMap<GatedId, GatedInfo>;

  constructor(private readonly units: readonly GatedInfo[], theme: Theme, private readonly events: GatedEvents) {
    this.theme = theme;
    this.byId = new Map(units.map((u) => [u.id, u]));
    const first = units.find((u) => u.id === 'swiglu') ?? units[0];
    this.selection = { fn: first?.id ?? 'swiglu', params: {}, sliceU: 1, sliceG: 1 };
    this.unit = el('select', { id: `gated-unit-${uid++}` });
    for (const u of units) this.unit.append(el('option', { value: u.id, text: u.label }));
    this.unit.value = this.selection.fn;
    this.unit.addEventListener('change', () => {
      const info = this.byId.get(this.unit.value as GatedId);
      if (!info) return;
      this.selection = { ...this.selection, fn: info.id, params: {} };
      this.renderParams();
      this.events.onChange();
    });
    this.paramsHost = el('div', { class: 'gated-params' });
    const number = (label: string, value: number, apply: (v: number) => void): { input: HTMLInputElement; field: HTMLElement } => {
      const input = el('input', { type: 'number', id: `gated-num-${uid++}`, step: '0.5', value: String(value) });
      input.addEventListener('change', () => {
        const v = Number(input.value);
        if (input.value.trim() === '' || !Number.isFinite(v)) return;
        apply(v);
        this.events.onChange();
      });
      return { input, field: el('div', { class: 'field' }, el('label', { for: input.id, text: label }), input) };
    };
    const su = number('Slice y(g) at u', 1, (v) => (this.selection = { ...this.selection, sliceU: v }));
    const sg = number('Slice y(u) at g', 1, (v) => (this.selection = { ...this.selection, sliceG: v }));
    this.sliceU = su.input;
    this.sliceG = sg.input;
    const settings = el('div', { class: 'gated-settings' },
      el('div', { class: 'field' }, el('label', { for: this.unit.id, text: 'Gated unit' }), this.unit),
      this.paramsHost, el('div', { class: 'gated-row' }, su.field, sg.field));
    this.message = el('div', { class: 'gated-message', role: 'status' });
    this.heat = el('canvas', { class: 'gated-heat', role: 'img', 'aria-label': 'Heat map of the gated unit' });
    this.bar = el('canvas', { class: 'gated-bar', role: 'img', 'aria-label': 'Colour scale' });
    this.barLabels = el('div', { class: 'gated-bar-labels mono' });
    this.gateNote = el('p', { class: 'gated-note' });
    this.sliceCanvases = [el('canvas', { role: 'img', 'aria-label': 'Slice y(g)' }), el('canvas', { role: 'img', 'aria-label': 'Slice y(u)' })];
    this.root = el('section', { class: 'gated', 'aria-label': 'Gated view: y(g, u)' },
      settings, this.message,
      el('div', { class: 'gated-map' }, this.heat, el('div', { class: 'gated-scale' }, this.bar, this.barLabels)),
      el('div', { class: 'gated-slices' },
        el('div', { class: 'gated-slice' }, this.sliceCanvases[0]), el('div', { class: 'gated-slice' }, this.sliceCanvases[1])),
      this.gateNote, el('p', { class: 'gated-note', text: HALF_NOTE }));
    this.renderParams();
  }

  get current(): GatedSelection {
    return this.selection;
  }

  private renderParams(): void {
    const info = this.byId.get(this.selection.fn);
    this.paramsHost.replaceChildren();
    this.gateNote.textContent = info ? `${info.shortLabel}: ${info.gate}` : '';
    for (const spec of info?.params ?? []) {
      const input = el('input', {
        type: 'number', id: `gated-p-${uid++}`, min: String(spec.min), max: String(spec.max), step: String(spec.step),
        value: String(this.selection.params[spec.key] ?? spec.default), title: spec.description,
      });
      const fn = this.selection.fn;
      input.addEventListener('change', () => {
        const v = Number(input.value);
        // A field of the unit picked before (its change fires on blur, after the new pick) is ignored.
        if (this.selection.fn !== fn || input.value.trim() === '' || !Number.isFinite(v)) return;
        this.selection = { ...this.selection, params: { ...this.selection.params, [spec.key]: v } };
        this.events.onChange();
      });
      this.paramsHost.append(el('div', { class: 'field' }, el('label', { for: input.id, text: `${info?.shortLabel ?? ''} ${spec.label}` }), input));
    }
  }

  /** The request for the current selection over `range` (both g and u), the grid sized to the heat map's pixels. */
  request(range: XRange): GatedSampleRequest {
    const rect = this.heat.getBoundingClientRect();
    const side = (px: number): number => Math.max(16, Math.min(MAX_GRID_SIDE, Math.round(px)));
    const s = this.selection;
    return {
      fn: s.fn, g: range, u: range, gCount: side(rect.width - M.left - M.right), uCount: side(rect.height - M.top - M.bottom),
      slices: [{ along: 'g', at: s.sliceU }, { along: 'u', at: s.sliceG }], params: s.params,
    };
  }

  showRefusal(text: string): void {
    this.message.textContent = text;
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    if (this.data) this.render(this.data);
  }

  /** Draws `data`; returns the datasets and points drawn (for the draw report). */
  render(data: GatedData): { datasets: number; points: number } {
    this.data = data;
    this.message.textContent = '';
    const maxAbs = this.drawHeat(data);
    this.drawBar(maxAbs);
    let points = data.grid.y.length;
    data.slices.forEach((s, k) => {
      if (k < 2) points += this.drawSlice(k, s, data);
    });
    return { datasets: 1 + 3 * Math.min(2, data.slices.length), points };
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

  private drawSlice(k: number, s: GatedSlice, data: GatedData): number {
    const theme = this.theme;
    const light = theme.kind === 'light' || theme.kind === 'hc-light';
    const colour = (slot: number): string => (light ? swatchOf(slot).light : swatchOf(slot).dark);
    const series: [string, Float64Array, number, number[]][] = [
      ['y', s.y, 0, []], ['∂y/∂g', s.dg, 1, [6, 3]], ['∂y/∂u', s.du, 2, [2, 3]],
    ];
    let points = 0;
    const datasets: ChartDataset<'line', Pt[]>[] = series.map(([label, ys, slot, dash]) => {
      const pts: Pt[] = new Array<Pt>(s.x.length);
      for (let i = 0; i < s.x.length; i++) pts[i] = { x: s.x[i]!, y: Number.isFinite(ys[i]!) ? ys[i]! : null };
      points += pts.length;
      return { label, data: pts, borderColor: colour(slot), backgroundColor: colour(slot), borderWidth: theme.lineWidth, borderDash: dash, pointRadius: 0 };
    });
    const font = { family: theme.fontFamily, size: theme.fontSize - 1 };
    const fixed = s.along === 'g' ? `u = ${fmt(s.at, 4)}` : `g = ${fmt(s.at, 4)}`;
    const name = data.grid.fn;
    const config: ChartConfiguration<'line', Pt[]> = {
      type: 'line',
      data: { datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, parsing: false, normalized: true, events: [],
        layout: { padding: { left: 0, right: 10, top: 4, bottom: 2 } },
        scales: {
          x: {
            type: 'linear', min: s.x[0]!, max: s.x[s.x.length - 1]!,
            title: { display: true, text: `${s.along} (${fixed})`, color: theme.muted, font },
            grid: { color: theme.grid }, border: { color: theme.axis }, ticks: { color: theme.muted, font, maxTicksLimit: 7 },
          },
          y: { type: 'linear', grid: { color: theme.grid }, border: { color: theme.axis }, ticks: { color: theme.muted, font, maxTicksLimit: 6 } },
        },
        plugins: { legend: { display: true, labels: { color: theme.foreground, font, boxHeight: 2 } }, tooltip: { enabled: false } },
      },
    };
    this.charts[k]?.destroy();
    const canvas = this.sliceCanvases[k]!;
    this.charts[k] = new Chart(canvas, config);
    canvas.setAttribute('aria-label', `Slice of ${this.byId.get(name)?.shortLabel ?? name}: y, ∂y/∂g and ∂y/∂u against ${s.along} at ${fixed}.`);
    return points;
  }

  exportPng(): string {
    return this.heat.toDataURL('image/png');
  }
}
