import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { catalogue } from '../../src/plot/sampling';
import {
  applyShow, checkRange, DEFAULT_PRECISION_SELECTION, type GatedSampleRequest, rangeRevealing, X_LIMIT, MAX_GRID_SIDE, parsePlotShow, MAX_SLICES, parseGatedData, parseGatedSample, parseHostMessage, parsePlotState, parseWebviewMessage,
  type PlotState,
} from '../../src/protocol';
import { sampleRequest } from '../support/fixtures';

const request = sampleRequest({ functions: ['gelu', 'gelu_tanh'], params: { gelu_tanh: { c: 0.05 } } });

const state: PlotState = {
  functions: ['gelu'],
  params: {},
  range: { min: -2, max: 1 },
  home: { min: -4, max: 4 },
  view: 'error',
  layout: 'overlay',
  orders: [0],
  errorKind: 'ulp',
  precision: 'bfloat16',
  pins: [-0.75, 1],
  lightExport: true,
};

/** The error of a message expected to be rejected. */
function rejected(raw: unknown): { error: string; requestId: number | null } {
  const parsed = parseWebviewMessage(raw);
  assert.equal(parsed.ok, false, `accepted ${JSON.stringify(raw)}`);
  return parsed as { ok: false; error: string; requestId: number | null };
}

