/**
 * Reads an ONNX ModelProto's graph without loading its weights.
 *
 * The outer messages (ModelProto, GraphProto, and any node too large to hold) are walked on the
 * protobuf wire format straight from a `ByteSource`, a chunk at a time: a large field is stepped
 * over by its declared length, so an initializer's raw_data is never read, and external data is
 * never opened. Small messages (a node, an opset import, a small initializer) are decoded with the
 * generated decoders of `onnx-proto` (protobufjs code generated from onnx.proto); the field
 * numbers of the outer walk are those of the same onnx.proto, and a unit test checks them against
 * `onnx-proto`'s encoder.
 *
 * Bounded memory: one chunk (1 MiB) plus the node list plus at most `NODE_DECODE_LIMIT` bytes for
 * the node being decoded. Every loop advances by at least one byte and never past its message's
 * end, so a corrupt length cannot make it spin; a length past the end of the file is reported as
 * truncation.
 */
import { onnx } from 'onnx-proto';
import type { ByteSource } from './byteSource';
import { OnnxReadError, SMALL_TENSOR_ELEMENTS } from './graph';
import type { AttributeValue, OnnxModelSummary, OnnxNode, OpsetImport, TensorSummary } from './graph';

/** onnx.proto field numbers of the messages the reader walks itself (not through onnx-proto's decoders). */
export const ModelField = { irVersion: 1, producerName: 2, graph: 7, opsetImport: 8 } as const;
export const GraphField = { node: 1, name: 2, initializer: 5, input: 11, output: 12, sparseInitializer: 15 } as const;
export const NodeField = { input: 1, output: 2, name: 3, opType: 4, attribute: 5, domain: 7 } as const;
export const AttributeField = { name: 1, g: 6, graphs: 11, type: 20 } as const;

const CHUNK_BYTES = 1 << 20;
/** Nodes and attributes up to this size are decoded whole; larger ones are walked field by field. */
const NODE_DECODE_LIMIT = 1 << 20;
/** Initializers up to this size are decoded (to find scalar constants such as 0.5 or √2). */
const SMALL_INITIALIZER_BYTES = 4096;
const SMALL_FIELD_BYTES = 1 << 16;
/** If/Loop bodies nest; a deeper nesting than this is treated as a corrupt file. */
const MAX_GRAPH_DEPTH = 32;

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_BYTES = 2;
const WIRE_FIXED32 = 5;

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** A read position over a `ByteSource` with a one-chunk window. */
class Cursor {
  pos = 0;
  bytesRead = 0;
  private window: Uint8Array = new Uint8Array(0);
  private windowStart = 0;

  constructor(private readonly source: ByteSource) {}

  get size(): number {
    return this.source.size;
  }

  private async ensure(n: number, where: string): Promise<void> {
    if (this.pos + n > this.source.size) throw truncated(this.source.size, where);
    if (this.pos >= this.windowStart && this.pos + n <= this.windowStart + this.window.length) return;
    this.window = await this.source.read(this.pos, Math.max(n, CHUNK_BYTES));
    this.windowStart = this.pos;
    this.bytesRead += this.window.length;
    if (this.window.length < n) throw truncated(this.pos + this.window.length, where);
  }

  async varint(where: string): Promise<number> {
    await this.ensure(Math.min(10, this.source.size - this.pos) || 1, where);
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.source.size) throw truncated(this.source.size, where);
      const byte = this.window[this.pos - this.windowStart] ?? 0;
      this.pos++;
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return value;
      scale *= 128;
    }
    throw new OnnxReadError(`Byte ${this.pos}: a number in ${where} runs past 10 bytes; the file is corrupt or not an ONNX model.`);
  }

  /** A copy of the next `length` bytes (so the window can be dropped). */
  async bytes(length: number, where: string): Promise<Uint8Array> {
    await this.ensure(length, where);
    const start = this.pos - this.windowStart;
    this.pos += length;
    return this.window.slice(start, start + length);
  }
}

