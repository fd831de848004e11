/**
 * The controls around the chart: function picker with formulas (KaTeX), view and layout
 * switches, precision, x range with presets, parameter sliders with typed inputs, export, and
 * the table of pinned values. Native elements only (inputs, buttons, selects, details), styled
 * with the theme's variables, so everything is keyboard reachable with visible focus.
 */
import katex from 'katex';
import { FAMILIES, type Family, type FunctionId, type Order, type ParamSpec } from '../src/core/types';
import {
  checkRange, type ErrorKind, type FunctionInfo, type HostKind, type Layout, type PlotState, type PointValue, type Precision,
  type ViewMode, type XRange,
} from '../src/protocol';
import type { Catalogue } from './catalogue';
import { fmt, ORDER_NAMES } from './chart';
import { formulaBody, paramText } from './params';
import type { Theme } from './theme';
import { el } from './dom';

/** The picker's group headings, one per registry family. */
const FAMILY_TITLES: Readonly<Record<Family, string>> = {
  gelu: 'GELU family',
  relu: 'ReLU family',
  smooth: 'Smooth gates',
  squashing: 'Squashing',
  shrinkage: 'Shrinkage',
  periodic: 'Periodic',
};

export interface ControlEvents {
  /** The user changed something; `resample` when new data is needed. */
  onChange(patch: Partial<PlotState>): void;
  onExport(kind: 'png' | 'csv'): void;
  onCopyTable(): void;
  onRemovePin(x: number | null): void;
}

let uid = 0;
function id(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}


function section(title: string, open: boolean, ...content: Node[]): HTMLDetailsElement {
  // A heading in each summary: screen readers list the settings by section.
  const d = el('details', { class: 'section' }, el('summary', {}, el('h2', { text: title })), ...content);
  d.open = open;
  return d;
}

/** A group of radio buttons drawn as a segmented control; arrow keys move between options. */
export function segmented<T extends string>(name: string, label: string, options: readonly { value: T; text: string }[], onPick: (v: T) => void): { root: HTMLElement; set(v: T): void } {
  const root = el('div', { class: 'segmented', role: 'radiogroup', 'aria-label': label });
  const inputs: HTMLInputElement[] = [];
  // One name for the whole group: the browser then moves between its radios with the arrow keys
  // and makes the group a single Tab stop.
  const groupName = id(name);
  for (const o of options) {
    const inputId = id(name);
    const input = el('input', { type: 'radio', name: groupName, id: inputId, value: o.value });
    input.addEventListener('change', () => {
      if (input.checked) onPick(o.value);
    });
    inputs.push(input);
    root.append(input, el('label', { for: inputId, text: o.text }));
  }
  return {
    root,
    set(v) {
      for (const i of inputs) i.checked = i.value === v;
    },
  };
}

function field(label: string, control: HTMLElement): HTMLElement {
  const controlId = control.id || id('f');
  control.id = controlId;
  return el('div', { class: 'field' }, el('label', { for: controlId, text: label }), control);
}

