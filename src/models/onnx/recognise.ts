/**
 * Finds the activation functions an ONNX graph computes: single operators (`Gelu`, `Mish`,
 * `com.microsoft` `FastGelu`…), the decompositions exporters write (torch.onnx.export's
 * `Div √2 → Erf → Add 1 → Mul x → Mul ½` for exact GELU, the `x + 0.044715·x³ → ·√(2/π) → Tanh`
 * form for the tanh GELU, `x·Sigmoid(βx)` for SiLU and QuickGELU, `x·HardSigmoid(x)` for
 * HardSwish, `x·Tanh(Softplus(x))` for Mish), and gated units act(A)·B whose A and B are two
 * halves of one tensor (Split, Slice) or two projections of one input (MatMul/Gemm).
 */
import type { FunctionId } from '../../core/types';
import { hardSigmoidFromOnnx } from '../../frameworks/catalogue';
import type { AttributeValue, OnnxModelSummary, OnnxNode } from './graph';

/** A registry id where the registry has the function; otherwise an id of this view. */
export type ActivationId = FunctionId | 'swish' | 'celu' | 'prelu' | 'hard_sigmoid' | 'softsign' | 'thresholded_relu' | 'erf';

export interface ActivationCount {
  readonly id: ActivationId;
  readonly label: string;
  /** How the graph writes it: `Gelu (opset 20)`, `Erf decomposition`, `com.microsoft FastGelu`… */
  readonly form: string;
  /** Parameters as `name=value` text, e.g. `approximate="tanh"`, `alpha=1.702`; '' when none. */
  readonly params: string;
  /** The gated unit's name (`GEGLU`, `SwiGLU`…) and how A and B were split; undefined when not gated. */
  readonly gated?: string;
  readonly count: number;
  /** Names of the first few nodes that carry it, for finding them in a graph viewer. */
  readonly exampleNodes: readonly string[];
}

// Partial: the registry's newer ids (issue 12) have no ONNX pattern here yet; they show their id.
const LABELS: Readonly<Partial<Record<ActivationId, string>>> = {
  gelu: 'GELU (exact)',
  gelu_tanh: 'GELU (tanh approximation)',
  gelu_sigmoid: 'QuickGELU (sigmoid approximation)',
  silu: 'SiLU / Swish',
  swish: 'Swish (β ≠ 1)',
  mish: 'Mish',
  softplus: 'Softplus',
  sigmoid: 'Sigmoid',
  tanh: 'tanh',
  elu: 'ELU',
  selu: 'SELU',
  relu: 'ReLU',
  leaky_relu: 'Leaky ReLU',
  relu6: 'ReLU6',
  hardswish: 'HardSwish',
  celu: 'CELU',
  prelu: 'PReLU',
  hard_sigmoid: 'HardSigmoid',
  softsign: 'Softsign',
  thresholded_relu: 'Thresholded ReLU',
  erf: 'Erf (not part of a recognised GELU)',
};

/** The label this view shows for an activation id. */
export function activationLabel(id: ActivationId): string {
  return Object.prototype.hasOwnProperty.call(LABELS, id) ? (LABELS[id] ?? id) : id;
}

const GATED_NAMES: Partial<Record<ActivationId, string>> = {
  gelu: 'GEGLU',
  gelu_tanh: 'GEGLU (tanh)',
  gelu_sigmoid: 'GEGLU (QuickGELU)',
  silu: 'SwiGLU',
  swish: 'SwiGLU (β ≠ 1)',
  relu: 'ReGLU',
  sigmoid: 'GLU',
};

const SQRT2 = Math.SQRT2;
const SQRT1_2 = Math.SQRT1_2;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const TANH_CUBIC = 0.044715;
const QUICK_GELU_ALPHA = 1.702;

/**
 * Equal to the precision exporters store constants in: a bfloat16 ulp (2⁻⁸ relative), so that
 * half-precision exports (√2 stored as 1.4140625) are recognised too. Swish with a β within
 * 0.4 % of 1.702 is therefore called QuickGELU.
 */
const STORED_CONSTANT_TOLERANCE = 2 ** -8;

