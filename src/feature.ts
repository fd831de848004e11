import type * as vscode from 'vscode';
import type { ConfigSource } from './config';

/** What `activate` hands every feature's `register`. */
export interface FeatureContext {
  readonly extension: vscode.ExtensionContext;
  readonly config: ConfigSource;
  readonly log: vscode.LogOutputChannel;
}
