/**
 * Where the ONNX reader gets its bytes: a ranged read, so that a reader can skip a 500 MB
 * initializer by its length without ever loading it. The Node extension host backs it with a
 * file handle (src/platform/fileRanges.node.ts); the web worker host, which can only read whole
 * files through `vscode.workspace.fs`, wraps the whole file with `bytesSource`.
 */
export interface ByteSource {
  /** Total length in bytes. */
  readonly size: number;
  /** Bytes [offset, offset + length), clamped to the end; fewer only at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Releases the file handle, if any; idempotent. */
  close(): Promise<void>;
}

/** A source over bytes already in memory (the web host, and tests). Reads are views, not copies. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(Math.min(offset, bytes.length), Math.min(offset + length, bytes.length))),
    close: () => Promise.resolve(),
  };
}