function near(a: number | undefined, b: number, relative = STORED_CONSTANT_TOLERANCE): boolean {
  return a !== undefined && Math.abs(a - b) <= relative * Math.abs(b);
}

function isDefaultDomain(node: OnnxNode): boolean {
  return node.domain === '' || node.domain === 'ai.onnx';
}

class GraphIndex {
  private readonly producers = new Map<string, OnnxNode>();
  private readonly consumerLists = new Map<string, OnnxNode[]>();
  private readonly constantValues = new Map<string, readonly number[]>();

  constructor(model: OnnxModelSummary) {
    for (const [name, tensor] of model.smallInitializers) if (tensor.values) this.constantValues.set(name, tensor.values);
    for (const node of model.nodes) {
      for (const output of node.outputs) if (output !== '') this.producers.set(output, node);
      for (const input of node.inputs) {
        if (input === '') continue;
        const list = this.consumerLists.get(input);
        if (list) list.push(node);
        else this.consumerLists.set(input, [node]);
      }
      if (node.opType === 'Constant' && isDefaultDomain(node)) {
        const values = constantNodeValues(node.attributes);
        if (values && node.outputs[0]) this.constantValues.set(node.outputs[0], values);
      }
    }
  }

  producer(tensor: string): OnnxNode | undefined {
    return this.producers.get(tensor);
  }

  consumers(tensor: string): readonly OnnxNode[] {
    return this.consumerLists.get(tensor) ?? [];
  }

  /** The value of a one-element constant (initializer or Constant node, through Cast/Identity). */
  scalar(tensor: string): number | undefined {
    let name = tensor;
    for (let hops = 0; hops < 3; hops++) {
      const values = this.constantValues.get(name);
      if (values) return values.length === 1 ? values[0] : undefined;
      const p = this.producers.get(name);
      if (!p || !(p.opType === 'Cast' || p.opType === 'Identity') || !p.inputs[0]) return undefined;
      name = p.inputs[0];
    }
    return undefined;
  }

  /** For a binary node with one scalar operand: [the other operand, the scalar]. */
  splitScalar(node: OnnxNode): [string, number] | undefined {
    const [a, b] = node.inputs;
    if (a === undefined || b === undefined) return undefined;
    const sb = this.scalar(b);
    if (sb !== undefined) return [a, sb];
    const sa = this.scalar(a);
    return sa !== undefined ? [b, sa] : undefined;
  }
}

function constantNodeValues(attributes: ReadonlyMap<string, AttributeValue>): readonly number[] | undefined {
  for (const attribute of attributes.values()) {
    if (attribute.kind === 'tensor') return attribute.value.values;
    if (attribute.kind === 'float' || attribute.kind === 'int') return [attribute.value];
    if (attribute.kind === 'floats' || attribute.kind === 'ints') return attribute.value;
  }
  return undefined;
}

function numberAttr(node: OnnxNode, name: string, fallback: number): number {
  const a = node.attributes.get(name);
  return a && (a.kind === 'float' || a.kind === 'int') ? a.value : fallback;
}

function stringAttr(node: OnnxNode, name: string, fallback: string): string {
  const a = node.attributes.get(name);
  return a && a.kind === 'string' ? a.value : fallback;
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(7)));
}

interface Finding {
  readonly id: ActivationId;
  readonly form: string;
  readonly params: string;
  /** The activation's argument and result tensors, for the gated-unit check. */
  readonly input: string;
  readonly output: string;
  readonly node: OnnxNode;
  gated?: string;
}

