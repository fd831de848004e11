/**
 * Ranged reads of a file, for readers that must not load a whole model into memory.
 * This is the web build's version: a web worker extension host has no ranged file API, so it
 * answers `undefined` and callers fall back to `vscode.workspace.fs.readFile`. The Node build
 * swaps in `fileRanges.node.ts` (esbuild.js resolves `platform/X` to `platform/X.node.ts`).
 */
import type * as vscode from 'vscode';
import type { ByteSource } from '../models/onnx/byteSource';

export function openFileRanges(_uri: vscode.Uri): Promise<ByteSource | undefined> {
  return Promise.resolve(undefined);
}
