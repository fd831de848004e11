/**
 * "GELU Lab: Compare This Model's Activations": from a config's diagnostic or hover link (with
 * the variants as arguments) or from the palette on the active config.json, states how far the
 * variants involved are apart and opens the plot pinned where they differ most.
 */
import * as vscode from 'vscode';
import { activations } from '../core/activations';
import { commandFailed, type FeatureContext } from '../feature';
import { analyseConfig, describeDifference, differenceBetween, parseCompareArgs, variantsOf, type CompareArgs } from '../models/configModel';
import { CommandId } from './ids';

export function register(ctx: FeatureContext): void {
  const run = async (arg?: unknown): Promise<void> => {
    try {
      let args: CompareArgs;
      if (arg === undefined) {
        const editor = vscode.window.activeTextEditor;
        const analysis = editor ? analyseConfig(editor.document.getText(), editor.document.fileName) : undefined;
        if (!analysis?.isModelConfig || analysis.settings.length === 0) {
          void vscode.window.showInformationMessage('GELU Lab: open a model config.json with hidden_act (or a similar key) to compare its activations.');
          return;
        }
        args = variantsOf(analysis);
      } else {
        const parsed = parseCompareArgs(arg);
        if (typeof parsed === 'string') {
          ctx.log.warn(`Compare Model Activations: bad argument (${parsed}).`);
          void vscode.window.showErrorMessage(`GELU Lab: cannot compare: ${parsed}.`);
          return;
        }
        args = parsed;
      }
      const [first, second] = args.functions;
      const summary = first !== undefined && second !== undefined ? describeDifference(differenceBetween(first, second)) : undefined;
      const x = args.x ?? (first !== undefined && second !== undefined ? differenceBetween(first, second).atX : undefined);
      ctx.log.info(`Compare Model Activations: ${args.functions.join(', ')}${summary ? `; ${summary}` : ''}.`);
      // Show exactly the variants involved on the curves, then pin where they differ most.
      await vscode.commands.executeCommand(CommandId.openPlot, args.functions.length > 0 ? { functions: args.functions, view: 'curves' } : undefined);
      if (x !== undefined) await vscode.commands.executeCommand(CommandId.plotAtX, x);
      const names = args.functions.map((f) => activations[f].label).join(', ');
      void vscode.window.showInformationMessage(`GELU Lab: this model involves ${names}${summary ? `; ${summary}` : ''}; the plot shows them.`);
    } catch (error) {
      commandFailed(ctx, 'Compare Model Activations', 'open the comparison', error);
    }
  };
  ctx.extension.subscriptions.push(vscode.commands.registerCommand(CommandId.compareModelActivations, run));
}
