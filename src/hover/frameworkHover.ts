/**
 * Hover over the name of a framework call (`torch.nn.functional.gelu`, `jax.nn.gelu`,
 * `ACT2FN["gelu_new"]`, `ggml_gelu`…): what it computes exactly. The work is done by
 * frameworkHoverModel.ts; this file adapts it to VS Code and follows `geluLab.hover.*`.
 */
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature';
import { hoverSettingsFor, registerConfiguredHover } from './configuredHover';
import { configHoverAnswers, frameworkHoverAt, warmFrameworkHover } from './frameworkHoverModel';
import { trustedMarkdown } from './numberHover';

/** Lines after the hovered one that are read for arguments of a call spread over lines. */
const FOLLOWING_LINES = 5;
/** Characters kept of each following line. */
const FOLLOWING_CHARS = 2000;
/** Delay after activation before the caches of the common hovers are filled. */
const WARM_AFTER_MS = 3000;

/**
 * The hovered line and up to {@link FOLLOWING_LINES} following ones, joined by `\n`, so that
 * offsets in the hovered line stay offsets in the text.
 */
export function callText(document: vscode.TextDocument, line: number): string {
  const parts = [document.lineAt(line).text];
  const last = Math.min(document.lineCount - 1, line + FOLLOWING_LINES);
  for (let l = line + 1; l <= last; l++) parts.push(document.lineAt(l).text.slice(0, FOLLOWING_CHARS));
  return parts.join('\n');
}

export function register(ctx: FeatureContext): void {
  const provider: vscode.HoverProvider = {
    provideHover(document, position) {
      try {
        if (document.uri.scheme === 'output' || hoverSettingsFor(ctx, document) === undefined) return undefined;
        const h = frameworkHoverAt(callText(document, position.line), position.character, document.languageId);
        if (h === undefined || configHoverAnswers(document.getText(), document.fileName, document.languageId, document.offsetAt(position))) return undefined;
        return new vscode.Hover(trustedMarkdown(h.markdown, []), new vscode.Range(position.line, h.start, position.line, h.end));
      } catch (error) {
        ctx.log.error(`Framework hover failed at ${document.uri.toString()}:${position.line + 1}:${position.character + 1}: ${String(error)}`);
        return undefined;
      }
    },
  };

  registerConfiguredHover(ctx, provider);
  // Fill the caches in idle time once the window has settled (about 50 ms of work, once).
  const warm = setTimeout(() => {
    try {
      if (ctx.config.current.hover.enabled) warmFrameworkHover();
    } catch (error) {
      ctx.log.warn(`Preparing the framework hover failed: ${String(error)}`);
    }
  }, WARM_AFTER_MS);
  ctx.extension.subscriptions.push({ dispose: () => clearTimeout(warm) });
}