/** Counts every activation of the graph, decompositions and gated units included. */
export function recogniseActivations(model: OnnxModelSummary): ActivationCount[] {
  const index = new GraphIndex(model);
  const used = new Set<OnnxNode>();
  const findings: Finding[] = [];
  const opset = model.opsets.find((o) => o.domain === '' || o.domain === 'ai.onnx')?.version;

  const add = (f: Finding, nodes: readonly OnnxNode[]): void => {
    for (const n of nodes) used.add(n);
    findings.push(f);
  };

  /** `½·x·(1 + act)`: from act's output, Add 1, then a Mul by x and a Mul by ½ in either order. */
  const halfXTimesOnePlus = (actOut: string): { x: string; output: string; nodes: OnnxNode[] } | undefined => {
    for (const addNode of index.consumers(actOut)) {
      if (addNode.opType !== 'Add' || !near(index.splitScalar(addNode)?.[1], 1)) continue;
      const s = addNode.outputs[0] ?? '';
      for (const mul of index.consumers(s)) {
        if (mul.opType !== 'Mul') continue;
        const other = mul.inputs[0] === s ? mul.inputs[1] : mul.inputs[0];
        if (other === undefined) continue;
        const halfX = index.producer(other);
        const halfSplit = halfX && halfX.opType === 'Mul' ? index.splitScalar(halfX) : undefined;
        if (halfX && halfSplit && near(halfSplit[1], 0.5)) return { x: halfSplit[0], output: mul.outputs[0] ?? '', nodes: [addNode, mul, halfX] };
        for (const half of index.consumers(mul.outputs[0] ?? '')) {
          const split = half.opType === 'Mul' ? index.splitScalar(half) : undefined;
          if (split && near(split[1], 0.5)) return { x: other, output: half.outputs[0] ?? '', nodes: [addNode, mul, half] };
        }
      }
    }
    return undefined;
  };

  // Decompositions first, so that their Erf/Tanh/Sigmoid are not counted on their own.
  for (const node of model.nodes) {
    if (!isDefaultDomain(node)) continue;
    if (node.opType === 'Erf') {
      const tail = halfXTimesOnePlus(node.outputs[0] ?? '');
      const scale = index.producer(node.inputs[0] ?? '');
      const split = scale ? index.splitScalar(scale) : undefined;
      const scaled = scale && split && split[0] === tail?.x && ((scale.opType === 'Div' && scale.inputs[0] === tail.x && near(split[1], SQRT2)) || (scale.opType === 'Mul' && near(split[1], SQRT1_2)));
      if (tail && scale && scaled) add({ id: 'gelu', form: 'Erf decomposition (½·x·(1 + erf(x/√2)))', params: '', input: tail.x, output: tail.output, node }, [node, scale, ...tail.nodes]);
    } else if (node.opType === 'Tanh') {
      const tail = halfXTimesOnePlus(node.outputs[0] ?? '');
      if (!tail) continue;
      const cone = ancestors(index, node.inputs[0] ?? '', tail.x, 8);
      const constants = [...cone].flatMap((n) => n.inputs.map((i) => index.scalar(i)));
      const hasCubic = constants.some((c) => near(c, TANH_CUBIC) || near(c, TANH_CUBIC * SQRT_2_OVER_PI));
      const hasScale = constants.some((c) => near(c, SQRT_2_OVER_PI) || near(c, TANH_CUBIC * SQRT_2_OVER_PI));
      if (hasCubic && hasScale) {
        const c = constants.find((v) => near(v, TANH_CUBIC));
        add({ id: 'gelu_tanh', form: 'Tanh decomposition (½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))))', params: c !== undefined ? `cubic=${fmt(c)}` : '', input: tail.x, output: tail.output, node }, [node, ...cone, ...tail.nodes]);
      }
    }
  }

  for (const node of model.nodes) {
    if (used.has(node) || !isDefaultDomain(node)) continue;
    if (node.opType === 'Sigmoid') {
      const arg = node.inputs[0] ?? '';
      const scale = index.producer(arg);
      const split = scale && scale.opType === 'Mul' ? index.splitScalar(scale) : undefined;
      const [x, beta] = split ?? [arg, 1];
      const product = index.consumers(node.outputs[0] ?? '').find((m) => m.opType === 'Mul' && m.inputs.includes(x) && m.inputs.includes(node.outputs[0] ?? ''));
      if (!product) continue;
      const nodes = split && scale ? [scale, node, product] : [node, product];
      const out = product.outputs[0] ?? '';
      if (near(beta, 1)) add({ id: 'silu', form: 'x·Sigmoid(x)', params: '', input: x, output: out, node }, nodes);
      else if (near(beta, QUICK_GELU_ALPHA)) add({ id: 'gelu_sigmoid', form: 'x·Sigmoid(βx)', params: `β=${fmt(beta)}`, input: x, output: out, node }, nodes);
      else add({ id: 'swish', form: 'x·Sigmoid(βx)', params: `β=${fmt(beta)}`, input: x, output: out, node }, nodes);
    } else if (node.opType === 'HardSigmoid') {
      const x = node.inputs[0] ?? '';
      const product = index.consumers(node.outputs[0] ?? '').find((m) => m.opType === 'Mul' && m.inputs.includes(x));
      const alpha = numberAttr(node, 'alpha', 0.2);
      const beta = numberAttr(node, 'beta', 0.5);
      if (product && near(alpha, 1 / 6) && near(beta, 0.5)) add({ id: 'hardswish', form: 'x·HardSigmoid(x)', params: '', input: x, output: product.outputs[0] ?? '', node }, [node, product]);
    } else if (node.opType === 'Softplus') {
      const x = node.inputs[0] ?? '';
      const tanh = index.consumers(node.outputs[0] ?? '').find((t) => t.opType === 'Tanh');
      const product = tanh && index.consumers(tanh.outputs[0] ?? '').find((m) => m.opType === 'Mul' && m.inputs.includes(x));
      if (tanh && product) add({ id: 'mish', form: 'x·Tanh(Softplus(x))', params: '', input: x, output: product.outputs[0] ?? '', node }, [node, tanh, product]);
    }
  }

  for (const node of model.nodes) {
    if (used.has(node)) continue;
    const single = singleOperator(node, opset);
    if (single) add({ ...single, input: node.inputs[0] ?? '', output: node.outputs[0] ?? '', node }, [node]);
  }

  for (const f of findings) f.gated = gatedBy(index, f);
  return countFindings(findings);
}

