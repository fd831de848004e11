import * as vscode from 'vscode';
import { hoverLanguageAllowed, type Config } from '../configModel';
import type { FeatureContext } from '../feature';

/**
 * The hover settings for `document` when GELU Lab's hovers are on there (`hover.enabled`,
 * language overrides included, and the deprecated `hover.languages`), else `undefined`.
 */
export function hoverSettingsFor(ctx: FeatureContext, document: vscode.TextDocument): Config['hover'] | undefined {
  const hover = ctx.config.hoverFor(document);
  return hover.enabled && hoverLanguageAllowed(hover.languages, document.languageId) ? hover : undefined;
}

/**
 * Registers `provider` for every document; whether it answers is decided per document at hover
 * time (see {@link hoverSettingsFor}), so that language-specific settings apply.
 */
export function registerConfiguredHover(ctx: FeatureContext, provider: vscode.HoverProvider): void {
  ctx.extension.subscriptions.push(vscode.languages.registerHoverProvider('*', provider));
}
