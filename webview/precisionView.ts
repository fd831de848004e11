/**
 * The plot's Precision view: pick implementations (op-by-op code in a format), a format and a
 * mode; draws the host's error in ulps of the format against x on a log axis, shades the x
 * intervals where an implementation gives NaN, ±∞, 0 or the wrong sign, and shows the host's
 * sweep table with a "Copy table" (Markdown) button. Computes nothing: every number is the host's.
 */
import {
  Chart, type ChartConfiguration, type ChartDataset, LinearScale, LineController, LineElement, LogarithmicScale, type Plugin, PointElement,
} from 'chart.js';
import {
  type Band, type BandKind, FORMATS, type Format, type ImplementationId, type ImplementationInfo, MAX_PRECISION_IMPLEMENTATIONS, MODES, type Mode,
  type PrecisionData, type PrecisionSelection, type XRange,
} from '../src/protocol';
import { fmt, lineChartOptions, themedAxis } from './chart';
import { swatchOf } from './palette';
import { type Theme, withAlpha } from './theme';
import { el } from './dom';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale);

export interface PrecisionEvents {
  onChange(selection: PrecisionSelection): void;
  onCopy(markdown: string): void;
}

const BAND_TEXT: Readonly<Record<BandKind, string>> = { nan: 'NaN', inf: '±∞ (overflow)', zero: '0 where nonzero (flush to zero)', sign: 'wrong sign' };
const MODE_TEXT: Readonly<Record<Mode, string>> = { 'per-op': 'per-op', 'fp32-opmath': 'fp32 opmath' };

/** Shade of a failure kind: theme-independent hues (red NaN, orange ∞, blue zero, purple sign) from the palette. */
function bandColor(kind: BandKind, theme: Theme): string {
  const slot = { nan: 7, inf: 1, zero: 0, sign: 3 }[kind];
  const s = swatchOf(slot);
  return theme.kind === 'light' || theme.kind === 'hc-light' ? s.light : s.dark;
}

let uid = 0;

type Pt = { x: number; y: number | null };

export class PrecisionView {
  readonly root: HTMLElement;
  private selection: PrecisionSelection;
  private theme: Theme;
  private readonly boxes = new Map<ImplementationId, HTMLInputElement>();
  private readonly swatches = new Map<ImplementationId, HTMLElement>();
  private readonly format: HTMLSelectElement;
  private readonly modeInputs: HTMLInputElement[] = [];
  private readonly chartHost: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly legend: HTMLElement;
  private readonly tableHost: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly message: HTMLElement;
  private chart: Chart<'line', Pt[]> | undefined;
  private data: PrecisionData | undefined;
  private range: XRange = { min: -1, max: 1 };
  private readonly index: ReadonlyMap<ImplementationId, number>;

  constructor(private readonly implementations: readonly ImplementationInfo[], selection: PrecisionSelection, theme: Theme, private readonly events: PrecisionEvents) {
    this.selection = selection;
    this.theme = theme;
    this.index = new Map(implementations.map((f, i) => [f.id, i]));
    const picks = el('div', { class: 'checks precision-picks', role: 'group', 'aria-label': 'Implementations' });
    for (const f of implementations) {
      const box = el('input', { type: 'checkbox', id: `prec-impl-${uid++}`, value: f.id });
      box.addEventListener('change', () => this.toggle(f.id, box));
      const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      this.boxes.set(f.id, box);
      this.swatches.set(f.id, swatch);
      picks.append(el('label', { class: 'check', for: box.id, title: f.expression }, box, swatch, el('span', { class: 'mono', text: f.id })));
    }
    this.format = el('select', { id: `prec-format-${uid++}` });
    for (const f of FORMATS) this.format.append(el('option', { value: f, text: f }));
    this.format.addEventListener('change', () => this.change({ format: this.format.value as Format }));
    // The same radio-group markup as the view switch (controls.ts): one Tab stop, arrows move.
    const modes = el('div', { class: 'segmented', role: 'radiogroup', 'aria-label': 'Compute mode' });
    const group = `prec-mode-${uid++}`;
    for (const m of MODES) {
      const input = el('input', { type: 'radio', name: group, id: `${group}-${m}`, value: m });
      input.addEventListener('change', () => {
        if (input.checked) this.change({ mode: m });
      });
      this.modeInputs.push(input);
      modes.append(input, el('label', { for: input.id, text: MODE_TEXT[m] }));
    }
    this.message = el('div', { class: 'message', role: 'alert' });
    const settings = el('div', { class: 'precision-settings' },
      el('div', { class: 'field' }, el('span', { class: 'label', text: 'Implementations' }), picks),
      el('div', { class: 'precision-row' },
        el('div', { class: 'field' }, el('label', { for: this.format.id, text: 'Format' }), this.format),
        el('div', { class: 'field' }, el('span', { class: 'label', text: 'Mode' }), modes)),
      this.message);
    this.canvas = el('canvas', { role: 'img' });
    this.chartHost = el('div', { class: 'chart precision-chart' }, this.canvas);
    this.legend = el('div', { class: 'precision-legend' });
    this.notes = el('div', { class: 'precision-notes' });
    this.tableHost = el('section', { class: 'precision-table', 'aria-label': 'Sweep table' });
    this.root = el('section', { class: 'precision', 'aria-label': 'Precision view' }, settings, this.chartHost, this.legend, this.notes, this.tableHost);
    this.sync(selection);
  }

