/**
 * Entry of the plot webview (bundled to dist/webview.js). Owns the state, talks to the host
 * through the protocol (one request in flight for samples, the latest choice wins), persists
 * with setState, and hands drawing to ChartView and input to Controls.
 */
import 'katex/dist/katex.min.css';
import './style.css';
import type { FunctionId } from '../src/core/types';
import {
  applyShow, DEFAULT_PRECISION_SELECTION, type DrawReport, type GatedInfo, type HostToWebview, parseHostMessage, type PlotData, type PlotShow, type PlotState,
  rangeRevealing, type SampleRequest, type WebviewRequest, type WebviewToHost, type XRange, assertNever, MAX_PINS,
} from '../src/protocol';
import { GatedView } from './gatedView';
import { PrecisionView } from './precisionView';
import { Catalogue } from './catalogue';
import { ChartView, fmt, ORDER_NAMES } from './chart';
import { Controls, type ControlEvents, type PinRow, pinsAsText, renderPins } from './controls';
import { readTheme, type Theme, watchTheme } from './theme';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: PlotState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Reply = Extract<HostToWebview, { requestId: number | null }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const vscode = acquireVsCodeApi();

/** Test hooks: the browser tests and the benchmark read these; nothing in the page depends on them. */
interface PlotDebug {
  state?: PlotState;
  lastDraw?: DrawReport;
  /** performance.now() when the last plot/data reply arrived (for the benchmark). */
  receivedAt?: number;
  draws: number;
  charts?: ChartView;
  /** The Gated view, once shown. */
  gated?: GatedView;
  errors: string[];
}
const debug: PlotDebug = { draws: 0, errors: [] };
(window as unknown as { geluPlot: PlotDebug }).geluPlot = debug;

function report(level: 'info' | 'warn' | 'error', message: string): void {
  if (level === 'error') debug.errors.push(message);
  vscode.postMessage({ type: 'log', level, message });
}

window.addEventListener('error', (e) => report('error', `${e.message} (${e.filename}:${e.lineno})`));
window.addEventListener('unhandledrejection', (e) => report('error', `unhandled rejection: ${String(e.reason)}`));
document.addEventListener('securitypolicyviolation', (e) => report('error', `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`));

let nextId = 1;
const pending = new Map<number, { resolve(reply: Reply): void }>();

/** Sends a request; resolves with its reply, which may be an `error` reply. */
function request(message: DistributiveOmit<WebviewRequest, 'requestId'>): Promise<Reply> {
  const requestId = nextId++;
  return new Promise((resolve) => {
    pending.set(requestId, { resolve });
    vscode.postMessage({ ...message, requestId } as WebviewRequest);
  });
}

class App {
  private state: PlotState;
  private readonly catalogue: Catalogue;
  private readonly charts: ChartView;
  private readonly controls: Controls;
  private readonly status: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly pinsHost: HTMLElement;
  private readonly keyPoints: HTMLDetailsElement;
  /** The state of the last plot the host accepted: a refused change goes back to it. */
  private lastGood: PlotState;
  private theme: Theme;
  private data: (PlotData & { requestId: number }) | undefined;
  private inFlight = false;
  private dirty = false;
  private pins: PinRow[] = [];
  private rangeTimer: number | undefined;
  private widthPx = 0;
  private statusTimer: number | undefined;
  private readonly controlEvents: ControlEvents;
  private readonly precision: PrecisionView;
  /** Built the first time the Gated view is shown: until then its controls and charts cost nothing. */
  private gatedView: GatedView | undefined;
  private readonly gatedUnits: readonly GatedInfo[];
  private readonly plotHost: HTMLElement;