describe('protocol: parseWebviewMessage (the host\'s validator)', () => {
  it('accepts a well-formed sample request and puts the functions in registry order', () => {
    const parsed = parseWebviewMessage({ type: 'plot/sample', requestId: 3, request: { ...request, functions: ['tanh', 'gelu'], orders: [2, 0] } });
    assert.ok(parsed.ok);
    assert.equal(parsed.value.type, 'plot/sample');
    if (parsed.value.type !== 'plot/sample') return;
    assert.deepEqual(parsed.value.request.functions, ['gelu', 'tanh']);
    assert.deepEqual(parsed.value.request.orders, [0, 2]);
    assert.equal(parsed.value.requestId, 3);
  });

  it('accepts every message kind the webview sends', () => {
    const ok = [
      { type: 'ready', state: null },
      { type: 'plot/evaluate', requestId: 1, request: { x: -0.75, functions: ['gelu'], params: {}, orders: [0], precision: 'float16' } },
      { type: 'export/png', requestId: 2, dataUrl: 'data:image/png;base64,iVBORw0KGgo=', suggestedName: 'gelu-lab-curves.png' },
      { type: 'export/csv', requestId: 3, request, suggestedName: 'data.csv' },
      { type: 'clipboard/write', requestId: 4, text: 'x\tGELU f\n' },
      { type: 'plot/drawn', report: { requestId: 5, ms: 3.2, charts: 3, datasets: 9, points: 1000, view: 'curves', layout: 'stacked', range: { min: -4, max: 4 }, pins: 0 } },
      { type: 'log', level: 'warn', message: 'hello' },
    ];
    for (const m of ok) assert.ok(parseWebviewMessage(m).ok, JSON.stringify(m));
  });

  it('keeps the request id of a malformed request so the error reply can carry it', () => {
    const r = rejected({ type: 'plot/sample', requestId: 42, request: { ...request, range: { min: 4, max: -4 } } });
    assert.equal(r.requestId, 42);
    assert.match(r.error, /range start \(4\) must be less than its end \(-4\)/);
  });

  const bad: [string, unknown, RegExp][] = [
    ['not an object', 'plot/sample', /message must be an object/],
    ['null', null, /message must be an object/],
    ['an array', [1, 2], /message must be an object/],
    ['no type', { requestId: 1 }, /message\.type must be a string/],
    ['an unknown type', { type: 'plot/explode' }, /unknown message type "plot\/explode"/],
    ['a fractional request id', { type: 'plot/sample', requestId: 1.5, request }, /requestId must be a positive integer/],
    ['a negative request id', { type: 'plot/sample', requestId: -1, request }, /requestId/],
    ['NaN in the range', { type: 'plot/sample', requestId: 1, request: { ...request, range: { min: NaN, max: 1 } } }, /range\.min must be a finite number/],
    ['Infinity in the range', { type: 'plot/sample', requestId: 1, request: { ...request, range: { min: -1, max: Infinity } } }, /range\.max must be a finite number/],
    ['a range beyond ±10000', { type: 'plot/sample', requestId: 1, request: { ...request, range: { min: -1e5, max: 1 } } }, /within ±10000/],
    ['a range too narrow', { type: 'plot/sample', requestId: 1, request: { ...request, range: { min: 1, max: 1 + 1e-12 } } }, /too narrow/],
    ['a width of 0', { type: 'plot/sample', requestId: 1, request: { ...request, widthPx: 0 } }, /widthPx must be an integer from 16 to 8192/],
    ['a fractional width', { type: 'plot/sample', requestId: 1, request: { ...request, widthPx: 100.5 } }, /widthPx/],
    ['a huge width', { type: 'plot/sample', requestId: 1, request: { ...request, widthPx: 1e9 } }, /widthPx/],
    ['an unknown function', { type: 'plot/sample', requestId: 1, request: { ...request, functions: ['gelu', 'swiglu'] } }, /unknown function id "swiglu"/],
    ['no function', { type: 'plot/sample', requestId: 1, request: { ...request, functions: [] } }, /at least one function/],
    ['a function twice', { type: 'plot/sample', requestId: 1, request: { ...request, functions: ['gelu', 'gelu'] } }, /appears twice/],
    ['order 3', { type: 'plot/sample', requestId: 1, request: { ...request, orders: [0, 3] } }, /only 0, 1, 2/],
    ['no order', { type: 'plot/sample', requestId: 1, request: { ...request, orders: [] } }, /non-empty list/],
    ['an unknown precision', { type: 'plot/sample', requestId: 1, request: { ...request, precision: 'fp8' } }, /precision must be one of float64, float32, bfloat16, float16/],
    ['an unknown view', { type: 'plot/sample', requestId: 1, request: { ...request, view: '3d' } }, /view must be one of/],
    ['a parameter that is not a number', { type: 'plot/sample', requestId: 1, request: { ...request, params: { gelu_sigmoid: { k: '1.7' } } } }, /params\.gelu_sigmoid\.k must be a finite number/],
    ['a parameter name with odd characters', { type: 'plot/sample', requestId: 1, request: { ...request, params: { gelu_sigmoid: { '__proto__x;': 1 } } } }, /bad parameter name/],
    ['a parameter named __proto__, which would set the prototype instead of a value', { type: 'plot/sample', requestId: 1, request: { ...request, params: { gelu_sigmoid: JSON.parse('{"__proto__": 1}') as unknown } } }, /bad parameter name "__proto__"/],
    ['parameters of an unknown function', { type: 'plot/sample', requestId: 1, request: { ...request, params: { nope: {} } } }, /unknown function id "nope"/],
    ['a PNG that is not a data URL', { type: 'export/png', requestId: 1, dataUrl: 'https://example.com/x.png', suggestedName: 'a.png' }, /data:image\/png;base64/],
    ['a PNG with broken base64', { type: 'export/png', requestId: 1, dataUrl: 'data:image/png;base64,@@@@', suggestedName: 'a.png' }, /no valid base64/],
    ['a file name with a path', { type: 'export/png', requestId: 1, dataUrl: 'data:image/png;base64,iVBORw0KGgo=', suggestedName: '../../etc/x.png' }, /plain file name/],
    ['a CSV name without .csv', { type: 'export/csv', requestId: 1, request, suggestedName: 'data.txt' }, /ending in \.csv/],
    ['clipboard text that is not text', { type: 'clipboard/write', requestId: 1, text: 42 }, /text must be a string/],
    ['clipboard text too long', { type: 'clipboard/write', requestId: 1, text: 'x'.repeat(1_000_001) }, /longer than/],
    ['a draw report with a negative time', { type: 'plot/drawn', report: { requestId: 1, ms: -1, charts: 1, datasets: 1, points: 1, view: 'curves', layout: 'stacked', range: { min: 0, max: 1 }, pins: 0 } }, /report\.ms/],
    ['a draw report without its range', { type: 'plot/drawn', report: { requestId: 1, ms: 1, charts: 1, datasets: 1, points: 1, view: 'curves', layout: 'stacked', pins: 0 } }, /report\.range must be an object/],
    ['a draw report without its range', { type: 'plot/drawn', report: { requestId: 1, ms: 1, charts: 1, datasets: 1, points: 1, view: 'curves', layout: 'stacked', pins: 0 } }, /report\.range must be an object/],
    ['a log level that does not exist', { type: 'log', level: 'panic', message: 'x' }, /level must be one of/],
  ];
  for (const [what, raw, message] of bad) {
    it(`rejects ${what} with a sentence naming the problem`, () => {
      assert.match(rejected(raw).error, message);
    });
  }

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything({ withTypedArray: true, withMap: true, withSet: true, withBigInt: true }), (raw) => {
        const parsed = parseWebviewMessage(raw);
        assert.equal(typeof parsed.ok, 'boolean');
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.record({ type: fc.constantFrom('plot/sample', 'plot/evaluate', 'export/csv'), requestId: fc.anything(), request: fc.anything() }), (raw) => {
        assert.equal(parseWebviewMessage(raw).ok, false);
      }),
      { numRuns: 300 },
    );
  });

  it('does not choke on a getter that throws', () => {
    const hostile = { type: 'plot/sample', requestId: 1, get request(): unknown { throw new Error('boom'); } };
    const parsed = parseWebviewMessage(hostile);
    assert.equal(parsed.ok, false);
    assert.equal((parsed as { requestId: number | null }).requestId, 1);
  });
});

