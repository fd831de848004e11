/**
 * The plot panel beside the editor: `geluLab.openPlot`, `geluLab.plotAtX`, and the serializer
 * that brings the panel back after a window reload with the state the webview saved.
 */
import * as vscode from 'vscode';
import { parseXInput } from '../commands/evaluate';
import { CommandId, ViewId } from '../commands/ids';
import { commandFailed, type FeatureContext, inputNumber } from '../feature';
import { parsePlotShow, X_LIMIT } from '../protocol';
import { PlotController } from './controller';
import { live } from './live';

/** Internal commands for the extension-host tests; registered only outside production mode. */
export const TestCommand = {
  /** → `{ panel, view }`: the live {@link PlotController}s (or undefined). */
  plotState: 'geluLab._test.plotState',
  /** (state) → PlotController: opens a panel through the serializer's restore path. */
  restorePlot: 'geluLab._test.restorePlot',
} as const;

const TITLE = 'GELU Lab: Plot';

function iconPath(extensionUri: vscode.Uri): { light: vscode.Uri; dark: vscode.Uri } {
  return { light: vscode.Uri.joinPath(extensionUri, 'media', 'plot-light.svg'), dark: vscode.Uri.joinPath(extensionUri, 'media', 'plot-dark.svg') };
}

/** Checks a value given for x: a finite number (or numeric text) within the plot's range. */
export function checkPlotX(value: unknown): number | string {
  const x = typeof value === 'string' ? parseXInput(value) : value;
  if (typeof x === 'string') return x;
  if (typeof x !== 'number' || !Number.isFinite(x)) return `Plot at x needs a finite number, got ${JSON.stringify(value)}.`;
  if (Math.abs(x) > X_LIMIT) return `x must lie within ±${X_LIMIT} to be plotted (got ${x}).`;
  return x;
}

export function register(ctx: FeatureContext): void {
  const adopt = (panel: vscode.WebviewPanel, restored?: unknown): PlotController => {
    panel.iconPath = iconPath(ctx.extension.extensionUri);
    const controller = new PlotController(panel.webview, 'panel', ctx, restored);
    live.panel = controller;
    panel.onDidDispose(() => {
      controller.dispose();
      if (live.panel === controller) {
        live.panel = undefined;
        current = undefined;
      }
    });
    current = panel;
    return controller;
  };
  let current: vscode.WebviewPanel | undefined;

  /** Reveals the panel, creating it beside the active editor when there is none. */
  const open = (): PlotController => {
    if (current && live.panel) {
      current.reveal(undefined, false);
      return live.panel;
    }
    const panel = vscode.window.createWebviewPanel(ViewId.plotPanel, TITLE, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {});
    return adopt(panel);
  };

  /**
   * Opens (or reveals) the plot; with an argument `{ functions?, view?, range?, precision? }`
   * (validated like a webview message) also selects those. A bad argument opens nothing and says why.
   */
  const openPlot = (arg?: unknown): PlotController | undefined => {
    // Menus pass the resource they were invoked on: that is not a request to show anything.
    const given = arg === undefined || arg === null || arg instanceof vscode.Uri ? undefined : parsePlotShow(arg);
    if (given && !given.ok) {
      ctx.log.warn(`Open Plot: bad argument (${given.error}).`);
      void vscode.window.showErrorMessage(`GELU Lab: cannot open the plot: ${given.error}.`);
      return undefined;
    }
    try {
      const controller = open();
      if (given?.ok) controller.show(given.value);
      return controller;
    } catch (error) {
      return commandFailed(ctx, 'Open Plot', 'open the plot', error);
    }
  };

  const plotAtX = async (arg?: unknown): Promise<PlotController | undefined> => {
    let x: number;
    if (arg === undefined) {
      const typed = await inputNumber({ title: 'GELU Lab: Plot at x', prompt: `x to pin on the plot (within ±${X_LIMIT})`, placeHolder: '-0.75' }, checkPlotX);
      if (typed === undefined) return undefined;
      x = typed;
    } else {
      const checked = checkPlotX(arg);
      if (typeof checked === 'string') {
        void vscode.window.showErrorMessage(`GELU Lab: ${checked}`);
        return undefined;
      }
      x = checked;
    }
    const controller = openPlot();
    controller?.pin(x);
    return controller;
  };

  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(CommandId.openPlot, openPlot),
    vscode.commands.registerCommand(CommandId.plotAtX, plotAtX),
    vscode.window.registerWebviewPanelSerializer(ViewId.plotPanel, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        if (current) {
          // A second restored panel: one plot panel per window; keep the first.
          panel.dispose();
          return;
        }
        adopt(panel, state);
      },
    }),
  );

  if (ctx.extension.extensionMode !== vscode.ExtensionMode.Production) {
    ctx.extension.subscriptions.push(
      vscode.commands.registerCommand(TestCommand.plotState, () => ({ panel: live.panel, view: live.view })),
      vscode.commands.registerCommand(TestCommand.restorePlot, (state: unknown) => {
        current?.dispose();
        const panel = vscode.window.createWebviewPanel(ViewId.plotPanel, TITLE, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {});
        return adopt(panel, state);
      }),
    );
  }
}