  constructor(init: Extract<HostToWebview, { type: 'plot/init' }>) {
    this.state = init.state;
    this.lastGood = init.state;
    this.catalogue = new Catalogue(init.catalogue);
    const slotOf = (fn: FunctionId): number => this.catalogue.colorSlot(fn);
    this.theme = readTheme(slotOf);
    const root = document.getElementById('app') ?? document.body;
    root.replaceChildren();
    const aside = document.createElement('aside');
    aside.className = 'controls';
    aside.setAttribute('aria-label', 'Plot settings');
    const main = document.createElement('main');
    main.className = 'main';
    this.status = document.createElement('div');
    this.status.className = 'status';
    this.status.setAttribute('role', 'status');
    this.summary = document.createElement('div');
    this.summary.className = 'summary';
    this.keyPoints = document.createElement('details');
    this.keyPoints.className = 'keypoints';
    const heading = document.createElement('h1');
    heading.className = 'visually-hidden';
    heading.textContent = 'GELU Lab plot';
    const plot = document.createElement('div');
    plot.className = 'plot';
    this.pinsHost = document.createElement('section');
    this.pinsHost.className = 'pins';
    this.pinsHost.setAttribute('aria-label', 'Pinned values');
    this.plotHost = plot;
    this.precision = new PrecisionView(init.implementations ?? [], (this.state.precisionView ?? DEFAULT_PRECISION_SELECTION), this.theme, {
      onChange: (selection) => this.update({ precisionView: selection }),
      onCopy: (markdown) => void this.copyText(markdown, 'Table copied as Markdown.'),
    });
    this.gatedUnits = init.gated ?? [];
    main.append(heading, plot, this.precision.root, this.summary, this.status, this.keyPoints, this.pinsHost);
    // The side bar shows the chart first; the panel keeps its settings column on the left.
    if (init.mode === 'view') root.append(main, aside);
    else root.append(aside, main);

    this.controlEvents = {
      onChange: (patch) => this.update(patch),
      onExport: (kind) => void this.export(kind),
      onCopyTable: () => void this.copyTable(),
      onRemovePin: (x) => this.removePin(x),
    };
    this.charts = new ChartView(plot, {
      onRange: (range, final) => this.onZoom(range, final),
      onResetZoom: () => this.update({ range: this.state.home }),
      onPin: (x) => this.pin(x, false),
    }, this.theme);
    debug.charts = this.charts;
    this.controls = new Controls(this.catalogue, init.defaults, this.state, init.mode, this.theme, this.controlEvents);
    aside.append(this.controls.root);
    watchTheme(slotOf, (theme) => {
      this.theme = theme;
      this.controls.setTheme(theme);
      this.charts.setTheme(theme);
      this.precision.setTheme(theme);
      this.gatedView?.setTheme(theme);
      if (this.data) this.renderSummary(this.data);
      this.renderPins();
    });
    new ResizeObserver(() => {
      const w = this.charts.plotWidth();
      if (Math.abs(w - this.widthPx) >= 8) this.sample();
    }).observe(plot);
    this.persist();
    this.showView();
    this.pins = this.state.pins.map((x) => ({ x, values: undefined }));
    this.renderPins();
    this.sample();
    for (const x of this.state.pins) void this.evaluatePin(x);
  }

  /** Applies a change from a control, persists it, and asks for what it invalidates. */
  update(patch: Partial<PlotState>): void {
    const before = this.state;
    this.state = { ...before, ...patch };
    this.persist();
    this.controls.sync(this.state);
    this.precision.sync((this.state.precisionView ?? DEFAULT_PRECISION_SELECTION));
    if (patch.gatedView === undefined && this.state.gatedView) this.gatedView?.sync(this.state.gatedView);
    if (patch.view) this.showView();
    const valuesChanged = patch.functions || patch.params || patch.orders || patch.precision;
    if (patch.pins) {
      this.pins = this.state.pins.map((x) => this.pins.find((r) => r.x === x) ?? { x, values: undefined });
    }
    if (valuesChanged) {
      this.pins = this.pins.map((r) => ({ x: r.x, values: undefined }));
      for (const x of this.state.pins) void this.evaluatePin(x);
    }
    this.renderPins();
    // Pins and layout need a redraw of the data in hand, not new samples.
    if (Object.keys(patch).every((k) => k === 'pins' || k === 'lightExport' || k === 'layout')) {
      if (this.data && (patch.pins || patch.layout)) this.draw(this.data, performance.now());
      return;
    }
    this.sample();
  }

