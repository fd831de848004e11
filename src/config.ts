import * as vscode from 'vscode';
import { type Config, type RawSettings, sanitizeConfig } from './configModel';

export type { Config } from './configModel';

/** The live configuration: `current` is replaced (never mutated) when settings change. */
export interface ConfigSource {
  /** The settings without language overrides (window and workspace level). */
  readonly current: Config;
  readonly onDidChange: vscode.Event<Config>;
  /**
   * The hover settings that apply to `document`: its language's overrides
   * (`"[csv]": { "geluLab.hover.numbers": "always" }`) and its workspace folder's values
   * win over the plain ones. Cached per language and folder until the next change.
   */
  hoverFor(document: vscode.TextDocument): Config['hover'];
}

/** Reads the settings now and on every change of `geluLab.*`; logs and warns once per new problem. */
export function registerConfig(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ConfigSource {
  const emitter = new vscode.EventEmitter<Config>();
  let warned = new Set<string>();
  // Problems seen since the last change: per-document reads report each only once.
  let seen = new Set<string>();

  const load = (scope: vscode.TextDocument | undefined): Config => {
    const section = vscode.workspace.getConfiguration('geluLab', scope);
    const read: RawSettings = (key) => {
      const i = section.inspect(key);
      // Only what the user set is sanitised; an unset key takes the default of DEFAULT_CONFIG.
      // Language-specific values win over plain ones at every level, as in VS Code.
      return (
        i?.workspaceFolderLanguageValue ??
        i?.workspaceLanguageValue ??
        i?.globalLanguageValue ??
        i?.workspaceFolderValue ??
        i?.workspaceValue ??
        i?.globalValue
      );
    };
    const { config, problems } = sanitizeConfig(read);
    for (const problem of problems) {
      if (seen.has(problem.message)) continue;
      seen.add(problem.message);
      log.warn(problem.message);
      if (!warned.has(problem.message)) void vscode.window.showWarningMessage(`GELU Lab: ${problem.message}`);
    }
    return config;
  };

  let byDocumentKind = new Map<string, Config['hover']>();
  const reload = (): Config => {
    // A problem that was already reported is not warned about again after a change.
    warned = seen;
    seen = new Set();
    byDocumentKind = new Map();
    return load(undefined);
  };

  const source: ConfigSource & { current: Config } = {
    current: reload(),
    onDidChange: emitter.event,
    hoverFor(document) {
      const key = `${document.languageId}\u0000${vscode.workspace.getWorkspaceFolder(document.uri)?.uri.toString() ?? ''}`;
      let hover = byDocumentKind.get(key);
      if (hover === undefined) {
        hover = load(document).hover;
        byDocumentKind.set(key, hover);
      }
      return hover;
    },
  };
  context.subscriptions.push(
    emitter,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('geluLab')) return;
      source.current = reload();
      emitter.fire(source.current);
    }),
  );
  return source;
}