describe('protocol: parsePlotState', () => {
  it('round-trips a valid state', () => {
    const parsed = parsePlotState(JSON.parse(JSON.stringify(state)));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value, state);
  });

  it('refuses partial or hostile states', () => {
    for (const raw of [undefined, null, {}, { ...state, pins: 'x' }, { ...state, pins: new Array(51).fill(0) }, { ...state, lightExport: 'yes' }, { ...state, home: { min: 2, max: 1 } }]) {
      assert.equal(parsePlotState(raw).ok, false, JSON.stringify(raw)?.slice(0, 80));
    }
  });
});

describe('protocol: rangeRevealing (Plot at x)', () => {
  it('after a typed range of 0…1e-8, Plot at x 5000 gives a window the host accepts, centred on 5000', () => {
    const r = rangeRevealing({ min: 0, max: 1e-8 }, 5000);
    assert.equal(checkRange(r.min, r.max), null);
    assert.ok(r.min < 5000 && 5000 < r.max);
    assert.ok(r.max - r.min < 1e-4, `kept narrow: ${r.max - r.min}`);
  });

  it('keeps the range when x is already in it, and keeps its width when that is plottable', () => {
    const home = { min: -4, max: 4 };
    assert.equal(rangeRevealing(home, 1), home);
    const r = rangeRevealing(home, 100);
    assert.deepEqual(r, { min: 96, max: 104 });
  });

  it('stays within the x limit at both ends, with x inside', () => {
    for (const x of [X_LIMIT, -X_LIMIT, X_LIMIT - 1e-9, -9999.999999]) {
      for (const start of [{ min: 0, max: 1e-8 }, { min: -4, max: 4 }, { min: -X_LIMIT, max: -X_LIMIT + 1 }]) {
        const r = rangeRevealing(start, x);
        assert.equal(checkRange(r.min, r.max), null, `${x} from ${JSON.stringify(start)}: ${JSON.stringify(r)}`);
        assert.ok(r.min <= x && x <= r.max, `${x} in ${JSON.stringify(r)}`);
      }
    }
  });

  it('gives a valid window for any x within the limit from any valid range', () => {
    const end = fc.double({ min: -X_LIMIT, max: X_LIMIT, noNaN: true });
    fc.assert(fc.property(end, end, end, (a, b, x) => {
      const [min, max] = a < b ? [a, b] : [b, a];
      fc.pre(checkRange(min, max) === null);
      const r = rangeRevealing({ min, max }, x);
      return checkRange(r.min, r.max) === null && r.min <= x && x <= r.max;
    }));
  });
});