  /** Applies `plot/show` (from `geluLab.openPlot` with an argument). */
  show(show: PlotShow): void {
    this.update(applyShow(this.state, show));
  }

  private get gated(): GatedView {
    if (!this.gatedView) {
      this.gatedView = new GatedView(this.gatedUnits, this.state.gatedView, this.theme, { onChange: (selection) => this.update({ gatedView: selection }) });
      this.precision.root.after(this.gatedView.root);
      debug.gated = this.gatedView;
    }
    return this.gatedView;
  }

  /** The Precision view replaces the curve charts, the summary, key points and pinned rows. */
  private showView(): void {
    const precision = this.state.view === 'precision';
    const gated = this.state.view === 'gated';
    this.precision.root.hidden = !precision;
    if (gated) this.gated.root.hidden = false;
    else if (this.gatedView) this.gatedView.root.hidden = true;
    for (const e of [this.plotHost, this.summary, this.keyPoints, this.pinsHost]) e.hidden = precision || gated || (e === this.keyPoints && this.keyPoints.hidden);
    if (!precision && !gated && this.data) this.renderKeyPoints(this.data);
  }

  /** Removes a pinned row (all rows for null) and keeps the keyboard focus in the table or on the plot. */
  private removePin(x: number | null): void {
    const index = x === null ? -1 : this.state.pins.indexOf(x);
    this.update({ pins: x === null ? [] : this.state.pins.filter((p) => p !== x) });
    const buttons = this.pinsHost.querySelectorAll<HTMLButtonElement>('button.icon');
    const next = index >= 0 ? buttons[Math.min(index, buttons.length - 1)] : undefined;
    (next ?? plot(this.pinsHost))?.focus();
    this.charts.announce(x === null ? 'All pinned rows removed.' : `Row at x = ${fmt(x, 10)} removed.`, true);
  }

  /** Moves the crosshair to x, brings it into range if needed, and pins a row there. */
  pin(x: number, reveal: boolean): void {
    // A window the host accepts: the same width centred on x, widened where x's size needs it.
    const range = reveal ? rangeRevealing(this.state.range, x) : this.state.range;
    const pins = this.state.pins.includes(x) ? this.state.pins : [...this.state.pins, x].slice(-MAX_PINS);
    this.update(range === this.state.range ? { pins } : { pins, range });
    void this.evaluatePin(x);
    if (reveal) this.charts.setCrosshair(x);
    this.charts.announce(`Pinned x = ${fmt(x, 10)}; ${pins.length} pinned ${pins.length === 1 ? 'row' : 'rows'}.`, true);
  }

  private async evaluatePin(x: number): Promise<void> {
    const s = this.state;
    const reply = await request({ type: 'plot/evaluate', request: { x, functions: s.functions, params: s.params, orders: s.orders, precision: s.precision } });
    const values = reply.type === 'plot/values' ? reply.values : reply.type === 'error' ? reply.message : 'unexpected reply';
    // A later change may have made this answer stale; only keep it when the row asks for the same things.
    if (this.state.functions !== s.functions || this.state.params !== s.params || this.state.orders !== s.orders || this.state.precision !== s.precision) return;
    this.pins = this.pins.map((r) => (r.x === x ? { x, values } : r));
    this.renderPins();
  }

  private renderPins(): void {
    renderPins(this.pinsHost, this.state, this.pins, this.catalogue, this.theme, this.controlEvents);
  }

  private onZoom(range: XRange, final: boolean): void {
    this.state = { ...this.state, range };
    this.controls.sync(this.state);
    window.clearTimeout(this.rangeTimer);
    this.charts.announce(`x from ${fmt(range.min, 6)} to ${fmt(range.max, 6)}`, true);
    // Resample once the gesture settles; a wheel burst or a drag would otherwise flood the host.
    this.rangeTimer = window.setTimeout(() => {
      this.persist();
      this.sample();
    }, final ? 0 : 120);
  }

