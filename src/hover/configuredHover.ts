import * as vscode from 'vscode';
import type { Config } from '../config';
import type { FeatureContext } from '../feature';

/** A document selector for `hover.languages`: every document for `*`, else those languages. */
export function selectorFor(languages: readonly string[]): vscode.DocumentSelector {
  return languages.includes('*') ? '*' : languages.map((language) => ({ language }));
}

/**
 * Registers `provider` for the languages of `geluLab.hover.languages` while
 * `geluLab.hover.enabled` holds, and registers it again whenever those settings change.
 */
export function registerConfiguredHover(ctx: FeatureContext, provider: vscode.HoverProvider): void {
  let registration: vscode.Disposable | undefined;
  let registeredFor = '';
  const apply = (config: Config): void => {
    const key = config.hover.enabled ? JSON.stringify(config.hover.languages) : '';
    if (key === registeredFor && (registration !== undefined) === config.hover.enabled) return;
    registration?.dispose();
    registration = undefined;
    registeredFor = key;
    if (config.hover.enabled) registration = vscode.languages.registerHoverProvider(selectorFor(config.hover.languages), provider);
  };
  apply(ctx.config.current);
  ctx.extension.subscriptions.push(ctx.config.onDidChange(apply), { dispose: () => registration?.dispose() });
}