export class Controls {
  readonly root: HTMLElement;
  private readonly byView: { readonly curvesOnly: readonly HTMLElement[]; readonly functions: readonly HTMLElement[]; readonly range: readonly HTMLElement[]; readonly params: readonly HTMLElement[] };
  private state: PlotState;
  private readonly functionBoxes = new Map<FunctionId, HTMLInputElement>();
  private readonly swatches = new Map<FunctionId, HTMLElement>();
  private readonly formulas: HTMLElement;
  private readonly params: HTMLElement;
  private readonly view: { set(v: ViewMode): void };
  private readonly layout: { set(v: Layout): void };
  private readonly orderBoxes = new Map<Order, HTMLInputElement>();
  private readonly errorKind: HTMLSelectElement;
  private readonly precision: HTMLSelectElement;
  private readonly rangeMin: HTMLInputElement;
  private readonly rangeMax: HTMLInputElement;
  private readonly rangeMessage: HTMLElement;
  private readonly paramsMessage: HTMLElement;
  private readonly lightExport: HTMLInputElement;
  private paramsKey = '';
  private theme: Theme;
  /** KaTeX output per LaTeX string: rendering costs milliseconds, a slider fires every frame. */
  private readonly mathCache = new Map<string, HTMLElement>();
  private readonly formulaRows = new Map<FunctionId, { row: HTMLElement; swatch: HTMLElement; params: HTMLElement }>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly defaults: PlotState,
    state: PlotState,
    mode: HostKind,
    theme: Theme,
    private readonly events: ControlEvents,
  ) {
    this.state = state;
    this.theme = theme;
    const compact = mode === 'view';

    // Functions: one group per family with its heading, in FAMILIES order (GELU family first).
    const picker = el('div', { class: 'picker' });
    for (const family of FAMILIES) {
      const members = catalogue.list.filter((f) => f.family === family);
      if (members.length === 0) continue;
      const list = el('div', { class: 'checks' });
      for (const f of members) {
        const box = el('input', { type: 'checkbox', id: id('fn'), value: f.id });
        box.addEventListener('change', () => this.toggleFunction(f.id, box));
        const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
        this.functionBoxes.set(f.id, box);
        this.swatches.set(f.id, swatch);
        list.append(el('label', { class: 'check', for: box.id, title: f.formula.text }, box, swatch, el('span', { text: f.shortLabel }),
          el('span', { class: 'hint', text: f.label.replace(/^[^(]*\(?/, '').replace(/\)$/, '') })));
      }
      picker.append(el('div', { class: 'group', role: 'group', 'aria-label': FAMILY_TITLES[family] },
        el('div', { class: 'group-title', text: FAMILY_TITLES[family] }), list));
    }
    this.formulas = el('div', { class: 'formulas', 'aria-label': 'Formulas' });

    // What to show.
    const view = segmented<ViewMode>('view', 'View', [{ value: 'curves', text: 'Curves' }, { value: 'error', text: 'Error' }, { value: 'precision', text: 'Precision' }, { value: 'gated', text: 'Gated' }], (v) => this.change({ view: v }));
    const layout = segmented<Layout>('layout', 'Layout', [{ value: 'stacked', text: 'Stacked' }, { value: 'overlay', text: 'Overlay' }], (v) => this.change({ layout: v }));
    this.view = view;
    this.layout = layout;
    const orders = el('div', { class: 'checks inline', role: 'group', 'aria-label': 'Derivatives' });
    for (const o of [0, 1, 2] as const) {
      const box = el('input', { type: 'checkbox', id: id('order'), value: String(o) });
      box.addEventListener('change', () => {
        const next = ([0, 1, 2] as const).filter((k) => (k === o ? box.checked : this.state.orders.includes(k)));
        if (next.length === 0) {
          box.checked = true;
          return;
        }
        this.change({ orders: next });
      });
      this.orderBoxes.set(o, box);
      orders.append(el('label', { class: 'check', for: box.id }, box, el('span', { class: 'mono', text: ORDER_NAMES[o] })));
    }
    this.errorKind = el('select', { id: id('err') });
    for (const [v, t] of [['abs', 'absolute'], ['rel', 'relative'], ['ulp', 'ulps']] as const) this.errorKind.append(el('option', { value: v, text: t }));
    this.errorKind.addEventListener('change', () => this.change({ errorKind: this.errorKind.value as ErrorKind }));
    this.precision = el('select', { id: id('prec') });
    for (const [v, t] of [['float64', 'float64 (exact)'], ['float32', 'float32'], ['bfloat16', 'bfloat16'], ['float16', 'float16']] as const) {
      this.precision.append(el('option', { value: v, text: t }));
    }
    this.precision.addEventListener('change', () => this.change({ precision: this.precision.value as Precision }));

    // Range.
    this.rangeMin = el('input', { type: 'number', id: id('min'), step: 'any', inputmode: 'decimal', 'aria-label': 'x minimum' });
    this.rangeMax = el('input', { type: 'number', id: id('max'), step: 'any', inputmode: 'decimal', 'aria-label': 'x maximum' });
    this.rangeMessage = el('div', { class: 'message', role: 'alert' });
    const applyRange = (): void => this.applyTypedRange();
    for (const input of [this.rangeMin, this.rangeMax]) {
      input.addEventListener('change', applyRange);
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') applyRange();
      });
    }
    const presets = el('div', { class: 'buttons' });
    for (const a of [3, 6, 40]) {
      const b = el('button', { type: 'button', class: 'secondary', text: `±${a}`, title: `x from −${a} to ${a}` });
      b.addEventListener('click', () => this.setHome({ min: -a, max: a }));
      presets.append(b);
    }
    const resetZoom = el('button', { type: 'button', class: 'secondary', text: 'Reset zoom', title: 'Back to the typed range (double-click the chart)' });
    resetZoom.addEventListener('click', () => this.change({ range: this.state.home }));
    presets.append(resetZoom);

    // Parameters.
    this.params = el('div', { class: 'params' });
    this.paramsMessage = el('div', { class: 'message', role: 'alert' });

    // Export.
    this.lightExport = el('input', { type: 'checkbox', id: id('light') });
    this.lightExport.addEventListener('change', () => this.change({ lightExport: this.lightExport.checked }));
    const png = el('button', { type: 'button', text: 'Export PNG…' });
    png.addEventListener('click', () => events.onExport('png'));
    const csv = el('button', { type: 'button', class: 'secondary', text: 'Export CSV…' });
    csv.addEventListener('click', () => events.onExport('csv'));

    const curvesOnly = [
      field('Layout', layout.root),
      el('div', { class: 'field' }, el('span', { class: 'label', text: 'Derivatives' }), orders),
      field('Measure', this.errorKind),
      field('Precision', this.precision),
    ];
    const functionsSection = section('Functions', true, picker, this.formulas);
    const rangeSection = section('Range', !compact,
        el('div', { class: 'range' }, field('x min', this.rangeMin), field('x max', this.rangeMax)),
        this.rangeMessage,
        presets,
        el('p', { class: 'hint', text: 'Wheel zooms, drag pans, double-click resets.' }));
    const paramsSection = section('Parameters', !compact, this.paramsMessage, this.params);
    // What each view uses: the Precision view has its own implementations and format, the Gated
    // view its own unit, parameters, ranges and format; controls of no effect there are hidden.
    this.byView = { curvesOnly, functions: [functionsSection], range: [rangeSection], params: [paramsSection] };
    this.root = el('div', { class: 'controls-inner' },
      functionsSection,
      section('Show', !compact, field('View', view.root), ...curvesOnly),
      rangeSection,
      paramsSection,
      section('Export', !compact,
        el('div', { class: 'buttons' }, png, csv),
        el('label', { class: 'check', for: this.lightExport.id }, this.lightExport, el('span', { text: 'PNG on a light background' })),
        el('p', { class: 'hint', text: 'SVG is not offered: chart.js draws only to a canvas.' })));
    this.sync(state);
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    for (const [fn, s] of this.swatches) s.style.backgroundColor = theme.color(fn);
    for (const row of this.params.querySelectorAll<HTMLElement>('.param')) {
      const swatch = row.querySelector<HTMLElement>('.swatch');
      if (swatch && row.dataset.fn) swatch.style.backgroundColor = theme.color(row.dataset.fn as FunctionId);
    }
    this.renderFormulas();
  }

  /** Shows `state` in every control (after zoom, restore, reset). */
  sync(state: PlotState): void {
    this.state = state;
    for (const [fn, box] of this.functionBoxes) box.checked = state.functions.includes(fn);
    for (const [fn, s] of this.swatches) s.style.backgroundColor = this.theme.color(fn);
    this.view.set(state.view);
    const own = state.view === 'precision' || state.view === 'gated';
    for (const e of this.byView.curvesOnly) e.hidden = own;
    for (const e of this.byView.params) e.hidden = own;
    for (const e of [...this.byView.functions, ...this.byView.range]) e.hidden = state.view === 'gated';
    this.layout.set(state.layout);
    for (const [o, box] of this.orderBoxes) box.checked = state.orders.includes(o);
    this.errorKind.value = state.errorKind;
    this.errorKind.disabled = state.view !== 'error';
    this.precision.value = state.precision;
    if (document.activeElement !== this.rangeMin) this.rangeMin.value = String(Number(state.range.min.toPrecision(6)));
    if (document.activeElement !== this.rangeMax) this.rangeMax.value = String(Number(state.range.max.toPrecision(6)));
    this.lightExport.checked = state.lightExport;
    this.renderFormulas();
    this.renderParams();
  }

  /** Says next to the range or the parameters why the host refused them (the plot keeps the last good state). */
  showRefusal(where: 'range' | 'params', message: string): void {
    const target = where === 'range' ? this.rangeMessage : this.paramsMessage;
    target.textContent = message;
    const section = target.closest('details');
    if (section) section.open = true;
    if (where === 'range') {
      this.rangeMin.setAttribute('aria-invalid', 'true');
      this.rangeMax.setAttribute('aria-invalid', 'true');
    }
    // The inputs show the values in force again, even the one still focused.
    for (const row of this.params.querySelectorAll<HTMLElement>('.param')) {
      const slider = row.querySelector<HTMLInputElement>('input[type=range]');
      const typed = row.querySelector<HTMLInputElement>('input[type=number]');
      const value = this.state.params[row.dataset.fn as FunctionId]?.[row.dataset.key ?? ''];
      const spec = this.catalogue.get(row.dataset.fn as FunctionId)?.params.find((p) => p.key === row.dataset.key);
      const shown = String(value ?? spec?.default ?? '');
      if (slider) slider.value = shown;
      if (typed) typed.value = shown;
    }
    if (where === 'range') {
      this.rangeMin.value = String(Number(this.state.range.min.toPrecision(6)));
      this.rangeMax.value = String(Number(this.state.range.max.toPrecision(6)));
    }
  }

  clearRefusal(): void {
    this.paramsMessage.textContent = '';
  }

  private change(patch: Partial<PlotState>): void {
    this.events.onChange(patch);
  }

  private setHome(range: XRange): void {
    this.rangeMessage.textContent = '';
    this.rangeMin.removeAttribute('aria-invalid');
    this.rangeMax.removeAttribute('aria-invalid');
    this.change({ range, home: range });
  }

  private applyTypedRange(): void {
    const min = this.rangeMin.value.trim() === '' ? NaN : Number(this.rangeMin.value);
    const max = this.rangeMax.value.trim() === '' ? NaN : Number(this.rangeMax.value);
    const problem = checkRange(min, max);
    if (problem) {
      this.rangeMessage.textContent = `Range not applied: ${problem}.`;
      this.rangeMin.setAttribute('aria-invalid', 'true');
      this.rangeMax.setAttribute('aria-invalid', 'true');
      return;
    }
    if (min === this.state.range.min && max === this.state.range.max) return;
    this.setHome({ min, max });
  }

  private toggleFunction(fn: FunctionId, box: HTMLInputElement): void {
    const next = this.catalogue.list.map((f) => f.id).filter((k) => (k === fn ? box.checked : this.state.functions.includes(k)));
    if (next.length === 0) {
      box.checked = true;
      return;
    }
    this.change({ functions: next });
  }

  private renderMath(latex: string, fallback: string): HTMLElement {
    let math = this.mathCache.get(latex);
    if (!math) {
      math = el('div', { class: 'math' });
      try {
        katex.render(latex, math, { throwOnError: false, displayMode: false, output: 'htmlAndMathml' });
      } catch {
        math.textContent = fallback;
      }
      this.mathCache.set(latex, math);
    }
    return math;
  }

  /** One card per selected function: name, formula (rendered once), the parameters in force. */
  private renderFormulas(): void {
    const rows: HTMLElement[] = [];
    for (const f of this.catalogue.list) {
      if (!this.state.functions.includes(f.id)) continue;
      let card = this.formulaRows.get(f.id);
      if (!card) {
        const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
        const params = el('div', { class: 'formula-params mono' });
        const math = this.renderMath(formulaBody(f), f.formula.text);
        // A formula wider than the card scrolls; keyboard users reach it with Tab.
        math.tabIndex = 0;
        math.setAttribute('role', 'group');
        math.setAttribute('aria-label', `Formula of ${f.shortLabel}`);
        const row = el('div', { class: 'formula', title: f.formula.text }, el('div', { class: 'formula-name' }, swatch, el('span', { text: f.shortLabel })), math, params);
        card = { row, swatch, params };
        this.formulaRows.set(f.id, card);
      }
      card.swatch.style.backgroundColor = this.theme.color(f.id);
      const text = paramText(f, this.state.params);
      if (card.params.textContent !== text) card.params.textContent = text;
      card.params.hidden = text === '';
      rows.push(card.row);
    }
    const current = [...this.formulas.children];
    if (current.length !== rows.length || current.some((c, i) => c !== rows[i])) this.formulas.replaceChildren(...rows);
  }

  /** Sliders with typed inputs for each selected function's parameters; rebuilt only when the set changes. */
  private renderParams(): void {
    const selected = this.catalogue.list.filter((f) => this.state.functions.includes(f.id) && f.params.length > 0);
    const key = selected.map((f) => f.id).join(',');
    if (key !== this.paramsKey) {
      this.paramsKey = key;
      const rows: HTMLElement[] = [];
      for (const f of selected) for (const spec of f.params) rows.push(this.paramRow(f, spec));
      if (rows.length === 0) rows.push(el('p', { class: 'hint', text: 'The selected functions have no parameters.' }));
      else {
        const reset = el('button', { type: 'button', class: 'secondary', text: 'Reset parameters' });
        reset.addEventListener('click', () => this.change({ params: this.defaults.params }));
        rows.push(el('div', { class: 'buttons' }, reset));
      }
      this.params.replaceChildren(...rows);
    }
    for (const row of this.params.querySelectorAll<HTMLElement>('.param')) {
      const fn = row.dataset.fn as FunctionId;
      const k = row.dataset.key as string;
      const spec = this.catalogue.get(fn)?.params.find((p) => p.key === k);
      if (!spec) continue;
      const value = this.state.params[fn]?.[k] ?? spec.default;
      const slider = row.querySelector<HTMLInputElement>('input[type=range]');
      const typed = row.querySelector<HTMLInputElement>('input[type=number]');
      if (slider && document.activeElement !== slider) slider.value = String(value);
      if (typed && document.activeElement !== typed) {
        typed.value = String(value);
        typed.removeAttribute('aria-invalid');
        const message = row.querySelector('.message');
        if (message) message.textContent = '';
      }
    }
  }

  private paramRow(f: FunctionInfo, spec: ParamSpec): HTMLElement {
    const sliderId = id('p');
    const slider = el('input', {
      type: 'range', id: sliderId, min: String(spec.min), max: String(spec.max), step: String(spec.step),
      'aria-label': `${spec.label} of ${f.shortLabel}`,
    });
    const typed = el('input', {
      type: 'number', min: String(spec.min), max: String(spec.max), step: 'any', inputmode: 'decimal',
      'aria-label': `${spec.label} of ${f.shortLabel}, typed`,
    });
    const message = el('div', { class: 'message', role: 'alert' });
    const set = (value: number): void => {
      const params = { ...this.state.params, [f.id]: { ...(this.state.params[f.id] ?? {}), [spec.key]: value } };
      this.change({ params });
    };
    slider.addEventListener('input', () => {
      typed.value = slider.value;
      message.textContent = '';
      set(Number(slider.value));
    });
    const applyTyped = (): void => {
      const v = typed.value.trim() === '' ? NaN : Number(typed.value);
      if (!Number.isFinite(v) || v < spec.min || v > spec.max) {
        typed.setAttribute('aria-invalid', 'true');
        message.textContent = `${spec.label} must be a number from ${spec.min} to ${spec.max}.`;
        return;
      }
      typed.removeAttribute('aria-invalid');
      message.textContent = '';
      slider.value = String(v);
      set(v);
    };
    typed.addEventListener('change', applyTyped);
    typed.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') applyTyped();
    });
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.backgroundColor = this.theme.color(f.id);
    const row = el('div', { class: 'param', title: spec.description },
      el('label', { for: sliderId, class: 'param-name' }, swatch, el('span', { class: 'mono', text: spec.label }), el('span', { class: 'hint', text: ` ${f.shortLabel}` })),
      el('div', { class: 'param-inputs' }, slider, typed),
      message);
    row.dataset.fn = f.id;
    row.dataset.key = spec.key;
    return row;
  }
}