  private persist(): void {
    debug.state = this.state;
    vscode.setState(this.state);
  }

  private sampleRequest(): SampleRequest {
    const s = this.state;
    this.widthPx = Math.max(16, Math.min(8192, this.charts.plotWidth()));
    return { functions: s.functions, params: s.params, range: s.range, widthPx: this.widthPx, orders: s.orders, precision: s.precision, view: s.view, errorKind: s.errorKind };
  }

  /** Requests samples for the current state; while one request is out, remembers to ask again. */
  sample(): void {
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    this.inFlight = true;
    this.dirty = false;
    if (this.state.view === 'precision') {
      void this.samplePrecision();
      return;
    }
    if (this.state.view === 'gated') {
      void this.sampleGated();
      return;
    }
    const req = this.sampleRequest();
    void request({ type: 'plot/sample', request: req }).then((reply) => {
      this.inFlight = false;
      if (this.dirty) {
        this.sample();
        return;
      }
      if (reply.type === 'plot/data') {
        this.lastGood = this.state;
        this.controls.clearRefusal();
        this.onData(reply, req);
      } else if (reply.type === 'error') this.refused(reply.message);
    });
  }

  private async samplePrecision(): Promise<void> {
    const s = this.state;
    const req = { ...(s.precisionView ?? DEFAULT_PRECISION_SELECTION), range: s.range, widthPx: this.precision.plotWidth() };
    this.showStatus('Computing the precision sweep…');
    const reply = await request({ type: 'precision/sample', request: req });
    this.inFlight = false;
    if (this.dirty) {
      this.sample();
      return;
    }
    if (reply.type === 'precision/data') {
      this.lastGood = this.state;
      this.controls.clearRefusal();
      this.showStatus('');
      const started = performance.now();
      debug.receivedAt = started;
      const drawn = this.precision.render(reply, this.state.range);
      const r: DrawReport = {
        requestId: reply.requestId, ms: performance.now() - started, charts: 1, datasets: drawn.datasets, points: drawn.points,
        view: 'precision', layout: this.state.layout, range: this.state.range, pins: this.state.pins.length, functions: this.state.functions,
      };
      debug.lastDraw = r;
      debug.draws += 1;
      vscode.postMessage({ type: 'plot/drawn', report: r });
    } else if (reply.type === 'error') {
      this.precision.showRefusal(`Not applied: ${reply.message}`);
      this.refused(reply.message);
    }
  }

  private async sampleGated(): Promise<void> {
    const reply = await request({ type: 'gated/sample', request: this.gated.request() });
    this.inFlight = false;
    if (this.dirty) {
      this.sample();
      return;
    }
    if (reply.type === 'gated/data') {
      this.lastGood = this.state;
      this.showStatus('');
      const started = performance.now();
      debug.receivedAt = started;
      const drawn = this.gated.render(reply);
      const r: DrawReport = {
        requestId: reply.requestId, ms: performance.now() - started, charts: drawn.charts, datasets: drawn.datasets, points: drawn.points,
        view: 'gated', layout: this.state.layout, range: this.state.range, pins: this.state.pins.length, functions: this.state.functions,
      };
      debug.lastDraw = r;
      debug.draws += 1;
      vscode.postMessage({ type: 'plot/drawn', report: r });
    } else if (reply.type === 'error') {
      // Back to the selection last drawn, in the view and in the saved state.
      this.state = { ...this.state, gatedView: this.gated.showRefusal(`Not applied: ${reply.message}`) };
      this.persist();
    }
  }

  /**
   * The host refused the state: go back to the last plot it accepted (still drawn), and say why
   * next to the control that changed.
   */
  private refused(message: string): void {
    const bad = this.state;
    const where = bad.range.min !== this.lastGood.range.min || bad.range.max !== this.lastGood.range.max ? 'range'
      : bad.params !== this.lastGood.params ? 'params' : 'other';
    this.state = this.lastGood;
    this.persist();
    this.controls.sync(this.state);
    this.precision.sync((this.state.precisionView ?? DEFAULT_PRECISION_SELECTION));
    this.showView();
    if (where === 'other') this.showStatus(`Could not sample: ${message}`, 'error');
    else this.controls.showRefusal(where, `Not applied: ${message}`);
    this.renderPins();
  }

