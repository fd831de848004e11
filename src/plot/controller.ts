/**
 * VS Code glue of one plot webview (panel or side-bar view): sets its options and HTML, feeds
 * its messages to a {@link PlotSession}, and gives the session VS Code's save dialog, file
 * system, clipboard and log. Also what `geluLab.openPlot` returns, so tests can wait for a draw.
 */
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature';
import type { DrawReport, HostKind, PlotShow } from '../protocol';
import { PlotSession } from './session';
import { makeNonce, webviewHtml } from './webviewHtml';

/** Scripts on, and only `dist/` and `media/` of the extension readable. No `retainContextWhenHidden`: state lives in setState. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

async function saveThroughDialog(bytes: Uint8Array, suggestedName: string, kind: 'png' | 'csv'): Promise<string | null> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await vscode.window.showSaveDialog({
    title: kind === 'png' ? 'Export the plot as PNG' : 'Export the sampled data as CSV',
    saveLabel: 'Export',
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, suggestedName) } : {}),
    filters: kind === 'png' ? { 'PNG image': ['png'] } : { 'CSV (comma-separated values)': ['csv'] },
  });
  if (!uri) return null;
  await vscode.workspace.fs.writeFile(uri, bytes);
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}

/** Where a plot webview stands, for tests. */
export interface PlotStatus {
  readonly kind: HostKind;
  readonly ready: boolean;
  readonly draws: number;
  readonly lastDrawn: DrawReport | undefined;
  /** Errors the webview reported (script errors, CSP violations) and messages the host rejected. */
  readonly problems: readonly string[];
}

export class PlotController implements vscode.Disposable {
  private readonly session: PlotSession;
  private readonly disposables: vscode.Disposable[] = [];
  private draws = 0;
  private last: DrawReport | undefined;
  private waiters: { min: number; resolve(r: DrawReport): void }[] = [];
  private readonly problems: string[] = [];

  /** @param restored the state the serializer (or a view's resolve context) handed back, unvalidated. */
  constructor(webview: vscode.Webview, readonly kind: HostKind, ctx: FeatureContext, restored?: unknown) {
    const extensionUri = ctx.extension.extensionUri;
    webview.options = webviewOptions(extensionUri);
    this.session = new PlotSession({
      mode: kind,
      plotConfig: () => ctx.config.current.plot,
      post: (message) => {
        webview.postMessage(message).then(undefined, (error: unknown) => ctx.log.warn(`Plot: could not post ${message.type}: ${String(error)}`));
      },
      save: saveThroughDialog,
      writeClipboard: async (text) => {
        await vscode.env.clipboard.writeText(text);
      },
      log: (level, message) => {
        ctx.log[level](message);
        if (level !== 'info' && this.problems.length < 100) this.problems.push(message);
      },
      drawn: (report) => this.onDrawn(report),
    }, restored);
    webview.onDidReceiveMessage((message: unknown) => void this.session.handle(message), undefined, this.disposables);
    ctx.config.onDidChange(() => this.session.send({ type: 'plot/refresh' }), undefined, this.disposables);
    webview.html = webviewHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.css')).toString(),
      nonce: makeNonce(),
      mode: kind,
    });
  }

  /** Moves the crosshair to x and pins a row there (once the webview is ready). */
  pin(x: number): void {
    this.session.send({ type: 'plot/pin', x });
  }

  /** Selects functions, a view, a range or Precision choices (once the webview is ready). */
  show(show: PlotShow): void {
    this.session.send({ type: 'plot/show', show });
  }

  status(): PlotStatus {
    return { kind: this.kind, ready: this.session.isReady, draws: this.draws, lastDrawn: this.last, problems: [...this.problems] };
  }

  /** Resolves with the report of the `minDraws`-th redraw since the webview loaded (at once if it happened). */
  whenDrawn(minDraws = 1, timeoutMs = 30_000): Promise<DrawReport> {
    if (this.last && this.draws >= minDraws) return Promise.resolve(this.last);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`the plot did not draw ${minDraws} time(s) within ${timeoutMs} ms (drew ${this.draws})`));
      }, timeoutMs);
      const done = (r: DrawReport): void => {
        clearTimeout(timer);
        resolve(r);
      };
      this.waiters.push({ min: minDraws, resolve: done });
    });
  }

  private onDrawn(report: DrawReport): void {
    this.draws += 1;
    this.last = report;
    const due = this.waiters.filter((w) => this.draws >= w.min);
    this.waiters = this.waiters.filter((w) => this.draws < w.min);
    for (const w of due) w.resolve(report);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