function truncated(at: number, where: string): OnnxReadError {
  return new OnnxReadError(`The file ends at byte ${at}, inside ${where}: it is truncated (an interrupted download or copy?) or not an ONNX model.`);
}

interface FieldHeader {
  readonly field: number;
  readonly wire: number;
  /** Varint value (wire 0) or payload length (wire 2); 0 otherwise. */
  readonly value: number;
  /** Where the payload starts (wire 2). */
  readonly start: number;
}

/**
 * Calls `visit` for every field of the message that ends at `end`. A length-delimited field is
 * skipped after `visit` returns, whatever `visit` consumed of it.
 */
async function walkMessage(c: Cursor, end: number, where: string, visit: (h: FieldHeader) => Promise<void> | void): Promise<void> {
  while (c.pos < end) {
    const tag = await c.varint(where);
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (field === 0) throw corrupt(c.pos, where, 'field number 0');
    let value = 0;
    const fieldStart = c.pos;
    switch (wire) {
      case WIRE_VARINT:
        value = await c.varint(where);
        break;
      case WIRE_FIXED64:
        c.pos += 8;
        break;
      case WIRE_FIXED32:
        c.pos += 4;
        break;
      case WIRE_BYTES:
        value = await c.varint(where);
        if (c.pos + value > c.size) throw truncated(c.size, `${where} (a field of ${value} bytes starting at byte ${c.pos})`);
        if (c.pos + value > end) throw corrupt(c.pos, where, `a field of ${value} bytes that overruns its enclosing message`);
        break;
      default:
        throw corrupt(fieldStart, where, `wire type ${wire}`);
    }
    if (c.pos > end) throw end === c.size ? truncated(c.size, where) : corrupt(fieldStart, where, 'a field that overruns its enclosing message');
    if (wire !== WIRE_BYTES) {
      await visit({ field, wire, value, start: c.pos });
      continue;
    }
    const start = c.pos;
    await visit({ field, wire, value, start });
    c.pos = start + value;
  }
}

function corrupt(at: number, where: string, what: string): OnnxReadError {
  return new OnnxReadError(`Byte ${at}: ${what} in ${where}; the file is corrupt or not an ONNX model.`);
}

/** protobufjs hands int64 fields over as `Long` objects. */
interface LongLike {
  toNumber(): number;
}

function toNumber(v: number | LongLike | null | undefined): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'number' ? v : v.toNumber();
}

interface Collector {
  readonly nodes: OnnxNode[];
  readonly smallInitializers: Map<string, TensorSummary>;
  initializerCount: number;
  skippedTensorBytes: number;
  subgraphCount: number;
}

/** Reads the model's header and graph; throws `OnnxReadError` (a sentence for the user) on bad input. */
export async function readOnnxModel(source: ByteSource): Promise<OnnxModelSummary> {
  const c = new Cursor(source);
  const collector: Collector = { nodes: [], smallInitializers: new Map(), initializerCount: 0, skippedTensorBytes: 0, subgraphCount: 0 };
  let irVersion = 0;
  let producer = '';
  const opsets: OpsetImport[] = [];
  let graph: { name: string; inputs: string[]; outputs: string[] } | undefined;
  if (source.size === 0) throw new OnnxReadError('The file is empty; an ONNX model holds at least a graph.');
  await walkMessage(c, source.size, 'the model', async (h) => {
    switch (h.field) {
      case ModelField.irVersion:
        expectWire(h, WIRE_VARINT, 'ir_version');
        irVersion = h.value;
        break;
      case ModelField.producerName:
        expectWire(h, WIRE_BYTES, 'producer_name');
        if (h.value <= SMALL_FIELD_BYTES) producer = utf8.decode(await c.bytes(h.value, 'producer_name'));
        break;
      case ModelField.opsetImport: {
        expectWire(h, WIRE_BYTES, 'opset_import');
        const bytes = await c.bytes(Math.min(h.value, SMALL_FIELD_BYTES), 'opset_import');
        const op = decodeSafely(() => onnx.OperatorSetIdProto.decode(bytes), 'an opset_import entry');
        opsets.push({ domain: op.domain ?? '', version: toNumber(op.version) });
        break;
      }
      case ModelField.graph:
        expectWire(h, WIRE_BYTES, 'graph');
        graph = await walkGraph(c, h.start + h.value, collector, 0, 'the graph');
        break;
      default:
        break;
    }
  });
  if (graph === undefined) throw new OnnxReadError('The file holds no graph: it is not an ONNX model (or only its header survived).');
  return {
    irVersion,
    producer,
    opsets,
    graphName: graph.name,
    nodes: collector.nodes,
    smallInitializers: collector.smallInitializers,
    initializerCount: collector.initializerCount,
    skippedTensorBytes: collector.skippedTensorBytes,
    inputs: graph.inputs,
    outputs: graph.outputs,
    subgraphCount: collector.subgraphCount,
    bytesRead: c.bytesRead,
    fileSize: source.size,
  };
}

