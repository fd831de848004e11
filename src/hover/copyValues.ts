/**
 * `geluLab.copyValues`: copies the value table of given x (as Markdown or CSV) to the
 * clipboard. Run from the hover's links, so its argument is validated before use.
 */
import * as vscode from 'vscode';
import type { FunctionId } from '../core/types';
import { commandFailed, type FeatureContext } from '../feature';
import { evaluateAll, parseCopyValuesArgs, valuesTable, type TableFormat } from './valuesModel';

/** Copies the table of `xs` to the clipboard and says so in the status bar; returns the text. */
export async function copyTable(xs: readonly number[], functions: readonly FunctionId[], format: TableFormat): Promise<string> {
  const text = valuesTable(evaluateAll(xs, functions), functions, format);
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`GELU Lab: copied ${xs.length} value${xs.length === 1 ? '' : 's'} as ${format === 'csv' ? 'CSV' : 'Markdown'}.`, 4000);
  return text;
}

/**
 * The command handler: `arg` is `{ values: string[], functions: FunctionId[], format }`.
 * Returns the copied text, or `undefined` (with a message) for a bad argument.
 */
export async function copyValuesCommand(ctx: FeatureContext, arg: unknown): Promise<string | undefined> {
  try {
    const parsed = parseCopyValuesArgs(arg);
    if (typeof parsed === 'string') {
      ctx.log.warn(parsed);
      void vscode.window.showErrorMessage(`GELU Lab: ${parsed}`);
      return undefined;
    }
    return await copyTable(parsed.xs, parsed.functions, parsed.format);
  } catch (error) {
    return commandFailed(ctx, 'Copy values', 'copy the values', error);
  }
}
