/**
 * The compact plot in the side bar (its own activity-bar container): the same webview and
 * protocol as the panel, started with one overlaid chart of f.
 */
import * as vscode from 'vscode';
import { ViewId } from '../commands/ids';
import type { FeatureContext } from '../feature';
import { PlotController } from './controller';
import { live } from './live';

export function register(ctx: FeatureContext): void {
  const provider: vscode.WebviewViewProvider = {
    resolveWebviewView(view, context) {
      // context.state is what the webview saved with setState before it was hidden or reloaded.
      const controller = new PlotController(view.webview, 'view', ctx, context.state);
      live.view = controller;
      view.onDidDispose(() => {
        controller.dispose();
        if (live.view === controller) live.view = undefined;
      });
    },
  };
  ctx.extension.subscriptions.push(vscode.window.registerWebviewViewProvider(ViewId.plotView, provider));
}
