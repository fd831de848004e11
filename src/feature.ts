import * as vscode from 'vscode';
import type { ConfigSource } from './config';

/** What `activate` hands every feature's `register`. */
export interface FeatureContext {
  readonly extension: vscode.ExtensionContext;
  readonly config: ConfigSource;
  readonly log: vscode.LogOutputChannel;
}

/**
 * A command's catch at the boundary: logs what failed (with the stack) and shows one sentence,
 * "could not `couldNot`; see the log". Returns the command's `undefined`.
 */
export function commandFailed(ctx: FeatureContext, what: string, couldNot: string, error: unknown): undefined {
  ctx.log.error(`${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  void vscode.window.showErrorMessage(`GELU Lab: could not ${couldNot}; see the log (GELU Lab: Show Log).`);
  return undefined;
}

/**
 * Asks for a number in an input box that refuses, as the person types, what `parse` refuses (its
 * sentence shown under the box). Undefined when cancelled.
 */
export async function inputNumber(options: Omit<vscode.InputBoxOptions, 'validateInput'>, parse: (text: string) => number | string): Promise<number | undefined> {
  const typed = await vscode.window.showInputBox({
    ...options,
    validateInput: (text) => {
      const parsed = parse(text);
      return typeof parsed === 'string' ? parsed : undefined;
    },
  });
  const parsed = typed === undefined ? undefined : parse(typed);
  return typeof parsed === 'number' ? parsed : undefined;
}
