/**
 * Hovers on the activation keys of Hugging Face configs (config.json, JSONC) and on
 * `hidden_act="gelu_new"`-style keyword arguments in Python: which function the name means and
 * what each stack runs for it. The work is done by configModel.ts; this file adapts it to VS Code.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/ids';
import type { FeatureContext } from '../feature';
import { trustedMarkdown } from '../hover/numberHover';
import { analyseConfig, configHoverAt, pythonHoverMarkdown, pythonKeywordAt } from './configModel';

/** Commands the hover's links may run. */
export const CONFIG_HOVER_COMMANDS: readonly string[] = [CommandId.compareModelActivations];

export const CONFIG_SELECTOR: vscode.DocumentSelector = [{ language: 'json' }, { language: 'jsonc' }];

export function register(ctx: FeatureContext): void {
  const jsonProvider: vscode.HoverProvider = {
    provideHover(document, position) {
      try {
        if (!ctx.config.hoverFor(document).enabled) return undefined;
        const analysis = analyseConfig(document.getText(), document.fileName);
        if (!analysis.isModelConfig) return undefined;
        const h = configHoverAt(analysis, document.offsetAt(position));
        if (h === undefined) return undefined;
        return new vscode.Hover(trustedMarkdown(h.markdown, CONFIG_HOVER_COMMANDS), new vscode.Range(document.positionAt(h.start), document.positionAt(h.end)));
      } catch (error) {
        ctx.log.error(`Model config hover failed at ${document.uri.toString()}:${position.line + 1}: ${String(error)}`);
        return undefined;
      }
    },
  };
  const pythonProvider: vscode.HoverProvider = {
    provideHover(document, position) {
      try {
        if (!ctx.config.hoverFor(document).enabled) return undefined;
        const k = pythonKeywordAt(document.lineAt(position.line).text, position.character);
        if (k === undefined) return undefined;
        return new vscode.Hover(trustedMarkdown(pythonHoverMarkdown(k), CONFIG_HOVER_COMMANDS), new vscode.Range(position.line, k.start, position.line, k.end));
      } catch (error) {
        ctx.log.error(`Model keyword hover failed at ${document.uri.toString()}:${position.line + 1}: ${String(error)}`);
        return undefined;
      }
    },
  };
  ctx.extension.subscriptions.push(
    vscode.languages.registerHoverProvider(CONFIG_SELECTOR, jsonProvider),
    vscode.languages.registerHoverProvider({ language: 'python' }, pythonProvider),
  );
}