  /** Width of the plotting area in CSS pixels (the host samples at this resolution). */
  plotWidth(): number {
    const area = this.chart?.chartArea;
    const w = area ? area.right - area.left : this.chartHost.clientWidth - 80;
    return Math.max(16, Math.min(8192, Math.round(w)));
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.sync(this.selection);
    if (this.data) this.render(this.data, this.range);
  }

  sync(selection: PrecisionSelection): void {
    this.selection = selection;
    for (const [id, box] of this.boxes) box.checked = selection.implementations.includes(id);
    for (const [id, s] of this.swatches) s.style.backgroundColor = this.color(id);
    this.format.value = selection.format;
    for (const i of this.modeInputs) i.checked = i.value === selection.mode;
  }

  /** Says why the host refused the last choice (the view keeps the last good one). */
  showRefusal(message: string): void {
    this.message.textContent = message;
  }

  private color(id: ImplementationId): string {
    const s = swatchOf(this.index.get(id) ?? 0);
    return this.theme.kind === 'light' || this.theme.kind === 'hc-light' ? s.light : s.dark;
  }

  private toggle(id: ImplementationId, box: HTMLInputElement): void {
    const on = new Set(this.selection.implementations);
    if (box.checked) on.add(id);
    else on.delete(id);
    if (on.size === 0 || on.size > MAX_PRECISION_IMPLEMENTATIONS) {
      box.checked = !box.checked;
      this.message.textContent = on.size === 0 ? 'Keep at least one implementation.' : `At most ${MAX_PRECISION_IMPLEMENTATIONS} implementations at once.`;
      return;
    }
    this.change({ implementations: this.implementations.map((f) => f.id).filter((i) => on.has(i)) });
  }

  private change(patch: Partial<PrecisionSelection>): void {
    this.message.textContent = '';
    this.selection = { ...this.selection, ...patch };
    this.events.onChange(this.selection);
  }

  /** Draws the host's reply on `range`; returns what it drew, for the draw report. */
  render(data: PrecisionData, range: XRange): { datasets: number; points: number } {
    this.data = data;
    this.range = range;
    const theme = this.theme;
    const unit = `ulps of ${data.format}`;
    let points = 0;
    const datasets: ChartDataset<'line', Pt[]>[] = data.series.map((s) => {
      const pts: Pt[] = new Array<Pt>(data.x.length);
      for (let i = 0; i < data.x.length; i++) {
        const y = s.y[i]!;
        // Exact points (0 ulps) and unmeasurable ones are gaps on the log axis; the notes count them.
        pts[i] = { x: data.x[i]!, y: y > 0 && Number.isFinite(y) ? y : null };
        if (pts[i]!.y !== null) points++;
      }
      const color = this.color(s.impl);
      return {
        label: s.impl, data: pts, borderColor: color, backgroundColor: color, borderWidth: theme.lineWidth, pointRadius: 1.5,
        pointBorderWidth: 0, spanGaps: false,
      };
    });
    const font = { family: theme.fontFamily, size: theme.fontSize - 1 };
    const bands = data.bands;
    const lanes = data.series.map((s) => s.impl);
    const bandsPlugin: Plugin<'line'> = {
      id: 'precisionBands',
      beforeDatasetsDraw: (chart) => {
        const { ctx, chartArea: a, scales } = chart;
        const xs = scales.x;
        if (!xs) return;
        ctx.save();
        for (const b of bands) {
          const left = Math.max(a.left, xs.getPixelForValue(b.from));
          const right = Math.min(a.right, xs.getPixelForValue(b.to));
          if (right < a.left || left > a.right) continue;
          const w = Math.max(1, right - left);
          const color = bandColor(b.kind, theme);
          ctx.fillStyle = withAlpha(color, 0.14);
          ctx.fillRect(left, a.top, w, a.bottom - a.top);
          // A strip per implementation along the bottom says whose failure it is.
          const lane = lanes.indexOf(b.impl);
          ctx.fillStyle = withAlpha(color, 0.85);
          ctx.fillRect(left, a.bottom - 6 * (lane + 1), w, 5);
        }
        ctx.restore();
      },
    };
    const config: ChartConfiguration<'line', Pt[]> = {
      type: 'line',
      data: { datasets },
      options: lineChartOptions({
        layout: { padding: { left: 0, right: 14, top: 6, bottom: 2 } },
        scales: {
          x: { ...themedAxis(theme, font, 'linear', 'x', { maxTicksLimit: 8 }), min: range.min, max: range.max },
          y: themedAxis(theme, font, 'logarithmic', `error (${unit})`, { autoSkip: true }),
        },
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
      }),
      plugins: [bandsPlugin],
    };
    this.chart?.destroy();
    this.chart = new Chart(this.canvas, config);
    this.canvas.setAttribute('aria-label', `Error in ${unit} (log scale) against x from ${fmt(range.min, 5)} to ${fmt(range.max, 5)} for ${data.series.map((s) => s.impl).join(', ')}, mode ${data.mode}.`);
    this.renderLegend(data);
    this.renderTable(data);
    return { datasets: datasets.length, points };
  }

