/**
 * Diagnostics on Hugging Face configs: unknown activation names, names a library overrides for
 * the model type, `gelu` where the architecture's reference uses another GELU, T5's
 * feed_forward_proj traps; each with the size of the difference and a link to the plot, and a
 * quick fix where replacing the value is safe. Only files that look like model configs.
 */
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature';
import { CommandId } from '../commands/ids';
import { analyseConfig, configDiagnostics, type ConfigDiagnostic } from './configModel';

const SOURCE = 'GELU Lab';
const DEBOUNCE_MS = 300;

function toDiagnostic(document: vscode.TextDocument, d: ConfigDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(d.start), document.positionAt(d.end));
  const diag = new vscode.Diagnostic(range, d.message, d.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
  diag.source = SOURCE;
  diag.code = d.compare
    ? { value: d.code, target: vscode.Uri.parse(`command:${CommandId.compareModelActivations}?${encodeURIComponent(JSON.stringify([d.compare]))}`) }
    : d.code;
  return diag;
}

function isJson(document: vscode.TextDocument): boolean {
  return document.languageId === 'json' || document.languageId === 'jsonc';
}

/** The diagnostics of a document as data (empty for anything but a model config). */
export function diagnosticsFor(document: vscode.TextDocument): ConfigDiagnostic[] {
  if (!isJson(document)) return [];
  return configDiagnostics(analyseConfig(document.getText(), document.fileName));
}

export function register(ctx: FeatureContext): void {
  const collection = vscode.languages.createDiagnosticCollection('geluLab.modelConfig');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const refresh = (document: vscode.TextDocument): void => {
    try {
      if (!isJson(document)) return;
      const found = diagnosticsFor(document);
      if (found.length === 0) collection.delete(document.uri);
      else collection.set(document.uri, found.map((d) => toDiagnostic(document, d)));
    } catch (error) {
      ctx.log.error(`Model config diagnostics failed for ${document.uri.toString()}: ${String(error)}`);
    }
  };
  const later = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    const t = timers.get(key);
    if (t) clearTimeout(t);
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      refresh(document);
    }, DEBOUNCE_MS));
  };

  const actions: vscode.CodeActionProvider = {
    provideCodeActions(document, range) {
      const out: vscode.CodeAction[] = [];
      for (const d of diagnosticsFor(document)) {
        if (!d.fix) continue;
        const r = new vscode.Range(document.positionAt(d.start), document.positionAt(d.end));
        if (!r.intersection(range)) continue;
        const action = new vscode.CodeAction(d.fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, r, d.fix.newText);
        action.diagnostics = [toDiagnostic(document, d)];
        action.isPreferred = d.code === 'unknown-activation';
        out.push(action);
      }
      return out;
    },
  };

  ctx.extension.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => later(e.document)),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
    vscode.languages.registerCodeActionsProvider([{ language: 'json' }, { language: 'jsonc' }], actions, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  for (const document of vscode.workspace.textDocuments) refresh(document);
}
