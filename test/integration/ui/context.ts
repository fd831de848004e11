import type { Page } from 'playwright-core';

/** What the harness hands each UI check: a real VS Code workbench page, driven as a person would. */
export interface UiContext {
  readonly page: Page;
  /** Absolute path of the workspace folder open in the workbench (a scratch copy of test/fixtures/workspace). */
  readonly workspace: string;
  /** Folder for screenshots and other artefacts of this check. */
  readonly artifacts: string;
  /** Where the harness installed the extension to run: its `main` (Node) or only its `browser` entry (web worker). */
  readonly host: 'node' | 'web';
  /** F1, types the command title, picks the matching entry; retries while the palette is still filling. */
  runCommand(title: string): Promise<void>;
  /** Opens a workspace file (path relative to the workspace) through Quick Open and waits for its editor. */
  /** Opens a workspace file through Quick Open; `textEditor: false` for one that opens in a custom editor. */
  openFile(relativePath: string, options?: { textEditor?: boolean }): Promise<void>;
  log(message: string): void;
}

/**
 * A UI check module's default export. A module may also export `hosts` (the extension hosts it
 * runs in; default both) when what it looks at does not depend on which host computed it.
 */
export type UiCheck = (ctx: UiContext) => Promise<void>;
