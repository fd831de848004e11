/**
 * The Node extension host's ranged reads (see fileRanges.ts): a file handle read at offsets, so a
 * 500 MB initializer is stepped over without being read. Only `file:` URIs; others answer
 * `undefined` and go through `vscode.workspace.fs`.
 */
import { open } from 'node:fs/promises';
import type * as vscode from 'vscode';
import type { ByteSource } from '../models/onnx/byteSource';

export async function openFileRanges(uri: vscode.Uri): Promise<ByteSource | undefined> {
  if (uri.scheme !== 'file') return undefined;
  const handle = await open(uri.fsPath, 'r');
  const { size } = await handle.stat();
  let closed = false;
  return {
    size,
    async read(offset, length) {
      const wanted = Math.max(0, Math.min(length, size - offset));
      const buffer = new Uint8Array(wanted);
      let filled = 0;
      while (filled < wanted) {
        const { bytesRead } = await handle.read(buffer, filled, wanted - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    },
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}
