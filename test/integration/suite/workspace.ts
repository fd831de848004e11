// What the extension-host suites share: the extension's id, the test workspace's files and the
// hovers VS Code collects at a position. Not a suite itself (index.ts loads *.test.js only).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'gelu-lab.gelu-lab';

/** A file of the test workspace, by its path relative to the first folder. */
export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Every provider's hovers at `position`. */
export async function hoversAt(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
}

/** The text of one part of a hover. */
export function hoverPartText(part: vscode.Hover['contents'][number]): string {
  return typeof part === 'string' ? part : part.value;
}