  private renderLegend(data: PrecisionData): void {
    const items: HTMLElement[] = data.series.map((s) => {
      const sw = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      sw.style.backgroundColor = this.color(s.impl);
      return el('span', { class: 'legend-item' }, sw, el('span', { class: 'mono', text: s.impl }));
    });
    const kinds = new Set(data.bands.map((b) => b.kind));
    for (const k of kinds) {
      const sw = el('span', { class: 'swatch band', 'aria-hidden': 'true' });
      sw.style.backgroundColor = withAlpha(bandColor(k, this.theme), 0.6);
      items.push(el('span', { class: 'legend-item' }, sw, BAND_TEXT[k]));
    }
    this.legend.replaceChildren(...items);
    // The bands as text: what the shading says, for screen readers and for reading exact ends.
    const lines = bandSentences(data.bands).map((t) => el('div', { class: 'summary-line note', text: t }));
    const notes = data.notes.map((t) => el('div', { class: 'summary-line note', text: t }));
    const all = [...lines, ...notes];
    if (all.length > 4) {
      const more = el('details', {}, el('summary', { text: `${all.length - 4} more` }), ...all.slice(4));
      this.notes.replaceChildren(...all.slice(0, 4), more);
    } else this.notes.replaceChildren(...all);
  }

  private renderTable(data: PrecisionData): void {
    const cols = ['Implementation', 'Against', 'max ulps', 'at x', 'mean ulps', 'NaN', '±∞', 'zero where nonzero', 'wrong sign'];
    const head = el('tr', {}, ...cols.map((c) => el('th', { scope: 'col', text: c })));
    const rows = data.table.map((r) => el('tr', {},
      el('th', { scope: 'row', class: 'mono', text: r.impl }),
      el('td', { text: r.reference === 'own' ? `own (${r.referenceFn})` : 'exact GELU' }),
      el('td', { class: 'num', text: fmt(r.maxUlp, 4) }),
      el('td', { class: 'num', text: Number.isNaN(r.argMax) ? '–' : fmt(r.argMax, 6) }),
      el('td', { class: 'num', text: Number.isNaN(r.meanUlp) ? '–' : fmt(r.meanUlp, 3) }),
      ...[r.nan, r.inf, r.zeroWhereNonzero, r.wrongSign].map((n) => el('td', { class: 'num', text: String(n) }))));
    const scope = data.format === 'float32' || data.format === 'float64' ? `a stratified sample of ${data.table[0]?.count ?? 0} values` : `all ${data.table[0]?.count ?? 0} finite values`;
    const caption = el('caption', { text: `Sweep over ${scope} of ${data.format}, ${MODE_TEXT[data.mode]}; errors in ulps of ${data.format}.` });
    const table = el('table', { class: 'precision-sweep' }, caption, el('thead', {}, head), el('tbody', {}, ...rows));
    const copy = el('button', { type: 'button', class: 'secondary', text: 'Copy table' });
    copy.addEventListener('click', () => this.events.onCopy(data.markdown));
    this.tableHost.replaceChildren(el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Sweep table (scrolls)' }, table), el('div', { class: 'buttons' }, copy));
  }

  exportPng(): string {
    return this.canvas.toDataURL('image/png');
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }
}

/** "gelu_tanh: 0 where nonzero for x in [−9.3, −5.6]" per band (the first 20 of each implementation). */
export function bandSentences(bands: readonly Band[]): string[] {
  const per = new Map<ImplementationId, Band[]>();
  for (const b of bands) per.set(b.impl, [...(per.get(b.impl) ?? []), b]);
  const out: string[] = [];
  for (const [impl, list] of per) {
    const shown = list.slice(0, 20).map((b) => `${BAND_TEXT[b.kind]} for x in [${fmt(b.from, 5)}, ${fmt(b.to, 5)}]`);
    out.push(`${impl}: ${shown.join('; ')}${list.length > 20 ? `; and ${list.length - 20} more intervals` : ''}.`);
  }
  return out;
}