function expectWire(h: FieldHeader, wire: number, name: string): void {
  if (h.wire !== wire) throw new OnnxReadError(`The field ${name} has the wrong encoding (wire type ${h.wire}): the file is corrupt or not an ONNX model.`);
}

function decodeSafely<T>(decode: () => T, what: string): T {
  try {
    return decode();
  } catch (error) {
    throw new OnnxReadError(`${what.charAt(0).toUpperCase()}${what.slice(1)} is corrupt (${error instanceof Error ? error.message : String(error)}).`);
  }
}

async function walkGraph(c: Cursor, end: number, collector: Collector, depth: number, where: string): Promise<{ name: string; inputs: string[]; outputs: string[] }> {
  if (depth > MAX_GRAPH_DEPTH) throw new OnnxReadError(`Subgraphs nest more than ${MAX_GRAPH_DEPTH} deep: the file is corrupt.`);
  let name = '';
  const inputs: string[] = [];
  const outputs: string[] = [];
  await walkMessage(c, end, where, async (h) => {
    if (h.wire !== WIRE_BYTES) return;
    switch (h.field) {
      case GraphField.node:
        if (h.value <= NODE_DECODE_LIMIT) {
          const bytes = await c.bytes(h.value, `node ${collector.nodes.length + 1} of ${where}`);
          const node = decodeSafely(() => onnx.NodeProto.decode(bytes), `node ${collector.nodes.length + 1} of ${where}`);
          collectDecodedNode(node, collector, depth);
        } else {
          await walkLargeNode(c, h.start + h.value, collector, depth, `node ${collector.nodes.length + 1} of ${where}`);
        }
        break;
      case GraphField.name:
        if (h.value <= SMALL_FIELD_BYTES) name = utf8.decode(await c.bytes(h.value, `the name of ${where}`));
        break;
      case GraphField.initializer:
        collector.initializerCount++;
        if (h.value <= SMALL_INITIALIZER_BYTES) {
          const bytes = await c.bytes(h.value, `an initializer of ${where}`);
          const tensor = summariseTensor(decodeSafely(() => onnx.TensorProto.decode(bytes), `an initializer of ${where}`));
          if (tensor.name !== '') collector.smallInitializers.set(tensor.name, tensor);
        } else {
          collector.skippedTensorBytes += h.value;
        }
        break;
      case GraphField.sparseInitializer:
        collector.initializerCount++;
        collector.skippedTensorBytes += h.value;
        break;
      case GraphField.input:
      case GraphField.output: {
        if (h.value > SMALL_FIELD_BYTES) break;
        const bytes = await c.bytes(h.value, `an input or output of ${where}`);
        const info = decodeSafely(() => onnx.ValueInfoProto.decode(bytes), `an input or output of ${where}`);
        (h.field === GraphField.input ? inputs : outputs).push(info.name ?? '');
        break;
      }
      default:
        break;
    }
  });
  return { name, inputs, outputs };
}

