/** What the ONNX reader keeps of a model: the graph's structure and small constants, never its weights. */

export type AttributeValue =
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'floats'; readonly value: readonly number[] }
  | { readonly kind: 'ints'; readonly value: readonly number[] }
  | { readonly kind: 'strings'; readonly value: readonly string[] }
  | { readonly kind: 'tensor'; readonly value: TensorSummary }
  | { readonly kind: 'other' };

/** A tensor's header; `values` only for numeric tensors of at most `SMALL_TENSOR_ELEMENTS` elements. */
export interface TensorSummary {
  readonly name: string;
  readonly dataType: number;
  readonly dims: readonly number[];
  readonly values?: readonly number[];
}

export interface OnnxNode {
  readonly name: string;
  readonly opType: string;
  /** '' for the default domain (ai.onnx), as ONNX stores it. */
  readonly domain: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: ReadonlyMap<string, AttributeValue>;
}

export interface OpsetImport {
  readonly domain: string;
  readonly version: number;
}

export interface OnnxModelSummary {
  readonly irVersion: number;
  readonly producer: string;
  readonly opsets: readonly OpsetImport[];
  readonly graphName: string;
  /** Every node of the main graph and of its subgraphs (If/Loop/Scan bodies), in file order. */
  readonly nodes: readonly OnnxNode[];
  /** Small initializers by name (values decoded); large ones are skipped, only counted. */
  readonly smallInitializers: ReadonlyMap<string, TensorSummary>;
  readonly initializerCount: number;
  /** Bytes of tensor data stepped over without reading (initializers and large tensor attributes). */
  readonly skippedTensorBytes: number;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly subgraphCount: number;
  /** Bytes actually read from the source: the measure of "weights never loaded". */
  readonly bytesRead: number;
  readonly fileSize: number;
}

/** Tensors with at most this many elements get their values decoded (scalars and tiny vectors). */
export const SMALL_TENSOR_ELEMENTS = 64;

/** Bad input: a truncated file, a file that is not ONNX. The message is a sentence for the user. */
export class OnnxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OnnxReadError';
  }
}