describe('protocol: parseHostMessage (the webview\'s check)', () => {
  const x = new Float64Array([0, 1, 2]);
  const data = { type: 'plot/data', requestId: 1, x, curves: [{ fn: 'gelu', order: 0, y: new Float64Array(3) }], errors: [], keyPoints: [], notes: [], samplingMs: 1 };

  it('accepts plot data with matching typed arrays', () => {
    assert.ok(parseHostMessage(data).ok);
  });

  it('rejects plot data whose arrays are plain, or of the wrong length', () => {
    assert.equal(parseHostMessage({ ...data, x: [0, 1, 2] }).ok, false);
    assert.equal(parseHostMessage({ ...data, curves: [{ fn: 'gelu', order: 0, y: new Float64Array(2) }] }).ok, false);
    assert.equal(parseHostMessage({ ...data, curves: [{ fn: 'gelu', order: 0, y: x, rounded: [1, 2, 3] }] }).ok, false);
  });

  it('rejects unknown tags and malformed replies', () => {
    for (const raw of [null, 'x', { type: 'plot/nope' }, { type: 'error', requestId: 'a', message: 'm' }, { type: 'plot/pin', x: NaN }, { type: 'export/done', requestId: 1, path: 3 }]) {
      assert.equal(parseHostMessage(raw).ok, false, JSON.stringify(raw));
    }
    assert.ok(parseHostMessage({ type: 'error', requestId: null, message: 'bad' }).ok);
    assert.ok(parseHostMessage({ type: 'plot/refresh' }).ok);
  });

  it('accepts the registry catalogue and refuses an entry without a short label or colour slot', () => {
    const init = { type: 'plot/init', mode: 'panel', catalogue: catalogue(), state, defaults: state };
    assert.ok(parseHostMessage(init).ok);
    const [first, ...rest] = catalogue();
    const broken = (patch: object): unknown => ({ ...init, catalogue: [{ ...first, ...patch }, ...rest] });
    for (const patch of [{ shortLabel: undefined }, { colorSlot: -1 }, { colorSlot: 1.5 }, { family: 'relative' }, { id: 'constructor' }, { label: 7 }]) {
      const parsed = parseHostMessage(broken(patch));
      assert.equal(parsed.ok, false, JSON.stringify(patch));
      assert.match((parsed as { error: string }).error, /catalogue\[0\]/);
    }
    assert.equal(parseHostMessage({ ...init, catalogue: [] }).ok, false);
  });
});

describe('protocol: gated units (two-variable messages)', () => {
  const request: GatedSampleRequest = { fn: 'swiglu_oai', g: { min: -8, max: 8 }, u: { min: -8, max: 8 }, gCount: 3, uCount: 2, slices: [{ along: 'g', at: 1 }] };
  const axis3 = new Float64Array([-1, 0, 1]);
  const data = {
    type: 'gated/data',
    requestId: 4,
    grid: { fn: 'swiglu', g: axis3, u: new Float64Array([0, 1]), y: new Float64Array(6) },
    slices: [{ fn: 'swiglu', along: 'u', at: 0.5, x: axis3, y: new Float64Array(3), dg: new Float64Array(3), du: new Float64Array(3) }],
    guides: [{ axis: 'g', at: 7, label: 'g = 7 (gate clamp)' }],
  };

  it('accepts a well-formed sample request and keeps only what it names', () => {
    const parsed = parseGatedSample({ type: 'gated/sample', requestId: 3, request: { ...request, extra: 1 } });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.ok && parsed.value.request, request);
  });

  it('refuses an unknown unit, a bad grid size, a bad slice or too many slices, with the request id', () => {
    const bad: Partial<Record<keyof GatedSampleRequest, unknown>>[] = [
      { fn: 'gelu' },
      { fn: '__proto__' },
      { gCount: 1 },
      { uCount: MAX_GRID_SIDE + 1 },
      { gCount: 2.5 },
      { g: { min: 1, max: 1 } },
      { slices: [{ along: 'x', at: 0 }] },
      { slices: [{ along: 'g', at: Infinity }] },
      { slices: Array.from({ length: MAX_SLICES + 1 }, () => ({ along: 'g', at: 0 })) },
    ];
    for (const patch of bad) {
      const parsed = parseGatedSample({ type: 'gated/sample', requestId: 3, request: { ...request, ...patch } });
      assert.equal(parsed.ok, false, JSON.stringify(patch));
      assert.equal(!parsed.ok && parsed.requestId, 3);
    }
    assert.equal(parseGatedSample({ type: 'plot/sample', requestId: 3, request }).ok, false);
  });

  it('carries the unit\'s parameters as own finite numbers; a hostile or non-number parameter is refused', () => {
    const withParams = { ...request, params: { alpha: 1.5, limit: 5 } };
    const parsed = parseGatedSample({ type: 'gated/sample', requestId: 3, request: withParams });
    assert.deepEqual(parsed.ok && parsed.value.request.params, { alpha: 1.5, limit: 5 });
    for (const params of [{ alpha: '1.5' }, { limit: NaN }, JSON.parse('{"__proto__": 1}') as unknown, { 'a b': 1 }, [1]]) {
      assert.equal(parseGatedSample({ type: 'gated/sample', requestId: 3, request: { ...request, params } }).ok, false, JSON.stringify(params));
    }
  });

  it('reaches the host and the webview through the plot\'s own validators', () => {
    const asked = parseWebviewMessage({ type: 'gated/sample', requestId: 5, request });
    assert.ok(asked.ok && asked.value.type === 'gated/sample');
    assert.ok(parseHostMessage(data).ok);
    assert.equal(parseHostMessage({ ...data, guides: [{ axis: 'z', at: 0, label: '' }] }).ok, false);
    assert.equal(parseWebviewMessage({ type: 'gated/sample', requestId: 5, request: { ...request, fn: 'constructor' } }).ok, false);
  });

  it('accepts a grid of g.length · u.length values and slices as long as their x', () => {
    const parsed = parseGatedData(data);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  });

  it('refuses plain arrays, wrong lengths, unsorted axes and slices of another unit', () => {
    const grid = data.grid;
    const slice = data.slices[0]!;
    const cases: [string, unknown][] = [
      ['plain y', { ...data, grid: { ...grid, y: [0, 0, 0, 0, 0, 0] } }],
      ['short y', { ...data, grid: { ...grid, y: new Float64Array(5) } }],
      ['descending axis', { ...data, grid: { ...grid, g: new Float64Array([1, 0, -1]) } }],
      ['NaN on an axis', { ...data, grid: { ...grid, u: new Float64Array([0, NaN]) } }],
      ['one-point axis', { ...data, grid: { ...grid, u: new Float64Array([0]), y: new Float64Array(3) } }],
      ['short slice', { ...data, slices: [{ ...slice, du: new Float64Array(2) }] }],
      ['other unit', { ...data, slices: [{ ...slice, fn: 'geglu' }] }],
      ['unknown unit', { ...data, grid: { ...grid, fn: 'gelu' } }],
      ['no request id', { ...data, requestId: 0 }],
      ['no guides', { ...data, guides: undefined }],
      ['a guide off the axes', { ...data, guides: [{ axis: 'g', at: Infinity, label: 'x' }] }],
    ];
    for (const [what, raw] of cases) {
      const parsed = parseGatedData(raw);
      assert.equal(parsed.ok, false, what);
    }
  });
});