  private onData(reply: Extract<HostToWebview, { type: 'plot/data' }>, req: SampleRequest): void {
    const started = performance.now();
    debug.receivedAt = started;
    this.data = reply;
    // The data may be for a range the user has since zoomed away from; draw it on the current axes.
    if (req.range.min !== this.state.range.min || req.range.max !== this.state.range.max) this.dirty = true;
    this.draw(reply, started);
    if (this.dirty) this.sample();
  }

  /** Draws `data` and reports the time since `started` (when the data arrived) to the host. */
  private draw(data: PlotData & { requestId: number }, started: number): void {
    const drawn = this.charts.render({ data, state: this.state, catalogue: this.catalogue });
    const ms = performance.now() - started;
    this.renderSummary(data);
    const r: DrawReport = {
      requestId: data.requestId, ms, charts: drawn.charts, datasets: drawn.datasets, points: drawn.points,
      view: this.state.view, layout: this.state.layout, range: this.state.range, pins: this.state.pins.length, functions: this.state.functions,
    };
    debug.lastDraw = r;
    debug.draws += 1;
    vscode.postMessage({ type: 'plot/drawn', report: r });
  }

  /** The error maxima (each naming its unit) and the host's notes; long lists collapse after four lines. */
  private renderSummary(data: PlotData): void {
    const lines: HTMLElement[] = [];
    if (this.state.view === 'error') {
      const unit = { abs: 'absolute', rel: 'relative', ulp: `ulps of ${this.state.precision}` }[this.state.errorKind];
      for (const e of data.errors) {
        const line = document.createElement('div');
        line.className = 'summary-line';
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.backgroundColor = this.theme.color(e.fn);
        const name = this.catalogue.shortLabel(e.fn);
        const vs = e.reference === e.fn ? `exact ${name}` : this.catalogue.shortLabel(e.reference);
        const order = e.order === 0 ? '' : e.order === 1 ? ' f′' : ' f″';
        const value = Number.isNaN(e.max) ? 'no finite error' : `max ${fmt(e.max, 4)} (${unit}) at x = ${fmt(e.argmax, 6)}`;
        line.append(swatch, `${name}${order} vs ${vs}: `, Object.assign(document.createElement('strong'), { textContent: value }));
        lines.push(line);
      }
    }
    for (const note of data.notes) {
      const line = document.createElement('div');
      line.className = 'summary-line note';
      line.textContent = note;
      lines.push(line);
    }
    const CAP = 4;
    if (lines.length <= CAP) {
      this.summary.replaceChildren(...lines);
    } else {
      const wasOpen = this.summary.querySelector('details')?.open ?? false;
      const more = document.createElement('details');
      more.open = wasOpen;
      const label = document.createElement('summary');
      label.textContent = `${lines.length - CAP} more`;
      more.append(label, ...lines.slice(CAP));
      this.summary.replaceChildren(...lines.slice(0, CAP), more);
    }
    this.renderKeyPoints(data);
  }

  /** The key points drawn on the charts, as text for screen readers and for copying. */
  private renderKeyPoints(data: PlotData): void {
    const points = this.state.view === 'curves' ? data.keyPoints : [];
    this.keyPoints.hidden = points.length === 0;
    const label = document.createElement('summary');
    label.textContent = `Key points (${points.length})`;
    const list = document.createElement('ul');
    for (const p of points) {
      const item = document.createElement('li');
      const kind = p.kind === 'inflection' ? `inflection (${ORDER_NAMES[2]} = 0)` : `${p.kind} (${ORDER_NAMES[1]} = 0)`;
      item.textContent = `${this.catalogue.shortLabel(p.fn)}: ${kind} at x = ${fmt(p.x, 8)}, f = ${fmt(p.y[0], 8)}`;
      list.append(item);
    }
    const open = this.keyPoints.open;
    this.keyPoints.replaceChildren(label, list);
    this.keyPoints.open = open;
  }