/** A row of the pinned table: x and the values from the host (or why there are none). */
export interface PinRow {
  readonly x: number;
  readonly values: readonly PointValue[] | string | undefined;
}

/** Column headers of the pinned table for the state, in the order values arrive. */
function columns(state: PlotState, catalogue: Catalogue): { fn: FunctionId; order: Order; rounded: boolean; title: string }[] {
  const cols: { fn: FunctionId; order: Order; rounded: boolean; title: string }[] = [];
  for (const fn of state.functions) {
    for (const order of state.orders) {
      cols.push({ fn, order, rounded: false, title: `${catalogue.shortLabel(fn)} ${ORDER_NAMES[order]}` });
      if (state.precision !== 'float64') cols.push({ fn, order, rounded: true, title: `${catalogue.shortLabel(fn)} ${ORDER_NAMES[order]} (${state.precision})` });
    }
  }
  return cols;
}

function cellValue(values: readonly PointValue[], fn: FunctionId, order: Order, rounded: boolean): number | undefined {
  const v = values.find((p) => p.fn === fn && p.order === order);
  return rounded ? v?.rounded : v?.value;
}

/** The pinned table as tab-separated text with full-precision numbers (for the clipboard). */
export function pinsAsText(state: PlotState, rows: readonly PinRow[], catalogue: Catalogue): string {
  const cols = columns(state, catalogue);
  const lines = [['x', ...cols.map((c) => c.title)].join('\t')];
  for (const r of rows) {
    const values = Array.isArray(r.values) ? r.values : [];
    lines.push([String(r.x), ...cols.map((c) => {
      const v = cellValue(values, c.fn, c.order, c.rounded);
      return v === undefined ? '' : String(v);
    })].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/** Renders the pinned table into `host`. */
export function renderPins(host: HTMLElement, state: PlotState, rows: readonly PinRow[], catalogue: Catalogue, theme: Theme, events: ControlEvents): void {
  if (rows.length === 0) {
    host.replaceChildren(el('p', { class: 'hint', text: 'Click the chart (or press Enter on it) to pin the values at an x here.' }));
    return;
  }
  const cols = columns(state, catalogue);
  const table = el('table', { class: 'pins-table' });
  const head = table.createTHead().insertRow();
  head.append(el('th', { scope: 'col', text: 'x' }));
  for (const c of cols) {
    const th = el('th', { scope: 'col' });
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.backgroundColor = theme.color(c.fn);
    th.append(swatch, c.title);
    head.append(th);
  }
  head.append(el('th', { scope: 'col' }, el('span', { class: 'visually-hidden', text: 'Remove' })));
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.append(el('th', { scope: 'row', class: 'mono', text: fmt(r.x, 10) }));
    if (typeof r.values === 'string') {
      const td = el('td', { class: 'message', colspan: String(cols.length), text: r.values });
      tr.append(td);
    } else {
      for (const c of cols) {
        const v = r.values ? cellValue(r.values, c.fn, c.order, c.rounded) : undefined;
        tr.append(el('td', { class: 'mono', title: v === undefined ? '' : String(v), text: v === undefined ? '…' : fmt(v, 10) }));
      }
    }
    const remove = el('button', { type: 'button', class: 'icon', title: `Remove the row at x = ${fmt(r.x, 10)}`, 'aria-label': `Remove the row at x = ${fmt(r.x, 10)}`, text: '×' });
    remove.addEventListener('click', () => events.onRemovePin(r.x));
    tr.append(el('td', {}, remove));
  }
  const copy = el('button', { type: 'button', class: 'secondary', text: 'Copy table' });
  copy.addEventListener('click', () => events.onCopyTable());
  const clear = el('button', { type: 'button', class: 'secondary', text: 'Clear' });
  clear.addEventListener('click', () => events.onRemovePin(null));
  host.replaceChildren(el('div', { class: 'table-scroll' }, table), el('div', { class: 'buttons' }, copy, clear));
}
