import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlotController, PlotStatus } from '../../../src/plot/controller';
import type { DrawReport, PlotState } from '../../../src/protocol';

const EXTENSION_ID = 'gelu-lab.gelu-lab';
/** Internal commands registered outside production mode (src/plot/plotPanel.ts TestCommand). */
const PLOT_STATE = 'geluLab._test.plotState';
const RESTORE_PLOT = 'geluLab._test.restorePlot';

type Handle = Pick<PlotController, 'whenDrawn' | 'status' | 'kind'>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function plotTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('geluLab.plot'));
}

async function live(): Promise<{ panel: Handle | undefined; view: Handle | undefined }> {
  return vscode.commands.executeCommand(PLOT_STATE);
}

/** Waits for a draw after `status` (or the first one) and returns its report. */
async function nextDraw(handle: Handle, after: PlotStatus | undefined = undefined): Promise<DrawReport> {
  return handle.whenDrawn((after?.draws ?? 0) + 1, 45_000);
}

describe('plot', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
  });

  after(async () => {
    for (const tab of plotTabs()) await vscode.window.tabGroups.close(tab);
  });

  it('Open Plot opens the panel beside the editor, and the webview reports f, f′, f″ drawn', async () => {
    const handle = await vscode.commands.executeCommand<Handle | undefined>('geluLab.openPlot');
    assert.ok(handle && typeof handle.whenDrawn === 'function', 'the command returns the plot controller');
    const report = await nextDraw(handle);
    assert.equal(report.view, 'curves');
    assert.equal(report.layout, 'stacked');
    assert.equal(report.charts, 3);
    assert.equal(report.datasets, 9, 'the three default functions × f, f′, f″');
    assert.ok(report.points >= 9 * 2 * 16, `${report.points} points drawn`);
    assert.deepEqual(report.range, { min: -4, max: 4 }, 'the default range of the settings');
    assert.equal(plotTabs().length, 1, 'one plot tab');
    assert.deepEqual(handle.status().problems, [], 'no webview error, CSP violation or rejected message');
  });

  it('Open Plot again reveals the same panel instead of opening a second', async () => {
    const first = (await live()).panel;
    const again = await vscode.commands.executeCommand<Handle | undefined>('geluLab.openPlot');
    assert.equal(again, first);
    assert.equal(plotTabs().length, 1);
  });

  it('Open Plot with { functions: [gelu, gelu_tanh] } shows exactly those, and refuses an unknown id', async () => {
    const handle = (await live()).panel;
    assert.ok(handle);
    const before = handle.status();
    const result = await vscode.commands.executeCommand<Handle | undefined>('geluLab.openPlot', { functions: ['gelu', 'gelu_tanh'] });
    assert.equal(result, handle, 'the same panel');
    let report = await nextDraw(handle, before);
    for (let i = 0; i < 5 && report.datasets !== 6; i++) report = await nextDraw(handle, handle.status());
    assert.deepEqual(report.functions, ['gelu', 'gelu_tanh']);
    assert.equal(report.datasets, 6, 'two functions × f, f′, f″');
    const refused = await vscode.commands.executeCommand<Handle | undefined>('geluLab.openPlot', { functions: ['gelu', 'constructor'] });
    assert.equal(refused, undefined, 'nothing opened for an unknown id');
    assert.deepEqual(handle.status().problems, []);
  });

  it('Plot at x brings x into range and pins a row there', async () => {
    const handle = (await live()).panel;
    assert.ok(handle);
    const before = handle.status();
    const result = await vscode.commands.executeCommand<Handle | undefined>('geluLab.plotAtX', 12.5);
    assert.equal(result, handle);
    // The pin arrives, the range moves to hold x, and the new samples are drawn; wait for that draw.
    let report = await nextDraw(handle, before);
    for (let i = 0; i < 5 && !(report.range.min <= 12.5 && report.range.max >= 12.5); i++) report = await nextDraw(handle, handle.status());
    assert.ok(report.range.min <= 12.5 && report.range.max >= 12.5, `range ${report.range.min}…${report.range.max}`);
    assert.ok(report.pins >= 1, 'a pinned row');
    assert.deepEqual(handle.status().problems, []);
  });

  it('Plot at x refuses what is not a plottable number, with a message rather than a throw', async () => {
    for (const bad of ['abc', Number.NaN, 1e9, { x: 1 }]) {
      const result = await vscode.commands.executeCommand('geluLab.plotAtX', bad);
      assert.equal(result, undefined, `argument ${String(bad)}`);
    }
  });

  it('follows the samples-per-pixel setting: the webview is asked to redraw', async () => {
    const handle = (await live()).panel;
    assert.ok(handle);
    const before = handle.status();
    const config = vscode.workspace.getConfiguration('geluLab');
    await config.update('plot.samplesPerPixel', 1, vscode.ConfigurationTarget.Global);
    try {
      const report = await nextDraw(handle, before);
      assert.ok(report.points > 0);
    } finally {
      await config.update('plot.samplesPerPixel', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('the side-bar view resolves and draws one compact chart', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.geluLab');
    let view: Handle | undefined;
    for (let i = 0; i < 150 && !view; i++) {
      view = (await live()).view;
      if (!view) await sleep(100);
    }
    assert.ok(view, 'resolveWebviewView ran');
    assert.equal(view.kind, 'view');
    const report = await nextDraw(view);
    assert.equal(report.charts, 1);
    assert.equal(report.layout, 'overlay');
    assert.equal(report.datasets, 3);
    assert.deepEqual(view.status().problems, []);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });

  it('the serializer restores a panel with the state its webview saved', async () => {
    for (const tab of plotTabs()) await vscode.window.tabGroups.close(tab);
    const saved: PlotState = {
      functions: ['gelu', 'tanh', 'sigmoid'],
      params: {},
      range: { min: -6, max: 2 },
      home: { min: -6, max: 6 },
      view: 'error',
      layout: 'overlay',
      orders: [0, 1],
      errorKind: 'ulp',
      precision: 'bfloat16',
      pins: [-0.75],
      lightExport: false,
    };
    const restored = await vscode.commands.executeCommand<Handle | undefined>(RESTORE_PLOT, saved);
    assert.ok(restored);
    const report = await nextDraw(restored);
    assert.deepEqual(report.range, saved.range);
    assert.equal(report.view, 'error');
    assert.equal(report.layout, 'overlay');
    assert.equal(report.charts, 1);
    assert.equal(report.datasets, 6, 'three functions in bfloat16 against their exact selves, for f and f′');
    assert.equal(report.pins, 1);
    assert.equal(plotTabs().length, 1);
  });

  it('a restored state that is not valid falls back to the settings', async () => {
    const restored = await vscode.commands.executeCommand<Handle | undefined>(RESTORE_PLOT, { functions: ['no such'], range: 'wide' });
    assert.ok(restored);
    const report = await nextDraw(restored);
    assert.deepEqual(report.range, { min: -4, max: 4 });
    assert.equal(report.datasets, 9);
    assert.ok(restored.status().problems.some((p) => /saved plot state was not usable/.test(p)));
  });

  it('a saved state whose range cannot be drawn (Plot at x 5000 from 0…1e-8) comes back on its home range, pins kept', async () => {
    const saved = {
      functions: ['gelu'], params: {}, range: { min: 5000 - 5e-9, max: 5000 + 5e-9 }, home: { min: 0, max: 1e-8 }, view: 'curves',
      layout: 'stacked', orders: [0, 1, 2], errorKind: 'rel', precision: 'float64', pins: [5000], lightExport: false,
    };
    const restored = await vscode.commands.executeCommand<Handle | undefined>(RESTORE_PLOT, saved);
    assert.ok(restored);
    const report = await nextDraw(restored);
    assert.deepEqual(report.range, saved.home);
    assert.equal(report.datasets, 3);
    assert.equal(report.pins, 1);
    assert.ok(restored.status().problems.some((p) => /partly unusable.*too narrow/.test(p)), restored.status().problems.join('\n'));
  });

  it('a range setting too narrow to draw (0…1e-12) opens the plot on the default range instead of loading forever', async () => {
    for (const tab of plotTabs()) await vscode.window.tabGroups.close(tab);
    const config = vscode.workspace.getConfiguration('geluLab');
    await config.update('plot.xMin', 0, vscode.ConfigurationTarget.Global);
    await config.update('plot.xMax', 1e-12, vscode.ConfigurationTarget.Global);
    try {
      const handle = await vscode.commands.executeCommand<Handle | undefined>('geluLab.openPlot');
      assert.ok(handle);
      const report = await nextDraw(handle);
      assert.deepEqual(report.range, { min: -4, max: 4 });
      assert.deepEqual(handle.status().problems, []);
    } finally {
      await config.update('plot.xMin', undefined, vscode.ConfigurationTarget.Global);
      await config.update('plot.xMax', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
