/**
 * The charts: chart.js line charts fed with the host's samples (parsing off, animations off,
 * decimation on), stacked per derivative order or overlaid, with key points, pinned x lines and
 * error maxima drawn onto the canvas (so they appear in exports) and an HTML crosshair that costs
 * no redraw. The webview computes nothing: every value shown is a sample or a number from the host.
 */
import {
  Chart, type ChartConfiguration, type ChartDataset, type ChartOptions, Decimation, Legend, LinearScale, LineController, LineElement,
  LogarithmicScale, type Plugin, PointElement, type Scale,
} from 'chart.js';
import zoomPlugin from 'chartjs-plugin-zoom';
import type { FunctionId, Order } from '../src/core/types';
import type { KeyPoint, PlotData, PlotState, XRange } from '../src/protocol';
import type { Catalogue } from './catalogue';
import { X_LIMIT } from '../src/protocol';
import { paramsInForce } from './params';
import { lightExportTheme, type Theme, withAlpha } from './theme';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Decimation, zoomPlugin);

/** Width reserved for every y axis, so stacked plotting areas line up and the host knows the width. */
export const Y_AXIS_WIDTH = 74;
/** In a chart narrower than NARROW_PX (the side bar at 170 px) the y axis gets less room, the plot more. */
const NARROW_PX = 360;
const Y_AXIS_WIDTH_NARROW = 50;

function yAxisWidth(hostWidth: number): number {
  return hostWidth < NARROW_PX ? Y_AXIS_WIDTH_NARROW : Y_AXIS_WIDTH;
}
/** Horizontal padding of the chart around the plotting area (left + right). */
const PAD_LEFT = 0;
const PAD_RIGHT = 14;

export const ORDER_NAMES: Readonly<Record<Order, string>> = { 0: 'f', 1: 'f′', 2: 'f″' };
/** Dash patterns of overlaid orders, by their place among the orders shown. */
const DASHES: readonly number[][] = [[], [7, 4], [2, 3]];
/** How overlaid orders are drawn, for the axis title: the first solid, the next dashed, then dotted. */
const LINE_KEY: Readonly<Record<number, string>> = { 2: 'solid, dashed', 3: 'solid, dashed, dotted' };

/**
 * The options every line chart of the webview starts from, `overrides` on top: no animation, no
 * parsing (the host's samples arrive as {x, y}), no chart.js events (crosshairs are HTML, hover
 * redraws would cost every dataset), sized by its box.
 */
export function lineChartOptions(overrides: ChartOptions<'line'>): ChartOptions<'line'> {
  return { animation: false, responsive: true, maintainAspectRatio: false, parsing: false, normalized: true, events: [], ...overrides };
}

type AxisFont = { family: string; size: number };

/**
 * A linear or logarithmic axis in the theme's colours: grid, border and tick colours from
 * `theme`, a title when `title` is given; `ticks` add to (or replace) the themed tick options.
 */
export function themedAxis(theme: Theme, font: AxisFont, type: 'linear' | 'logarithmic', title?: string, ticks: Record<string, unknown> = {}): {
  type: 'linear' | 'logarithmic'; grid: { color: string; tickColor: string }; border: { color: string }; ticks: Record<string, unknown>;
  title: { display: boolean; text: string; color: string; font: AxisFont };
} {
  return {
    type,
    grid: { color: theme.grid, tickColor: theme.grid },
    border: { color: theme.axis },
    ticks: { color: theme.muted, font, ...ticks },
    title: { display: title !== undefined, text: title ?? '', color: theme.muted, font },
  };
}

/** A number for people: `digits` significant digits, a true minus sign, exponents as ×10ⁿ-free `e`. */
export function fmt(v: number, digits = 4): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return Object.is(v, -0) ? '−0' : '0';
  const a = Math.abs(v);
  const s = a >= 1e-4 && a < 1e6 ? String(Number(v.toPrecision(digits))) : v.toExponential(digits - 1).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return s.replace(/-/g, '−');
}

/** Like {@link fmt} but keeps trailing zeros (−0.1700), for measured values in labels. */
export function fmtFixed(v: number, digits = 4): string {
  const a = Math.abs(v);
  if (!Number.isFinite(v) || v === 0 || a < 1e-4 || a >= 1e6) return fmt(v, digits);
  return v.toPrecision(digits).replace(/-/g, '−');
}