/** A node too large to decode whole (a Constant holding a big tensor, a big If/Loop body). */
async function walkLargeNode(c: Cursor, end: number, collector: Collector, depth: number, where: string): Promise<void> {
  const inputs: string[] = [];
  const outputs: string[] = [];
  const attributes = new Map<string, AttributeValue>();
  let name = '';
  let opType = '';
  let domain = '';
  const text = async (len: number, what: string): Promise<string> => (len <= SMALL_FIELD_BYTES ? utf8.decode(await c.bytes(len, what)) : '');
  await walkMessage(c, end, where, async (h) => {
    if (h.wire !== WIRE_BYTES) return;
    switch (h.field) {
      case NodeField.input:
        inputs.push(await text(h.value, where));
        break;
      case NodeField.output:
        outputs.push(await text(h.value, where));
        break;
      case NodeField.name:
        name = await text(h.value, where);
        break;
      case NodeField.opType:
        opType = await text(h.value, where);
        break;
      case NodeField.domain:
        domain = await text(h.value, where);
        break;
      case NodeField.attribute:
        if (h.value <= NODE_DECODE_LIMIT) {
          const bytes = await c.bytes(h.value, `an attribute of ${where}`);
          const attribute = decodeSafely(() => onnx.AttributeProto.decode(bytes), `an attribute of ${where}`);
          attributes.set(attribute.name ?? '', attributeValue(attribute, collector, depth));
        } else {
          await walkLargeAttribute(c, h.start + h.value, collector, depth, `an attribute of ${where}`, attributes);
        }
        break;
      default:
        break;
    }
  });
  collector.nodes.push({ name, opType, domain, inputs, outputs, attributes });
}

async function walkLargeAttribute(c: Cursor, end: number, collector: Collector, depth: number, where: string, into: Map<string, AttributeValue>): Promise<void> {
  let name = '';
  await walkMessage(c, end, where, async (h) => {
    if (h.field === AttributeField.name && h.wire === WIRE_BYTES && h.value <= SMALL_FIELD_BYTES) {
      name = utf8.decode(await c.bytes(h.value, where));
    } else if ((h.field === AttributeField.g || h.field === AttributeField.graphs) && h.wire === WIRE_BYTES) {
      collector.subgraphCount++;
      await walkGraph(c, h.start + h.value, collector, depth + 1, `a subgraph (${where})`);
    } else if (h.wire === WIRE_BYTES) {
      collector.skippedTensorBytes += h.value;
    }
  });
  into.set(name, { kind: 'other' });
}

function collectDecodedNode(node: onnx.INodeProto, collector: Collector, depth: number): void {
  const attributes = new Map<string, AttributeValue>();
  for (const attribute of node.attribute ?? []) attributes.set(attribute.name ?? '', attributeValue(attribute, collector, depth));
  collector.nodes.push({
    name: node.name ?? '',
    opType: node.opType ?? '',
    domain: node.domain ?? '',
    inputs: node.input ?? [],
    outputs: node.output ?? [],
    attributes,
  });
}

function collectDecodedGraph(graph: onnx.IGraphProto, collector: Collector, depth: number): void {
  if (depth > MAX_GRAPH_DEPTH) throw new OnnxReadError(`Subgraphs nest more than ${MAX_GRAPH_DEPTH} deep: the file is corrupt.`);
  collector.subgraphCount++;
  for (const tensor of graph.initializer ?? []) {
    collector.initializerCount++;
    const summary = summariseTensor(tensor);
    if (summary.values !== undefined && summary.name !== '') collector.smallInitializers.set(summary.name, summary);
  }
  for (const node of graph.node ?? []) collectDecodedNode(node, collector, depth + 1);
}

const AttributeType = onnx.AttributeProto.AttributeType;