describe('protocol: the Precision view and openPlot arguments', () => {
  const precisionRequest = { implementations: ['gelu_tanh', 'gelu_erf'], format: 'bfloat16', mode: 'per-op', range: { min: -8, max: 8 }, widthPx: 400 };

  it('lists exactly the core implementation ids, formats and modes, in the core order', async () => {
    const core = await import('../../src/core/implementations');
    const precision = await import('../../src/core/precision');
    const protocol = await import('../../src/protocol');
    assert.deepEqual([...protocol.IMPLEMENTATION_IDS], [...core.IMPLEMENTATION_IDS]);
    assert.deepEqual([...protocol.MODES], [...core.MODES]);
    assert.deepEqual([...protocol.FORMATS], [...precision.FORMATS]);
  });

  it('accepts a Precision request and puts implementations in core order', () => {
    const parsed = parseWebviewMessage({ type: 'precision/sample', requestId: 3, request: precisionRequest });
    assert.ok(parsed.ok);
    assert.ok(parsed.value.type === 'precision/sample');
    assert.deepEqual(parsed.value.request.implementations, ['gelu_erf', 'gelu_tanh']);
  });

  it('refuses unknown implementations (prototype names included), formats, modes, too many ids and bad widths', () => {
    for (const bad of ['constructor', '__proto__', 'toString', 'gelu', 'GELU_TANH']) {
      const r = rejected({ type: 'precision/sample', requestId: 4, request: { ...precisionRequest, implementations: [bad] } });
      assert.match(r.error, /unknown implementation/);
      assert.equal(r.requestId, 4);
    }
    assert.match(rejected({ type: 'precision/sample', requestId: 4, request: { ...precisionRequest, implementations: [] } }).error, /at least one/);
    assert.match(rejected({ type: 'precision/sample', requestId: 4, request: { ...precisionRequest, implementations: ['silu', 'silu'] } }).error, /twice/);
    const nine = ['gelu_erf', 'gelu_erfc', 'gelu_tanh', 'gelu_tanh_sigmoid', 'gelu_fast', 'gelu_onnx_tanh', 'gelu_ggml', 'gelu_quick_ggml', 'silu'];
    assert.match(rejected({ type: 'precision/sample', requestId: 4, request: { ...precisionRequest, implementations: nine } }).error, /more than 8/);
    assert.match(rejected({ type: 'precision/sample', requestId: 4, request: { ...precisionRequest, format: 'float128' } }).error, /format must be one of/);
    assert.match(rejected({ type: 'precision/sample', requestId: 4, request: { ...precisionRequest, mode: 'fast' } }).error, /mode must be one of/);
    assert.match(rejected({ type: 'precision/sample', requestId: 4, request: { ...precisionRequest, widthPx: 1e9 } }).error, /widthPx/);
    assert.match(rejected({ type: 'precision/sample', requestId: 4, request: { ...precisionRequest, range: { min: 1, max: -1 } } }).error, /range/);
  });

  it('reads a state saved before the Precision view existed with the default choices', () => {
    const parsed = parsePlotState(state);
    assert.ok(parsed.ok);
    assert.equal(parsed.value.precisionView, undefined, 'absent: the default applies');
    const withView = parsePlotState({ ...state, view: 'precision', precisionView: { implementations: ['mish'], format: 'float8_e4m3fn', mode: 'fp32-opmath' } });
    assert.ok(withView.ok);
    assert.equal(withView.value.view, 'precision');
    assert.deepEqual(withView.value.precisionView, { implementations: ['mish'], format: 'float8_e4m3fn', mode: 'fp32-opmath' });
    assert.equal(parsePlotState({ ...state, precisionView: { implementations: ['__proto__'], format: 'bfloat16', mode: 'per-op' } }).ok, false);
  });

  it('validates what openPlot is given: known keys and ids only, each field optional', () => {
    const ok = parsePlotShow({ functions: ['gelu_tanh', 'gelu'], view: 'precision', range: { min: -10, max: 2 }, precision: { implementations: ['gelu_ggml'], format: 'float16' } });
    assert.ok(ok.ok);
    assert.deepEqual(ok.value, { functions: ['gelu', 'gelu_tanh'], view: 'precision', range: { min: -10, max: 2 }, precision: { implementations: ['gelu_ggml'], format: 'float16' } });
    assert.deepEqual(parsePlotShow({}), { ok: true, value: {} });
    const unknownFn = parsePlotShow({ functions: ['gelu', 'constructor'] });
    assert.ok(!unknownFn.ok && /unknown function id "constructor"/.test(unknownFn.error));
    const typo = parsePlotShow({ function: ['gelu'] });
    assert.ok(!typo.ok && /unknown key "function"/.test(typo.error));
    const badImpl = parsePlotShow({ precision: { implementations: ['gelu_tanhh'] } });
    assert.ok(!badImpl.ok && /unknown implementation "gelu_tanhh"/.test(badImpl.error));
    assert.equal(parsePlotShow('gelu').ok, false);
    assert.equal(parsePlotShow({ range: { min: 0, max: 1e9 } }).ok, false);
    assert.equal(parsePlotShow({ precision: { mode: 'per-op', extra: 1 } }).ok, false);
  });

  it('applies openPlot choices to a state: range becomes home, Precision choices merge', () => {
    const next = applyShow({ ...state, precisionView: DEFAULT_PRECISION_SELECTION }, { functions: ['gelu_tanh'], range: { min: -1, max: 1 }, precision: { format: 'float16' } });
    assert.deepEqual(next.functions, ['gelu_tanh']);
    assert.deepEqual(next.home, { min: -1, max: 1 });
    assert.deepEqual(next.range, { min: -1, max: 1 });
    assert.deepEqual(next.precisionView, { ...DEFAULT_PRECISION_SELECTION, format: 'float16' });
    assert.equal(next.view, state.view);
  });

  it('checks precision/data and plot/show from the host', () => {
    const x = new Float64Array([0, 1]);
    const good = {
      type: 'precision/data', requestId: 1, format: 'bfloat16', mode: 'per-op', x, series: [{ impl: 'gelu_tanh', y: new Float64Array([0, 1]) }],
      bands: [{ impl: 'gelu_tanh', kind: 'zero', from: -9, to: -6 }], table: [], markdown: '', notes: [], samplingMs: 1,
    };
    assert.equal(parseHostMessage(good).ok, true);
    assert.equal(parseHostMessage({ ...good, series: [{ impl: 'gelu_tanh', y: new Float64Array(3) }] }).ok, false);
    assert.equal(parseHostMessage({ ...good, bands: [{ impl: 'gelu_tanh', kind: 'melt', from: 0, to: 1 }] }).ok, false);
    assert.equal(parseHostMessage({ type: 'plot/show', show: { functions: ['gelu'] } }).ok, true);
    assert.equal(parseHostMessage({ type: 'plot/show', show: { functions: ['nope'] } }).ok, false);
  });
});
