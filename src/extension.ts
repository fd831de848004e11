import * as vscode from 'vscode';
import { registerConfig } from './config';
import type { FeatureContext } from './feature';
import * as evaluate from './commands/evaluate';
import * as plotPanel from './plot/plotPanel';
import * as plotView from './plot/plotView';
import * as numberHover from './hover/numberHover';
import * as frameworkHover from './hover/frameworkHover';
import * as evaluateSelection from './hover/evaluateSelection';
import * as insertSnippet from './snippets/insertSnippet';
import * as configHover from './models/configHover';
import * as configDiagnostics from './models/configDiagnostics';
import * as compareModelActivations from './commands/compareModelActivations';
import * as compareImplementations from './commands/compareImplementations';
import * as onnxEditor from './models/onnxEditor';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('GELU Lab', { log: true });
  context.subscriptions.push(log);
  const ctx: FeatureContext = { extension: context, config: registerConfig(context, log), log };
  log.info(`GELU Lab ${String((context.extension.packageJSON as { version?: unknown }).version)} activated in ${hostKind()}.`);

  evaluate.register(ctx);
  plotPanel.register(ctx);
  plotView.register(ctx);
  numberHover.register(ctx);
  frameworkHover.register(ctx);
  evaluateSelection.register(ctx);
  insertSnippet.register(ctx);
  configHover.register(ctx);
  configDiagnostics.register(ctx);
  compareModelActivations.register(ctx);
  compareImplementations.register(ctx);
  onnxEditor.register(ctx);
}

export function deactivate(): void {}

/** Which extension host runs this bundle: a web worker (vscode.dev, `browser` entry) or Node (`main`). */
function hostKind(): string {
  return typeof (globalThis as { importScripts?: unknown }).importScripts === 'function' ? 'a web worker extension host' : 'the Node extension host';
}