/** Nodes between `from` (inclusive of its producer) back to `stop`, at most `depth` hops. */
function ancestors(index: GraphIndex, from: string, stop: string, depth: number): Set<OnnxNode> {
  const seen = new Set<OnnxNode>();
  let frontier = [from];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const tensor of frontier) {
      if (tensor === stop) continue;
      const p = index.producer(tensor);
      if (!p || seen.has(p)) continue;
      seen.add(p);
      next.push(...p.inputs);
    }
    frontier = next;
  }
  return seen;
}

/**
 * Default-domain operators that are one activation each: the id, and the attributes shown with
 * the defaults the ONNX operator spec gives them (or a fixed note).
 */
const SINGLE_OPS: ReadonlyMap<string, { readonly id: ActivationId; readonly attributes?: readonly (readonly [string, number])[]; readonly params?: string }> = new Map([
  ['Relu', { id: 'relu' }],
  ['LeakyRelu', { id: 'leaky_relu', attributes: [['alpha', 0.01]] }],
  ['Elu', { id: 'elu', attributes: [['alpha', 1]] }],
  ['Celu', { id: 'celu', attributes: [['alpha', 1]] }],
  ['Selu', { id: 'selu', attributes: [['alpha', 1.67326319217681884765625], ['gamma', 1.05070102214813232421875]] }],
  ['PRelu', { id: 'prelu', params: 'learned slope' }],
  ['Sigmoid', { id: 'sigmoid' }],
  ['Tanh', { id: 'tanh' }],
  ['Softplus', { id: 'softplus' }],
  ['Softsign', { id: 'softsign' }],
  ['ThresholdedRelu', { id: 'thresholded_relu', attributes: [['alpha', 1]] }],
  ['HardSwish', { id: 'hardswish' }],
  ['Mish', { id: 'mish' }],
  ['Erf', { id: 'erf' }],
]);

type Single = Pick<Finding, 'id' | 'form' | 'params'>;