const SUPERSCRIPT: Readonly<Record<string, string>> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** Tick label of a logarithmic axis: powers of ten as 10ⁿ, nothing between them. */
function logTick(value: number | string): string {
  const v = Number(value);
  const e = Math.round(Math.log10(v));
  if (!(v > 0) || Math.abs(v / 10 ** e - 1) > 1e-9) return '';
  if (e === 0) return '1';
  if (e === 1) return '10';
  return `10${String(e).split('').map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/** Decimals needed to write `step` exactly (to 1e−9 of itself), at most 12. */
function decimalsOf(step: number): number {
  for (let d = 0; d <= 12; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(Math.round(scaled) - scaled) <= 1e-9 * scaled) return d;
  }
  return 12;
}

/**
 * Tick label of a linear axis, short enough for the fixed axis width: fixed decimals from the
 * tick step, or e-notation with just enough digits to tell ticks apart for tiny or huge values.
 */
function linearTick(value: number | string, _index: number, ticks: { value: number }[]): string {
  const v = Number(value);
  if (v === 0) return '0';
  const a = ticks[0]?.value ?? v;
  const b = ticks[1]?.value ?? a;
  const step = Math.abs(b - a) || Math.abs(v);
  const maxAbs = Math.max(...ticks.map((t) => Math.abs(t.value)), Math.abs(v));
  let text: string;
  if (maxAbs >= 1e5 || maxAbs < 1e-3) {
    const digits = Math.min(6, Math.max(0, Math.floor(Math.log10(maxAbs)) - Math.floor(Math.log10(step))));
    text = v.toExponential(digits).replace('e+', 'e');
  } else {
    text = v.toFixed(Math.max(0, -Math.floor(Math.log10(step)), decimalsOf(step)));
  }
  return text.replace(/-/g, '−');
}

interface Pt {
  x: number;
  y: number;
}

type LineDataset = ChartDataset<'line', Pt[]>;
type FadedDataset = LineDataset & { data: Pt[]; geluLegend: boolean };

/** A mark drawn onto a chart: a key point, an error maximum or a pinned x. */
export interface Mark {
  readonly x: number;
  readonly y: number | null;
  readonly color: string;
  readonly shape: 'circle' | 'diamond' | 'triangle' | 'vline';
  readonly label?: string;
  /** A shorter label for tight spots (the full one then shows as the marker's tooltip). */
  readonly shortLabel?: string;
}

export interface DatasetSpec {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly width: number;
  readonly dash: number[];
  readonly stepped: boolean;
  readonly ys: Float64Array;
  /** Log axes show only positive finite values; the rest become gaps. */
  readonly positiveOnly: boolean;
  /** The crosshair readout's row (a function's name) and this dataset's cell label in it ("f′", "f (bfloat16)"). */
  readonly row: string;
  readonly cell: string;
  /** The readout row's swatch colour. */
  readonly rowColor: string;
  /** Drawn faded under the rounded curve. */
  readonly faded: boolean;
  /** Listed in the legend (overlaid f′ and f″ repeat their function's entry, so they are not). */
  readonly inLegend: boolean;
}

export interface ChartSpec {
  readonly id: string;
  readonly log: boolean;
  readonly yTitle: string;
  readonly datasets: DatasetSpec[];
  readonly marks: Mark[];
  readonly legend: boolean;
  /** Orders overlaid in one chart, each with its line style in the legend; empty when stacked. */
  readonly overlayOrders: readonly Order[];
  readonly xTicks: boolean;
  /** The canvas's accessible name. */
  readonly aria: string;
}

/**
 * What a {@link ChartView} draws: charts sharing one x axis (sampled at `x`, shown over
 * `range`, named `xName`), their specs built for a theme (a light export builds them again).
 * The 1-D plot and the Gated view's slices both draw through it.
 */
export interface ChartFrame {
  readonly x: Float64Array;
  readonly range: XRange;
  readonly xName: string;
  /** Said before `x = …` in the crosshair readout and the live region ("SwiGLU at u = 1"). */
  readonly readoutTitle?: string;
  specs(theme: Theme): ChartSpec[];
}

export interface ChartEvents {
  /** The visible range changed by zoom or pan (`final` once the gesture ends). */
  onRange(range: XRange, final: boolean): void;
  onResetZoom(): void;
  onPin(x: number): void;
}

export interface RenderInput {
  readonly data: PlotData;
  readonly state: PlotState;
  readonly catalogue: Catalogue;
}

interface Slot {
  readonly wrapper: HTMLDivElement;
  readonly canvas: HTMLCanvasElement;
  readonly line: HTMLDivElement;
  readonly dots: HTMLDivElement;
  chart: Chart<'line', Pt[]>;
  spec: ChartSpec;
  /** What the chart's options were last built from; unchanged options are not rebuilt (chart.js re-resolves them all). */
  optionsKey: string;
}

const themeIds = new WeakMap<Theme, number>();
let nextThemeId = 1;
function themeId(theme: Theme): number {
  let id = themeIds.get(theme);
  if (id === undefined) {
    id = nextThemeId++;
    themeIds.set(theme, id);
  }
  return id;
}

/** A label as drawn: its box in CSS pixels of the canvas, and whether it is the short form. */
export interface LabelBox {
  readonly text: string;
  readonly l: number;
  readonly t: number;
  readonly r: number;
  readonly b: number;
  readonly short: boolean;
  /** Plotting-area cells (4 px square) with a curve that the box covers; 0 when it is clear of every curve. */
  readonly curveCells: number;
  /** Index of the labelled mark among those passed to {@link placeLabels}. */
  readonly index: number;
}

/** A marker whose label was shortened or had no room: the full text shows as a tooltip on the marker. */
export interface MarkerTip {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly hidden: boolean;
}

export interface LabelLayout {
  readonly boxes: LabelBox[];
  readonly tips: MarkerTip[];
}

const marksByChart = new WeakMap<Chart, { marks: Mark[]; theme: Theme; layout?: LabelLayout }>();

function drawShape(ctx: CanvasRenderingContext2D, shape: Mark['shape'], x: number, y: number, r: number): void {
  ctx.beginPath();
  if (shape === 'circle') ctx.arc(x, y, r, 0, Math.PI * 2);
  else if (shape === 'diamond') {
    ctx.moveTo(x, y - r * 1.3);
    ctx.lineTo(x + r * 1.3, y);
    ctx.lineTo(x, y + r * 1.3);
    ctx.lineTo(x - r * 1.3, y);
    ctx.closePath();
  } else {
    ctx.moveTo(x, y - r * 1.4);
    ctx.lineTo(x + r * 1.3, y + r);
    ctx.lineTo(x - r * 1.3, y + r);
    ctx.closePath();
  }
}

interface Box {
  l: number;
  t: number;
  r: number;
  b: number;
}

const CELL = 4;

/**
 * Which 4-px cells of the plotting area a visible curve passes through, from the (decimated)
 * points chart.js laid out; labels are scored by how many of these cells they would cover.
 */
class CurveGrid {
  private readonly cols: number;
  private readonly rows: number;
  private readonly cells: Uint8Array;

  constructor(chart: Chart, private readonly area: Box) {
    this.cols = Math.max(1, Math.ceil((area.r - area.l) / CELL));
    this.rows = Math.max(1, Math.ceil((area.b - area.t) / CELL));
    this.cells = new Uint8Array(this.cols * this.rows);
    for (let i = 0; i < chart.data.datasets.length; i++) {
      if (!chart.isDatasetVisible(i)) continue;
      const points = chart.getDatasetMeta(i).data;
      let prev: { x: number; y: number } | undefined;
      for (const p of points) {
        const { x, y } = p;
        if (!Number.isFinite(x) || !Number.isFinite(y)) {
          prev = undefined;
          continue;
        }
        this.mark(prev?.x ?? x, prev?.y ?? y, x, y);
        prev = { x, y };
      }
    }
  }

  private col(x: number): number {
    return Math.floor((x - this.area.l) / CELL);
  }

  private row(y: number): number {
    return Math.floor((y - this.area.t) / CELL);
  }

  /** Marks the cells of the segment's bounding box (segments are about a pixel wide after decimation). */
  private mark(x0: number, y0: number, x1: number, y1: number): void {
    const c0 = Math.max(0, this.col(Math.min(x0, x1)));
    const c1 = Math.min(this.cols - 1, this.col(Math.max(x0, x1)));
    const r0 = Math.max(0, this.row(Math.min(y0, y1)));
    const r1 = Math.min(this.rows - 1, this.row(Math.max(y0, y1)));
    for (let c = c0; c <= c1; c++) for (let r = r0; r <= r1; r++) this.cells[r * this.cols + c] = 1;
  }

  /** Curve cells under `box`. */
  count(box: Box): number {
    const c0 = Math.max(0, this.col(box.l));
    const c1 = Math.min(this.cols - 1, this.col(box.r));
    const r0 = Math.max(0, this.row(box.t));
    const r1 = Math.min(this.rows - 1, this.row(box.b));
    let n = 0;
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) n += this.cells[r * this.cols + c] as number;
    return n;
  }
}

const overlaps = (a: Box, b: Box): boolean => !(a.r <= b.l || a.l >= b.r || a.b <= b.t || a.t >= b.b);

interface Pending {
  readonly m: Mark;
  readonly px: number;
  readonly py: number;
}

/**
 * Spots for a label of width `w` and height `h` around a marker at (px, py), nearest first; a
 * pinned x's label goes along the top of the plotting area, row after row.
 */
function candidates(p: Pending, w: number, h: number, area: Box): { l: number; t: number }[] {
  const { px, py } = p;
  if (p.m.shape === 'vline') {
    const out: { l: number; t: number }[] = [];
    for (let row = 0; row < 4; row++) {
      const t = area.t + row * (h + 2);
      out.push({ l: Math.min(px + 4, area.r - w - 1), t }, { l: Math.max(area.l + 1, px - 4 - w), t });
    }
    return out;
  }
  const xs = [px + 8, px - w - 8, px - w / 2];
  const ys = [py - h - 4, py + 4, py - h / 2, py - 2 * h - 6, py + h + 6, py - 3 * h - 8, py + 2 * h + 8, py - 4 * h - 10, py + 3 * h + 10, py - 5 * h - 12];
  const out: { l: number; t: number; d: number }[] = [];
  for (const l of xs) {
    for (const t of ys) {
      // A centred label straight on the marker would cover it.
      if (l === px - w / 2 && t + h > py - 6 && t < py + 6) continue;
      const cx = Math.max(l, Math.min(px, l + w));
      const cy = Math.max(t, Math.min(py, t + h));
      out.push({ l, t, d: Math.hypot(cx - px, cy - py) });
    }
  }
  return out.sort((a, b) => a.d - b.d);
}

/**
 * Places labels so that no two overlap and none covers a marker; among the free spots the one
 * covering the fewest curve cells wins (nearest first on a tie). Preference: the full text clear
 * of curves, the short text clear of curves, the full text over a curve, the short text over a
 * curve; with no free spot at all the label is not drawn and its marker gets a tooltip.
 */
export function placeLabels(
  pending: readonly Pending[], obstacles: Box[], area: Box, grid: { count(box: Box): number },
  measure: (text: string) => number, h: number,
): LabelLayout {
  const boxes: LabelBox[] = [];
  const tips: MarkerTip[] = [];
  const placed: Box[] = [...obstacles];
  for (const [index, p] of pending.entries()) {
    const full = p.m.label as string;
    const texts = p.m.shortLabel !== undefined && p.m.shortLabel !== full ? [full, p.m.shortLabel] : [full];
    let best: (LabelBox & { rank: number }) | undefined;
    for (const [ti, text] of texts.entries()) {
      const w = measure(text);
      for (const c of candidates(p, w + 6, h, area)) {
        const box = { l: c.l, t: c.t, r: c.l + w + 6, b: c.t + h };
        if (box.l < area.l || box.r > area.r || box.t < area.t || box.b > area.b) continue;
        if (placed.some((q) => overlaps(box, q))) continue;
        const curveCells = p.m.shape === 'vline' ? 0 : grid.count(box);
        // Ranks: 0 full & clear, 1 short & clear, 2 full over a curve, 3 short over a curve.
        const rank = (curveCells > 0 ? 2 : 0) + ti;
        if (!best || rank < best.rank || (rank === best.rank && curveCells < best.curveCells)) best = { ...box, text, short: ti > 0, curveCells, index, rank };
        if (curveCells === 0) break;
      }
      if (best && best.rank === ti) break;
    }
    if (!best) {
      tips.push({ x: p.px, y: p.py, text: full, hidden: true });
      continue;
    }
    const box: LabelBox = { text: best.text, l: best.l, t: best.t, r: best.r, b: best.b, short: best.short, curveCells: best.curveCells, index: best.index };
    boxes.push(box);
    placed.push(box);
    if (box.short) tips.push({ x: p.px, y: p.py, text: full, hidden: false });
  }
  return { boxes, tips };
}

/** Draws marks after the datasets, then their labels where {@link placeLabels} found room. */
const marksPlugin: Plugin<'line'> = {
  id: 'geluMarks',
  afterDatasetsDraw(chart) {
    const entry = marksByChart.get(chart);
    if (!entry) return;
    if (entry.marks.length === 0) {
      entry.layout = { boxes: [], tips: [] };
      return;
    }
    const { marks, theme } = entry;
    const { ctx, chartArea: area } = chart;
    const xs = chart.scales.x as Scale;
    const ys = chart.scales.y as Scale;
    // No clip: a marker at the edge of the plotting area is drawn whole (the layout leaves room
    // for it); vertical lines and labels keep inside the area by construction.
    ctx.save();
    const markers: Box[] = [];
    const fontSize = Math.max(10, theme.fontSize - 2);
    ctx.font = `${fontSize}px ${theme.fontFamily}`;
    ctx.textBaseline = 'middle';
    const pending: Pending[] = [];
    for (const m of marks) {
      const px = xs.getPixelForValue(m.x);
      if (px < area.left - 1 || px > area.right + 1) continue;
      if (m.shape === 'vline') {
        ctx.strokeStyle = m.color;
        ctx.lineWidth = 1;
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(Math.round(px) + 0.5, area.top);
        ctx.lineTo(Math.round(px) + 0.5, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        if (m.label) pending.push({ m, px, py: area.top });
        continue;
      }
      if (m.y === null || !Number.isFinite(m.y)) continue;
      const py = ys.getPixelForValue(m.y);
      if (!Number.isFinite(py) || py < area.top - 1 || py > area.bottom + 1) continue;
      drawShape(ctx, m.shape, px, py, 4);
      ctx.fillStyle = theme.background;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = m.color;
      ctx.stroke();
      markers.push({ l: px - 6, t: py - 6, r: px + 6, b: py + 6 });
      if (m.label) pending.push({ m, px, py });
    }
    // Pins first (they own the top row), then key points in the order given (extrema before inflections).
    pending.sort((a, b) => Number(b.m.shape === 'vline') - Number(a.m.shape === 'vline'));
    const box = { l: area.left, t: area.top, r: area.right, b: area.bottom };
    const h = fontSize + 4;
    const layout = placeLabels(pending, markers, box, new CurveGrid(chart, box), (t) => ctx.measureText(t).width, h);
    entry.layout = layout;
    for (const spot of layout.boxes) {
      const { m, px, py } = pending[spot.index] as Pending;
      // A label pushed away from its marker gets a faint leader line back to it.
      const lx = Math.max(spot.l, Math.min(px, spot.r));
      const ly = Math.max(spot.t, Math.min(py, spot.b));
      const dist = Math.hypot(lx - px, ly - py);
      if (m.shape !== 'vline' && dist > 16) {
        ctx.strokeStyle = withAlpha(m.color, 0.5);
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(px + ((lx - px) / dist) * 7, py + ((ly - py) / dist) * 7);
        ctx.lineTo(lx, ly);
        ctx.stroke();
      }
      ctx.fillStyle = withAlpha(theme.background, 0.85);
      ctx.fillRect(spot.l, spot.t, spot.r - spot.l, spot.b - spot.t);
      ctx.fillStyle = m.color;
      ctx.fillText(spot.text, spot.l + 3, spot.t + h / 2);
    }
    ctx.restore();
  },
};

/** The function's short name with its parameters when they differ from the defaults: `QuickGELU (k = 1.5)`. */
function nameWithParams(fn: FunctionId, input: RenderInput): string {
  const info = input.catalogue.get(fn);
  const changed = info ? paramsInForce(info, input.state.params).filter((p) => !p.isDefault) : [];
  const short = input.catalogue.shortLabel(fn);
  return changed.length === 0 ? short : `${short} (${changed.map((p) => `${p.label} = ${p.value}`).join(', ')})`;
}

/** Index of the sample nearest to x in an ascending, evenly spaced grid. */
export function nearestIndex(xs: Float64Array, x: number): number {
  const n = xs.length;
  if (n < 2) return 0;
  const x0 = xs[0] as number;
  const x1 = xs[n - 1] as number;
  return Math.max(0, Math.min(n - 1, Math.round(((x - x0) / (x1 - x0)) * (n - 1))));
}

/** Rounds x to the resolution of one pixel, so a pinned value reads -0.752 rather than -0.75213987. */
export function snapToPixel(x: number, range: XRange, widthPx: number): number {
  const step = (range.max - range.min) / Math.max(1, widthPx);
  const decimals = Math.max(0, Math.min(15, -Math.floor(Math.log10(step))));
  const snapped = Number(x.toFixed(decimals));
  return Object.is(snapped, -0) ? 0 : snapped;
}

export class ChartView {
  private slots: Slot[] = [];
  private frame: ChartFrame | undefined;
  private theme: Theme;
  private readonly datasetCache = new Map<string, FadedDataset>();
  private readonly pointCache = new Map<string, Pt[]>();
  private crosshairX: number | null = null;
  private readonly readout: HTMLDivElement;
  private syncing = false;
  private keyboardCrosshair = false;
  private readonly live: HTMLDivElement;
  private liveTimer: number | undefined;
  private liveText = '';
  private lastAnnounced = 0;
  private holdUntil = 0;

  constructor(private readonly host: HTMLElement, private readonly events: ChartEvents, theme: Theme) {
    this.theme = theme;
    this.readout = document.createElement('div');
    this.readout.className = 'readout';
    this.readout.hidden = true;
    // The readout is for the eye; the live region below says the same in words, throttled.
    this.readout.setAttribute('aria-hidden', 'true');
    this.live = document.createElement('div');
    this.live.className = 'visually-hidden';
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('role', 'status');
    host.append(this.readout, this.live);
    host.tabIndex = 0;
    host.setAttribute('role', 'group');
    host.setAttribute('aria-label', 'Plot. Arrow keys move the crosshair, Enter pins a row, + and − zoom, 0 resets the range.');
    host.addEventListener('keydown', (e) => this.onKey(e));
    host.addEventListener('blur', () => {
      if (this.keyboardCrosshair) this.setCrosshair(null);
    });
  }

  /**
   * Says `text` through the polite live region, at most about twice a second: the last text
   * of a burst (a drag of the crosshair, a wheel zoom) is the one read. `important` texts (pins,
   * zoom) hold the region for a moment against crosshair readouts.
   */
  announce(text: string, important = false): void {
    // A pin or a zoom is not drowned by the crosshair readout that follows it in the redraw.
    const now = performance.now();
    if (!important && now < this.holdUntil) return;
    if (important) this.holdUntil = now + 1500;
    this.liveText = text;
    if (this.liveTimer !== undefined) return;
    const wait = Math.max(0, 500 - (performance.now() - this.lastAnnounced));
    this.liveTimer = window.setTimeout(() => {
      this.liveTimer = undefined;
      this.lastAnnounced = performance.now();
      this.live.textContent = this.liveText;
    }, wait);
  }

  /** Width in CSS pixels of the plotting area the host should sample for. */
  plotWidth(): number {
    const area = this.slots[0]?.chart.chartArea;
    if (area && area.right > area.left) return Math.round(area.right - area.left);
    return Math.max(16, Math.round(this.host.clientWidth - yAxisWidth(this.host.clientWidth) - PAD_LEFT - PAD_RIGHT - 8));
  }

  get chartCount(): number {
    return this.slots.length;
  }

  /** Each chart's labels as last drawn and its markers' tooltips, for tests. */
  labelLayouts(): LabelLayout[] {
    return this.slots.map((s) => marksByChart.get(s.chart)?.layout ?? { boxes: [], tips: [] });
  }

  /** The canvases, for tests. */
  canvases(): HTMLCanvasElement[] {
    return this.slots.map((s) => s.canvas);
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    if (this.frame) this.draw(this.frame);
  }

  /** Draws the 1-D plot's `input`; returns what was drawn. Synchronous: the canvases are painted on return. */
  render(input: RenderInput): { charts: number; datasets: number; points: number } {
    return this.draw({ x: input.data.x, range: input.state.range, xName: 'x', specs: (theme) => buildSpecs(input, theme) });
  }

  /** Draws `frame` (any curves against one x axis); returns what was drawn. Synchronous. */
  draw(frame: ChartFrame): { charts: number; datasets: number; points: number } {
    this.frame = frame;
    const specs = frame.specs(this.theme);
    const structureChanged = specs.length !== this.slots.length || specs.some((s, i) => s.id !== this.slots[i]?.spec.id || s.log !== this.slots[i]?.spec.log);
    if (structureChanged) {
      for (const slot of this.slots) {
        slot.chart.destroy();
        slot.wrapper.remove();
      }
      this.slots = [];
      this.datasetCache.clear();
      this.pointCache.clear();
      this.host.dataset.charts = String(specs.length);
      for (const spec of specs) this.slots.push(this.createSlot(spec, frame.range));
    }
    let datasets = 0;
    let points = 0;
    const used = new Set<string>();
    for (const [i, spec] of specs.entries()) {
      const slot = this.slots[i] as Slot;
      slot.spec = spec;
      const chart = slot.chart;
      chart.data.datasets = spec.datasets.map((d) => this.dataset(d, frame.x, used));
      const key = [spec.id, spec.log, spec.yTitle, spec.legend, spec.xTicks, frame.range.min, frame.range.max, frame.xName, themeId(this.theme), this.host.clientWidth].join('|');
      if (key !== slot.optionsKey) {
        this.applyOptions(chart, spec, frame, this.theme);
        slot.optionsKey = key;
      }
      slot.canvas.setAttribute('aria-label', spec.aria);
      marksByChart.set(chart, { marks: spec.marks, theme: this.theme });
      chart.update('none');
      datasets += spec.datasets.length;
      points += spec.datasets.reduce((n, d) => n + d.ys.length, 0);
    }
    for (const key of [...this.datasetCache.keys()]) {
      if (used.has(key)) continue;
      this.datasetCache.delete(key);
      this.pointCache.delete(key);
    }
    if (this.crosshairX !== null) this.setCrosshair(this.crosshairX);
    return { charts: specs.length, datasets, points };
  }

  /** Shows the crosshair at x on every chart with a readout of each curve's sample there (null hides it). */
  setCrosshair(x: number | null): void {
    this.crosshairX = x;
    const frame = this.frame;
    if (x === null || !frame || this.slots.length === 0) {
      this.readout.hidden = true;
      for (const s of this.slots) {
        s.line.hidden = true;
        s.dots.replaceChildren();
      }
      return;
    }
    const xs = frame.x;
    const i = nearestIndex(xs, x);
    const sx = xs[i] as number;
    const rows = new Map<string, { name: string; color: string; cells: string[] }>();
    let px = 0;
    for (const s of this.slots) {
      const area = s.chart.chartArea;
      px = s.chart.scales.x?.getPixelForValue(sx) ?? 0;
      const inside = px >= area.left - 0.5 && px <= area.right + 0.5;
      s.line.hidden = !inside;
      s.line.style.transform = `translateX(${Math.round(px)}px)`;
      s.line.style.top = `${area.top}px`;
      s.line.style.height = `${area.bottom - area.top}px`;
      const dots: HTMLElement[] = [];
      for (const d of s.spec.datasets) {
        const v = d.ys[i] as number;
        const shown = d.positiveOnly ? (v > 0 && Number.isFinite(v) ? v : NaN) : v;
        const py = s.chart.scales.y?.getPixelForValue(shown) ?? NaN;
        if (inside && Number.isFinite(py) && py >= area.top && py <= area.bottom && !d.faded) {
          const dot = document.createElement('div');
          dot.className = 'dot';
          dot.style.transform = `translate(${Math.round(px)}px, ${Math.round(py)}px)`;
          dot.style.borderColor = d.color;
          dots.push(dot);
        }
        const row = rows.get(d.row) ?? { name: d.row, color: d.rowColor, cells: [] };
        row.cells.push(d.cell === '' ? fmt(v, 6) : `${d.cell} ${fmt(v, 6)}`);
        rows.set(d.row, row);
      }
      s.dots.replaceChildren(...dots);
    }
    const table = document.createElement('table');
    const head = document.createElement('caption');
    const at = `${frame.readoutTitle ? `${frame.readoutTitle}, ` : ''}${frame.xName} = ${fmt(sx, 7)}`;
    head.textContent = at;
    table.append(head);
    for (const row of rows.values()) {
      const tr = table.insertRow();
      const name = tr.insertCell();
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.backgroundColor = row.color;
      name.append(swatch, row.name);
      for (const c of row.cells) tr.insertCell().textContent = c;
    }
    this.readout.replaceChildren(table);
    this.readout.hidden = false;
    this.announce(`${at}: ${[...rows.values()].map((r) => `${r.name} ${r.cells.join(', ')}`).join('; ')}`);
    const hostWidth = this.host.clientWidth;
    const w = this.readout.offsetWidth;
    const left = px + 16 + w > hostWidth ? Math.max(4, px - 16 - w) : px + 16;
    // Just inside the top chart's plotting area, clear of its legend.
    const top = (this.slots[0]?.chart.chartArea.top ?? 0) + 6;
    this.readout.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  /** A PNG of all charts stacked, at twice the resolution, on the theme's or a white background. */
  exportPng(light: boolean): string {
    const theme = light ? lightExportTheme(this.theme) : this.theme;
    const scale = Math.max(2, window.devicePixelRatio || 1);
    const images: HTMLCanvasElement[] = [];
    const frame = this.frame;
    for (const s of this.slots) {
      if (light && frame) {
        const spec = frame.specs(theme)[this.slots.indexOf(s)] ?? s.spec;
        s.chart.data.datasets = spec.datasets.map((d) => this.dataset(d, frame.x, new Set()));
        this.applyOptions(s.chart, spec, frame, theme);
        s.optionsKey = '';
        marksByChart.set(s.chart, { marks: spec.marks, theme });
      }
      const previous = s.chart.options.devicePixelRatio;
      s.chart.options.devicePixelRatio = scale;
      s.chart.resize();
      const copy = document.createElement('canvas');
      copy.width = s.canvas.width;
      copy.height = s.canvas.height;
      copy.getContext('2d')?.drawImage(s.canvas, 0, 0);
      images.push(copy);
      s.chart.options.devicePixelRatio = previous;
    }
    const out = document.createElement('canvas');
    out.width = Math.max(1, ...images.map((c) => c.width));
    out.height = Math.max(1, images.reduce((h, c) => h + c.height, 0));
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas context');
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, out.width, out.height);
    let y = 0;
    for (const c of images) {
      ctx.drawImage(c, 0, y);
      y += c.height;
    }
    // Back to the screen's theme and resolution.
    for (const s of this.slots) s.chart.resize();
    if (light && frame) this.draw(frame);
    return out.toDataURL('image/png');
  }

  destroy(): void {
    for (const s of this.slots) s.chart.destroy();
    this.slots = [];
  }

  private onKey(e: KeyboardEvent): void {
    const frame = this.frame;
    if (!frame) return;
    const { min, max } = frame.range;
    const span = max - min;
    const current = this.crosshairX ?? (min + max) / 2;
    const step = (span / 200) * (e.shiftKey ? 10 : 1);
    const zoom = (factor: number): void => {
      const c = Math.min(max, Math.max(min, current));
      const lo = Math.max(-X_LIMIT, c - (c - min) * factor);
      const hi = Math.min(X_LIMIT, c + (max - c) * factor);
      if (hi - lo > 1e-4) this.events.onRange({ min: lo, max: hi }, true);
    };
    switch (e.key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        this.keyboardCrosshair = true;
        const next = Math.min(max, Math.max(min, current + (e.key === 'ArrowLeft' ? -step : step)));
        this.setCrosshair(next);
        break;
      }
      case 'Enter':
      case ' ':
        this.events.onPin(snapToPixel(current, frame.range, this.plotWidth()));
        break;
      case '+':
      case '=':
        zoom(0.8);
        break;
      case '-':
      case '_':
        zoom(1.25);
        break;
      case '0':
      case 'Home':
        this.events.onResetZoom();
        break;
      case 'Escape':
        this.keyboardCrosshair = false;
        this.setCrosshair(null);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  private createSlot(spec: ChartSpec, range: XRange): Slot {
    const wrapper = document.createElement('div');
    wrapper.className = 'chart';
    wrapper.dataset.chart = spec.id;
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    const line = document.createElement('div');
    line.className = 'crosshair';
    line.hidden = true;
    const dots = document.createElement('div');
    dots.className = 'dots';
    wrapper.append(canvas, line, dots);
    this.host.insertBefore(wrapper, this.readout);
    const config: ChartConfiguration<'line', Pt[]> = {
      type: 'line',
      data: { datasets: [] },
      options: lineChartOptions({
        // The HTML crosshair follows a resize once chart.js has laid the chart out again.
        onResize: () => {
          requestAnimationFrame(() => {
            if (this.crosshairX !== null) this.setCrosshair(this.crosshairX);
          });
        },
        layout: { padding: { left: PAD_LEFT, right: PAD_RIGHT, top: 6, bottom: 2 } },
        elements: { point: { radius: 0, hoverRadius: 0, hitRadius: 0 }, line: { tension: 0, borderJoinStyle: 'round', borderCapStyle: 'round' } },
        scales: {
          x: { type: 'linear', min: range.min, max: range.max },
          y: { type: spec.log ? 'logarithmic' : 'linear' },
        },
        plugins: {
          tooltip: { enabled: false },
          // Largest-triangle-three-buckets down to about one point per pixel: the host samples
          // 1–4 per pixel (for exact readouts and pins); drawing more than one per pixel only costs.
          decimation: { enabled: true, algorithm: 'lttb', samples: 1000, threshold: 1000 },
          zoom: {
            limits: { x: { min: -X_LIMIT, max: X_LIMIT, minRange: 1e-4 } },
            zoom: {
              wheel: { enabled: true, speed: 0.12 },
              pinch: { enabled: true },
              mode: 'x',
              onZoom: ({ chart }) => this.sync(chart, false),
              onZoomComplete: ({ chart }) => this.sync(chart, true),
            },
            pan: {
              enabled: true,
              mode: 'x',
              threshold: 4,
              onPan: ({ chart }) => this.sync(chart, false),
              onPanComplete: ({ chart }) => this.sync(chart, true),
            },
          },
        },
      }),
      plugins: [marksPlugin],
    };
    const chart = new Chart(canvas, config);
    let down: { x: number; y: number } | null = null;
    const xAt = (e: MouseEvent): number | null => {
      const area = chart.chartArea;
      if (e.offsetX < area.left || e.offsetX > area.right) return null;
      return chart.scales.x?.getValueForPixel(e.offsetX) ?? null;
    };
    canvas.addEventListener('pointermove', (e) => {
      this.keyboardCrosshair = false;
      // A marker whose label was shortened or left out shows the full text as a tooltip.
      const tip = marksByChart.get(chart)?.layout?.tips.find((t) => Math.abs(t.x - e.offsetX) <= 7 && Math.abs(t.y - e.offsetY) <= 7);
      if (tip) canvas.title = tip.text;
      else canvas.removeAttribute('title');
      const x = xAt(e);
      this.setCrosshair(x);
    });
    canvas.addEventListener('pointerleave', () => {
      if (!this.keyboardCrosshair) this.setCrosshair(null);
    });
    canvas.addEventListener('pointerdown', (e) => {
      down = { x: e.clientX, y: e.clientY };
    });
    // A click pins, unless it is the first half of a double-click (which resets the range).
    let clickTimer: number | undefined;
    canvas.addEventListener('click', (e) => {
      const moved = down ? Math.hypot(e.clientX - down.x, e.clientY - down.y) : 0;
      down = null;
      const x = xAt(e);
      window.clearTimeout(clickTimer);
      if (moved > 4 || x === null || e.detail > 1) return;
      clickTimer = window.setTimeout(() => {
        if (this.frame) this.events.onPin(snapToPixel(x, this.frame.range, this.plotWidth()));
      }, 250);
    });
    canvas.addEventListener('dblclick', (e) => {
      e.preventDefault();
      window.clearTimeout(clickTimer);
      this.events.onResetZoom();
    });
    return { wrapper, canvas, line, dots, chart, spec, optionsKey: '' };
  }

  /** Keeps every chart on the x range of the one being zoomed or panned. */
  private sync(source: Chart, final: boolean): void {
    if (this.syncing) return;
    const scale = source.scales.x;
    if (!scale) return;
    const range = { min: scale.min, max: scale.max };
    this.syncing = true;
    try {
      for (const s of this.slots) {
        if (s.chart === source) continue;
        const x = s.chart.options.scales?.x;
        if (x) {
          x.min = range.min;
          x.max = range.max;
        }
        s.chart.update('none');
      }
    } finally {
      this.syncing = false;
    }
    if (this.crosshairX !== null) this.setCrosshair(this.crosshairX);
    if (range.max > range.min) this.events.onRange(range, final);
  }

  /**
   * The chart.js dataset for `d`, reusing the object (and its point array) from the last draw:
   * chart.js keys its per-dataset state and point elements on the object's identity, so a new
   * object would rebuild thousands of elements on every redraw.
   */
  private dataset(d: DatasetSpec, xs: Float64Array, used: Set<string>): FadedDataset {
    used.add(d.key);
    const n = xs.length;
    let ds = this.datasetCache.get(d.key);
    // Not ds.data: with decimation on, chart.js puts a getter there that returns the decimated copy.
    let pts = this.pointCache.get(d.key);
    if (!pts || pts.length !== n) {
      pts = new Array<Pt>(n);
      for (let i = 0; i < n; i++) pts[i] = { x: 0, y: 0 };
      this.pointCache.set(d.key, pts);
    }
    const ys = d.ys;
    if (d.positiveOnly) {
      for (let i = 0; i < n; i++) {
        const p = pts[i] as Pt;
        const v = ys[i] as number;
        p.x = xs[i] as number;
        p.y = v > 0 && v < Infinity ? v : NaN;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const p = pts[i] as Pt;
        p.x = xs[i] as number;
        p.y = ys[i] as number;
      }
    }
    const props = {
      label: d.label,
      data: pts,
      borderColor: d.faded ? withAlpha(d.color, 0.45) : d.color,
      backgroundColor: d.color,
      borderWidth: d.faded ? Math.max(1, d.width - 0.75) : d.width,
      borderDash: d.dash,
      stepped: d.stepped ? ('middle' as const) : false,
      // Curves are finite everywhere; only the log axis of the error view needs gaps (at zero error).
      spanGaps: !d.positiveOnly,
      pointRadius: 0,
      indexAxis: 'x' as const,
      geluLegend: d.inLegend,
    };
    if (ds) Object.assign(ds, props);
    else {
      ds = props;
      this.datasetCache.set(d.key, ds);
    }
    return ds;
  }

  private applyOptions(chart: Chart<'line', Pt[]>, spec: ChartSpec, frame: ChartFrame, theme: Theme): void {
    const range = frame.range;
    const narrow = this.host.clientWidth < NARROW_PX;
    const axisWidth = yAxisWidth(this.host.clientWidth);
    const font = { family: theme.fontFamily, size: Math.max(10, theme.fontSize - (narrow ? 2 : 1)) };
    const o = chart.options;
    o.font = font;
    o.color = theme.foreground;
    const x = themedAxis(theme, font, 'linear', frame.xName, { display: spec.xTicks, maxRotation: 0, autoSkipPadding: narrow ? 4 : 14, maxTicksLimit: narrow ? 4 : 11, includeBounds: narrow, callback: linearTick });
    const y = themedAxis(theme, font, spec.log ? 'logarithmic' : 'linear', spec.yTitle, spec.log ? { callback: logTick, autoSkip: true } : { maxTicksLimit: 8, callback: linearTick });
    o.scales = {
      x: { ...x, min: range.min, max: range.max, title: { ...x.title, display: spec.xTicks, padding: 0 } },
      y: {
        ...y,
        title: { ...y.title, color: theme.foreground, font: { ...font, family: theme.monoFamily } },
        afterFit: (scale) => {
          scale.width = axisWidth;
        },
      },
    };
    const plugins = o.plugins;
    if (plugins) {
      const width = Math.max(100, Math.round(chart.chartArea?.width || this.plotWidth()));
      plugins.decimation = { enabled: true, algorithm: 'lttb', samples: width, threshold: Math.round(width * 1.2) };
      plugins.legend = {
        display: spec.legend,
        position: 'top',
        align: 'start',
        labels: {
          color: theme.foreground, font, usePointStyle: true, pointStyle: 'line', boxWidth: 18, padding: 10,
          // One entry per function (and per rounded curve); line styles tell the orders apart.
          filter: (item, data) => (data.datasets[item.datasetIndex ?? -1] as { geluLegend?: boolean } | undefined)?.geluLegend !== false,
          // Overlaid orders: an entry per line style (f solid, f′ dashed, f″ dotted).
          generateLabels: (c) => {
            const items = Chart.defaults.plugins.legend.labels.generateLabels(c);
            for (const [i, o] of spec.overlayOrders.entries()) {
              items.push({ text: ORDER_NAMES[o], strokeStyle: theme.foreground, fillStyle: theme.foreground, fontColor: theme.foreground, lineDash: DASHES[i] ?? [], lineWidth: 1.5, pointStyle: 'line', hidden: false });
            }
            return items;
          },
        },
        onClick: (e, item, legend) => {
          if (item.datasetIndex !== undefined) Chart.defaults.plugins.legend.onClick.call(legend, e, item, legend);
        },
      };
    }
  }

}

/** The 1-D plot's charts: one per derivative order (stacked) or one for all (overlay), curves or errors. */
function buildSpecs(input: RenderInput, theme: Theme): ChartSpec[] {
  const { data, state, catalogue } = input;
  const stacked = state.layout === 'stacked';
  const groups: Order[][] = stacked ? state.orders.map((o) => [o]) : [[...state.orders]];
  const specs: ChartSpec[] = [];
  const pinMarks: Mark[] = state.pins.map((x) => ({ x, y: null, color: theme.muted, shape: 'vline', label: `x = ${fmt(x, 5)}` }));
  for (const [gi, orders] of groups.entries()) {
    const first = gi === 0;
    const last = gi === groups.length - 1;
    const datasets: DatasetSpec[] = [];
    const marks: Mark[] = [];
    const named = new Set<FunctionId>();
    if (state.view === 'curves') {
      for (const c of data.curves) {
        if (!orders.includes(c.order)) continue;
        named.add(c.fn);
        const color = theme.color(c.fn);
        const dash = stacked ? [] : (DASHES[orders.indexOf(c.order)] ?? []);
        const name = nameWithParams(c.fn, input);
        const first = c.order === orders[0];
        const base = { color, width: theme.lineWidth, dash, positiveOnly: false, row: catalogue.shortLabel(c.fn), rowColor: color };
        datasets.push({ ...base, key: `${c.fn}:${c.order}`, label: name, stepped: false, ys: c.y, cell: ORDER_NAMES[c.order], faded: c.rounded !== undefined, inLegend: first && !c.rounded });
        if (c.rounded) {
          datasets.push({ ...base, key: `${c.fn}:${c.order}:r`, label: `${name} (${state.precision})`, stepped: true, ys: c.rounded, cell: `${ORDER_NAMES[c.order]} (${state.precision})`, faded: false, inLegend: first });
        }
      }
      marks.push(...keyPointMarks(data.keyPoints, orders, theme));
    } else {
      for (const e of data.errors) {
        if (!orders.includes(e.order)) continue;
        named.add(e.fn);
        const color = theme.color(e.fn);
        const name = nameWithParams(e.fn, input);
        const vs = e.reference === e.fn ? `exact ${catalogue.shortLabel(e.fn)}` : catalogue.shortLabel(e.reference);
        datasets.push({
          key: `err:${e.fn}:${e.order}`, label: `${name} vs ${vs}${state.precision === 'float64' ? '' : ` (${state.precision})`}`, color,
          width: theme.lineWidth, dash: stacked ? [] : (DASHES[orders.indexOf(e.order)] ?? []), stepped: false, ys: e.y, positiveOnly: true,
          row: catalogue.shortLabel(e.fn), rowColor: color, cell: `${ORDER_NAMES[e.order]} err`, faded: false, inLegend: e.order === orders[0],
        });
        if (e.max > 0 && Number.isFinite(e.argmax)) marks.push(errorMaxMark(e.max, e.argmax, errorUnit(e.kind, state.precision), color, 'x'));
      }
    }
    const what = orders.map((o) => ORDER_NAMES[o]).join(', ');
    const errorName = { abs: 'abs. error', rel: 'rel. error', ulp: `${state.precision} ulps` }[state.errorKind];
    const yTitle = state.view === 'curves' ? (orders.length === 1 ? `${what}(x)` : `${what}  (${LINE_KEY[orders.length]})`) : `${errorName} of ${what}`;
    const names = [...named].map((fn) => nameWithParams(fn, input));
    const r = state.range;
    specs.push({
      id: `${state.view}:${orders.join('')}`,
      log: state.view === 'error',
      yTitle,
      datasets,
      marks: [...marks, ...pinMarks.map((m): Mark => (first ? m : { x: m.x, y: m.y, color: m.color, shape: m.shape }))],
      legend: first,
      overlayOrders: orders.length > 1 ? orders : [],
      xTicks: last,
      aria: `Chart of ${yTitle} for ${names.join(', ') || 'no function'}, x from ${fmt(r.min, 5)} to ${fmt(r.max, 5)}${state.precision === 'float64' ? '' : `, in ${state.precision}`}. The key points are listed below the plot.`,
    });
  }
  return specs;
}

/** How an error figure names its unit: " ulps of bfloat16", " (relative)", " (absolute)". */
export function errorUnit(kind: 'abs' | 'rel' | 'ulp', format: string): string {
  return kind === 'ulp' ? ` ulps of ${format}` : kind === 'rel' ? ' (relative)' : ' (absolute)';
}

/** The triangle at an error maximum, labelled with the value, its unit and where (`xName` = …). */
export function errorMaxMark(max: number, argmax: number, unit: string, color: string, xName: string): Mark {
  return { x: argmax, y: Number.isFinite(max) ? max : null, color, shape: 'triangle', label: `max ${fmt(max, 3)}${unit} at ${xName} = ${fmt(argmax, 4)}`, shortLabel: `max ${fmt(max, 3)}` };
}

/**
 * Key points as marks. The chart of f gets every point (extrema labelled with x and f, inflections
 * with x); the charts of f′ and f″ get the zeros they show, labelled with x. The marker's colour
 * names the function.
 */
function keyPointMarks(points: readonly KeyPoint[], orders: readonly Order[], theme: Theme): Mark[] {
  const marks: Mark[] = [];
  const order = orders.includes(0) ? 0 : orders.includes(1) ? 1 : 2;
  for (const p of points) {
    const color = theme.color(p.fn);
    if (order === 0) {
      const extremum = p.kind === 'minimum' ? 'min' : 'max';
      const label = p.kind === 'inflection' ? `inflection ${fmtFixed(p.x, 4)}` : `${extremum} (${fmtFixed(p.x, 4)}, ${fmtFixed(p.y[0], 4)})`;
      const shortLabel = p.kind === 'inflection' ? `infl. ${fmt(p.x, 3)}` : `${extremum} ${fmt(p.y[0], 3)}`;
      marks.push({ x: p.x, y: p.y[0], color, shape: p.kind === 'inflection' ? 'diamond' : 'circle', label, shortLabel });
    } else if (order === 1 && p.kind !== 'inflection') {
      marks.push({ x: p.x, y: p.y[1], color, shape: 'circle', label: `f′ = 0 at ${fmtFixed(p.x, 4)}`, shortLabel: fmt(p.x, 3) });
    } else if (order === 2 && p.kind === 'inflection') {
      marks.push({ x: p.x, y: p.y[2], color, shape: 'diamond', label: `f″ = 0 at ${fmtFixed(p.x, 4)}`, shortLabel: fmt(p.x, 3) });
    }
  }
  // Extrema first: when labels compete for room, the minimum of GELU wins over an inflection.
  return marks.sort((a, b) => Number(a.shape === 'diamond') - Number(b.shape === 'diamond'));
}
