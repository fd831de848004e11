import * as vscode from 'vscode';
import { type Config, type RawSettings, sanitizeConfig } from './configModel';

export type { Config } from './configModel';

/** The live configuration: `current` is replaced (never mutated) when settings change. */
export interface ConfigSource {
  readonly current: Config;
  readonly onDidChange: vscode.Event<Config>;
}

/** Reads the settings now and on every change of `geluLab.*`; warns once per new problem. */
export function registerConfig(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ConfigSource {
  const emitter = new vscode.EventEmitter<Config>();
  let reported = new Set<string>();

  const load = (): Config => {
    const section = vscode.workspace.getConfiguration('geluLab');
    const read: RawSettings = (key) => {
      const inspected = section.inspect(key);
      // Only what the user set is sanitised; an unset key takes the default of DEFAULT_CONFIG.
      return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    };
    const { config, problems } = sanitizeConfig(read);
    const now = new Set(problems.map((p) => p.message));
    for (const problem of problems) {
      log.warn(problem.message);
      if (!reported.has(problem.message)) void vscode.window.showWarningMessage(`GELU Lab: ${problem.message}`);
    }
    reported = now;
    return config;
  };

  const source = { current: load(), onDidChange: emitter.event };
  context.subscriptions.push(
    emitter,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('geluLab')) return;
      source.current = load();
      emitter.fire(source.current);
    }),
  );
  return source;
}