function attributeValue(a: onnx.IAttributeProto, collector: Collector, depth: number): AttributeValue {
  switch (a.type) {
    case AttributeType.FLOAT:
      return { kind: 'float', value: a.f ?? 0 };
    case AttributeType.INT:
      return { kind: 'int', value: toNumber(a.i) };
    case AttributeType.STRING:
      return { kind: 'string', value: utf8.decode(a.s ?? new Uint8Array(0)) };
    case AttributeType.FLOATS:
      return { kind: 'floats', value: a.floats ?? [] };
    case AttributeType.INTS:
      return { kind: 'ints', value: (a.ints ?? []).map(toNumber) };
    case AttributeType.STRINGS:
      return { kind: 'strings', value: (a.strings ?? []).map((s) => utf8.decode(s)) };
    case AttributeType.TENSOR:
      return a.t ? { kind: 'tensor', value: summariseTensor(a.t) } : { kind: 'other' };
    case AttributeType.GRAPH:
      if (a.g) collectDecodedGraph(a.g, collector, depth);
      return { kind: 'other' };
    case AttributeType.GRAPHS:
      for (const g of a.graphs ?? []) collectDecodedGraph(g, collector, depth);
      return { kind: 'other' };
    default:
      return { kind: 'other' };
  }
}

const DataType = onnx.TensorProto.DataType;

/** A tensor's header, with its values when it is small and numeric (stored inline, not external). */
export function summariseTensor(t: onnx.ITensorProto): TensorSummary {
  const dims = (t.dims ?? []).map(toNumber);
  const elements = dims.reduce((a, b) => a * b, 1);
  const base = { name: t.name ?? '', dataType: t.dataType ?? 0, dims };
  if (elements > SMALL_TENSOR_ELEMENTS || t.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL) return base;
  const values = tensorValues(t, elements);
  return values === undefined || values.length !== elements ? base : { ...base, values };
}

function tensorValues(t: onnx.ITensorProto, n: number): number[] | undefined {
  const raw = t.rawData && t.rawData.length > 0 ? new DataView(t.rawData.buffer, t.rawData.byteOffset, t.rawData.byteLength) : undefined;
  const fromRaw = (width: number, get: (view: DataView, offset: number) => number): number[] | undefined =>
    raw && raw.byteLength === n * width ? Array.from({ length: n }, (_, i) => get(raw, i * width)) : undefined;
  switch (t.dataType) {
    case DataType.FLOAT:
      return fromRaw(4, (v, o) => v.getFloat32(o, true)) ?? t.floatData ?? undefined;
    case DataType.DOUBLE:
      return fromRaw(8, (v, o) => v.getFloat64(o, true)) ?? t.doubleData ?? undefined;
    case DataType.FLOAT16:
      return fromRaw(2, (v, o) => halfToNumber(v.getUint16(o, true))) ?? t.int32Data?.map(halfToNumber) ?? undefined;
    case DataType.BFLOAT16:
      return fromRaw(2, (v, o) => bfloat16ToNumber(v.getUint16(o, true))) ?? t.int32Data?.map(bfloat16ToNumber) ?? undefined;
    case DataType.INT64:
      return fromRaw(8, (v, o) => Number(v.getBigInt64(o, true))) ?? t.int64Data?.map(toNumber) ?? undefined;
    case DataType.INT32:
      return fromRaw(4, (v, o) => v.getInt32(o, true)) ?? t.int32Data ?? undefined;
    case DataType.INT8:
      return fromRaw(1, (v, o) => v.getInt8(o)) ?? t.int32Data ?? undefined;
    case DataType.UINT8:
    case DataType.BOOL:
      return fromRaw(1, (v, o) => v.getUint8(o)) ?? t.int32Data ?? undefined;
    default:
      return undefined;
  }
}

function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

function bfloat16ToNumber(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, (bits & 0xffff) << 16);
  return view.getFloat32(0);
}
