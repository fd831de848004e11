/**
 * "GELU Lab: Evaluate Selection" (`geluLab.evaluateSelection`): the values of the selected
 * numbers as a table in a read-only virtual document (`gelu-lab:` scheme). Its editor title
 * carries "Copy Evaluation as Markdown / as CSV" (`geluLab.copyEvaluation*`), which copy the
 * full table of that document at any time (no message repeats them). "Evaluate at x…" shows its
 * answer in the same kind of document through {@link showEvaluation}. Also registers
 * `geluLab.copyValues`, the hover links' command.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/ids';
import { literalOptionsFor } from '../text/languages';
import { literalAt } from '../text/scanner';
import type { FunctionId } from '../core/types';
import { commandFailed, type FeatureContext } from '../feature';
import { MemoryDocuments } from '../memoryDocuments';
import { copyTable, copyValuesCommand } from './copyValues';
import { boundedSelectionText } from './numberHover';
import { evaluationReport, evaluationReportOf, type EvaluationReport, type TableFormat } from './valuesModel';

/** URI scheme of the evaluation documents. */
export const EVALUATION_SCHEME = 'gelu-lab';
/** Evaluation documents kept in memory (older ones are dropped and read as empty). */
const KEPT = 20;

/** What the command returns (for tests and other extensions). */
export interface EvaluateSelectionResult {
  readonly uri: string;
  readonly values: readonly number[];
  readonly total: number;
}

/** One evaluation document: its text and what it evaluated (for the copy actions). */
interface Evaluation {
  readonly markdown: string;
  readonly xs: readonly number[];
  readonly functions: readonly FunctionId[];
}

/** What a dropped (or unknown) evaluation document reads as. */
const STALE = 'This evaluation is no longer available: run "GELU Lab: Evaluate Selection" again.\n';

/**
 * Turns word wrap off in the (active) editor of an evaluation document: Markdown wraps by
 * default, which breaks every table row over several lines. The toggle is the editor's own
 * per-document override (the API has no word-wrap option), so it is flipped only when the
 * effective setting wraps.
 */
async function unwrap(document: vscode.TextDocument): Promise<void> {
  if (vscode.window.activeTextEditor?.document !== document) return;
  const wrap = vscode.workspace.getConfiguration('editor', document).get<string>('wordWrap', 'off');
  if (wrap !== 'off') await vscode.commands.executeCommand('editor.action.toggleWordWrap');
}

function describeSource(document: vscode.TextDocument, selections: readonly vscode.Range[]): string {
  const name = vscode.workspace.asRelativePath(document.uri, false);
  const where = selections.map((s) => (s.start.line === s.end.line ? `line ${s.start.line + 1}` : `lines ${s.start.line + 1}–${s.end.line + 1}`));
  return `${name}, ${where.length > 3 ? `${where.slice(0, 3).join(', ')} and ${where.length - 3} more selections` : where.join(', ')}`;
}

/** The evaluation documents of this window (their provider is registered by {@link register}). */
const documents = new MemoryDocuments<Evaluation>(EVALUATION_SCHEME, KEPT, (evaluation) => evaluation.markdown, STALE);

/**
 * Opens `report` as a new evaluation document beside the active editor (word wrap off) and
 * returns its URI. Shared by "Evaluate Selection" and "Evaluate at x…".
 */
export async function showEvaluation(report: EvaluationReport, functions: readonly FunctionId[]): Promise<vscode.Uri> {
  const uri = documents.add({ markdown: report.markdown, xs: report.xs, functions }, (n) => `Evaluation ${n}`);
  const opened = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(opened, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  await unwrap(opened);
  return uri;
}

export function register(ctx: FeatureContext): void {

  const evaluateSelection = async (): Promise<EvaluateSelectionResult | undefined> => {
    try {
      const editor = vscode.window.activeTextEditor;
      if (editor === undefined) {
        void vscode.window.showInformationMessage('GELU Lab: open a file and select numbers to evaluate.');
        return undefined;
      }
      const document = editor.document;
      const functions: readonly FunctionId[] = ctx.config.current.hover.functions;
      let ranges: vscode.Range[] = editor.selections.filter((s) => !s.isEmpty);
      let report: EvaluationReport | string;
      if (ranges.length > 0) {
        const text = ranges.map((s) => boundedSelectionText(document, s)).join('\n');
        report = evaluationReport(text, document.languageId, functions, describeSource(document, ranges));
      } else {
        // No selection: the literal under the cursor, read as the hover reads it (a quoted
        // "1,234.5" is one value), not scanned again.
        const position = editor.selection.active;
        const line = document.lineAt(position.line).text;
        const lit = literalAt(line, position.character, literalOptionsFor(document.languageId));
        if (lit === undefined) {
          void vscode.window.showInformationMessage('GELU Lab: select numbers first (a number, a list such as [-3, -1, 0, 1, 3], or a CSV row).');
          return undefined;
        }
        ranges = [new vscode.Range(position.line, lit.start, position.line, lit.end)];
        report = evaluationReportOf([lit], 1, true, functions, describeSource(document, ranges));
      }
      if (typeof report === 'string') {
        void vscode.window.showInformationMessage(`GELU Lab: ${report}`);
        return undefined;
      }
      const uri = await showEvaluation(report, functions);
      return { uri: uri.toString(), values: report.xs, total: report.total };
    } catch (error) {
      return commandFailed(ctx, 'Evaluate Selection', 'evaluate the selection', error);
    }
  };

  /**
   * Copies the table of an evaluation document: `resource` is the URI VS Code passes from the
   * editor title; from the palette, the active editor's document. Returns the copied text.
   */
  const copyEvaluation = async (format: TableFormat, resource: unknown): Promise<string | undefined> => {
    try {
      const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
      const evaluation = uri === undefined ? undefined : documents.get(uri);
      if (evaluation === undefined) {
        void vscode.window.showInformationMessage('GELU Lab: this is not an evaluation that is still open; run "GELU Lab: Evaluate Selection" first.');
        return undefined;
      }
      return await copyTable(evaluation.xs, evaluation.functions, format);
    } catch (error) {
      return commandFailed(ctx, 'Copy evaluation', 'copy the evaluation', error);
    }
  };

  ctx.extension.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(EVALUATION_SCHEME, documents),
    vscode.commands.registerCommand(CommandId.copyEvaluationMarkdown, (resource: unknown) => copyEvaluation('markdown', resource)),
    vscode.commands.registerCommand(CommandId.copyEvaluationCsv, (resource: unknown) => copyEvaluation('csv', resource)),
    vscode.commands.registerCommand(CommandId.evaluateSelection, evaluateSelection),
    vscode.commands.registerCommand(CommandId.copyValues, (arg: unknown) => copyValuesCommand(ctx, arg)),
  );
}