function singleOperator(node: OnnxNode, opset: number | undefined): Single | undefined {
  const op = node.opType;
  if (node.domain === 'com.microsoft') {
    switch (op) {
      case 'Gelu':
        return { id: 'gelu', form: 'com.microsoft Gelu', params: '' };
      case 'BiasGelu':
        return { id: 'gelu', form: 'com.microsoft BiasGelu (bias, then exact GELU)', params: '' };
      case 'FastGelu':
        return { id: 'gelu_tanh', form: 'com.microsoft FastGelu', params: node.inputs.length > 1 ? 'with bias' : '' };
      case 'QuickGelu': {
        const alpha = numberAttr(node, 'alpha', QUICK_GELU_ALPHA);
        const id: ActivationId = near(alpha, QUICK_GELU_ALPHA) ? 'gelu_sigmoid' : near(alpha, 1) ? 'silu' : 'swish';
        return { id, form: 'com.microsoft QuickGelu', params: `alpha=${fmt(alpha)}` };
      }
      default:
        return undefined;
    }
  }
  if (!isDefaultDomain(node)) return undefined;
  const form = `${op}${opset !== undefined ? ` (opset ${opset})` : ''}`;
  if (op === 'Gelu') {
    const approximate = stringAttr(node, 'approximate', 'none');
    return { id: approximate === 'tanh' ? 'gelu_tanh' : 'gelu', form, params: `approximate="${approximate}"` };
  }
  if (op === 'HardSigmoid') {
    const [alpha, beta] = [numberAttr(node, 'alpha', 0.2), numberAttr(node, 'beta', 0.5)];
    const asRegistry = hardSigmoidFromOnnx(alpha, beta);
    const h = asRegistry.ok ? ` (h = ${fmt(asRegistry.params['h'] ?? NaN)})` : ' (⚠ not GELU Lab\'s hard sigmoid, which needs beta = 0.5 and alpha from 0.05 to 1)';
    return { id: 'hard_sigmoid', form, params: `alpha=${fmt(alpha)}, beta=${fmt(beta)}${h}` };
  }
  const single = SINGLE_OPS.get(op);
  if (single === undefined) return undefined;
  const params = single.params ?? (single.attributes ?? []).map(([name, fallback]) => `${name}=${fmt(numberAttr(node, name, fallback))}`).join(', ');
  return { id: single.id, form, params };
}

/** Skips a bias Add after a projection: MatMul → Add(bias) is still "a projection of x". */
function projectionSource(index: GraphIndex, tensor: string): { kind: string; source: string; node: OnnxNode } | undefined {
  let p = index.producer(tensor);
  if (p && p.opType === 'Add') {
    const inner = p.inputs.map((i) => index.producer(i)).find((n) => n && (n.opType === 'MatMul' || n.opType === 'Gemm'));
    if (inner) p = inner;
  }
  if (!p) return undefined;
  if (p.opType === 'MatMul' || p.opType === 'Gemm') return { kind: 'two projections of one input', source: p.inputs[0] ?? '', node: p };
  if (p.opType === 'Split') return { kind: 'a Split of one tensor', source: p.inputs[0] ?? '', node: p };
  if (p.opType === 'Slice' || p.opType === 'Gather') return { kind: 'two Slices of one tensor', source: p.inputs[0] ?? '', node: p };
  return undefined;
}

function gatedBy(index: GraphIndex, f: Finding): string | undefined {
  const a = projectionSource(index, f.input);
  if (!a) return undefined;
  for (const mul of index.consumers(f.output)) {
    if (mul.opType !== 'Mul') continue;
    const other = mul.inputs[0] === f.output ? mul.inputs[1] : mul.inputs[0];
    if (other === undefined || other === f.input) continue;
    const b = projectionSource(index, other);
    if (!b || b.kind !== a.kind || b.source !== a.source || a.source === '') continue;
    if (a.kind === 'two projections of one input' && a.node === b.node) continue;
    const name = GATED_NAMES[f.id] ?? `${LABELS[f.id]}-gated`;
    return `${name}: act(A)·B, A and B ${a.kind}`;
  }
  return undefined;
}

function countFindings(findings: readonly Finding[]): ActivationCount[] {
  const groups = new Map<string, { first: Finding; count: number; names: string[] }>();
  for (const f of findings) {
    const key = JSON.stringify([f.id, f.form, f.params, f.gated ?? '']);
    const group = groups.get(key);
    if (group) {
      group.count++;
      if (group.names.length < 3) group.names.push(f.node.name);
    } else {
      groups.set(key, { first: f, count: 1, names: [f.node.name] });
    }
  }
  return [...groups.values()]
    .map(({ first, count, names }) => ({ id: first.id, label: activationLabel(first.id), form: first.form, params: first.params, gated: first.gated, count, exampleNodes: names }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