  showStatus(text: string, level: 'info' | 'error' = 'info'): void {
    this.status.textContent = text;
    this.status.dataset.level = level;
    window.clearTimeout(this.statusTimer);
    if (level === 'info') this.statusTimer = window.setTimeout(() => { this.status.textContent = ''; }, 6000);
  }

  private async export(kind: 'png' | 'csv'): Promise<void> {
    const stamp = this.state.view;
    const png = (): string => (this.state.view === 'precision' ? this.precision.exportPng() : this.state.view === 'gated' ? this.gated.exportPng() : this.charts.exportPng(this.state.lightExport));
    const reply = kind === 'png'
      ? await request({ type: 'export/png', dataUrl: png(), suggestedName: `gelu-lab-${stamp}.png` })
      : this.state.view === 'gated'
        ? await request({ type: 'gated/export-csv', request: this.gated.csvRequest(), suggestedName: `gelu-lab-gated-${this.gated.current.fn}.csv` })
        : await request({ type: 'export/csv', request: this.sampleRequest(), suggestedName: `gelu-lab-${stamp}.csv` });
    if (reply.type === 'export/done') this.showStatus(reply.path ? `Saved ${reply.path}` : 'Export cancelled.');
    else if (reply.type === 'error') this.showStatus(`Export failed: ${reply.message}`, 'error');
  }

  private async copyTable(): Promise<void> {
    await this.copyText(pinsAsText(this.state, this.pins, this.catalogue), 'Table copied.');
  }

  private async copyText(text: string, done: string): Promise<void> {
    const reply = await request({ type: 'clipboard/write', text });
    if (reply.type === 'clipboard/done') this.showStatus(done);
    else if (reply.type === 'error') this.showStatus(`Copy failed: ${reply.message}`, 'error');
  }

  /** From the host: settings changed; sample again with them. */
  refresh(): void {
    this.sample();
  }
}

function plot(near: HTMLElement): HTMLElement | null {
  return near.ownerDocument.querySelector<HTMLElement>('.plot');
}

let app: App | undefined;
const early: number[] = [];
const earlyShows: PlotShow[] = [];

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = parseHostMessage(event.data);
  if (!parsed.ok) {
    report('warn', `ignored a malformed message from the host: ${parsed.error}`);
    return;
  }
  const m = parsed.value;
  switch (m.type) {
    case 'plot/init':
      if (app) return;
      app = new App(m);
      for (const x of early.splice(0)) app.pin(x, true);
      for (const show of earlyShows.splice(0)) app.show(show);
      return;
    case 'plot/show':
      if (app) app.show(m.show);
      else earlyShows.push(m.show);
      return;
    case 'plot/data':
    case 'precision/data':
    case 'gated/data':
    case 'plot/values':
    case 'export/done':
    case 'clipboard/done':
    case 'error': {
      if (m.type === 'error' && m.requestId === null) {
        report('warn', `host error: ${m.message}`);
        return;
      }
      if (m.requestId === null) return;
      const waiter = pending.get(m.requestId);
      pending.delete(m.requestId);
      waiter?.resolve(m);
      return;
    }
    case 'plot/pin':
      if (app) app.pin(m.x, true);
      else early.push(m.x);
      return;
    case 'plot/refresh':
      app?.refresh();
      return;
    default:
      assertNever(m);
  }
});

vscode.postMessage({ type: 'ready', state: vscode.getState() ?? null });

// The host answers `ready` at once; if it never does, say so instead of "Loading the plot…" forever.
window.setTimeout(() => {
  if (app) return;
  const loading = document.querySelector('.loading');
  if (loading) loading.textContent = 'The plot did not start: the extension did not answer. Close this view and open it again; "GELU Lab: Show Log" has the details.';
  report('warn', 'no plot/init 10 s after ready');
}, 10_000);
