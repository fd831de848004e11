/**
 * Does the graph compute the activation a `config.json` beside it names? Only the top-level
 * `hidden_act` / `hidden_activation` / `activation_function` keys, mapped to registry ids the way
 * transformers' ACT2FN defines the names (gelu_new, gelu_pytorch_tanh and gelu_fast are tanh forms;
 * quick_gelu is x·σ(1.702x)).
 */
import { activationLabel } from './recognise';
import type { ActivationCount, ActivationId } from './recognise';

export const CONFIG_ACTIVATION_KEYS = ['hidden_act', 'hidden_activation', 'activation_function'] as const;

const CONFIG_NAMES = new Map<string, ActivationId>([
  ['gelu', 'gelu'],
  ['gelu_python', 'gelu'],
  ['gelu_new', 'gelu_tanh'],
  ['gelu_pytorch_tanh', 'gelu_tanh'],
  ['gelu_fast', 'gelu_tanh'],
  ['quick_gelu', 'gelu_sigmoid'],
  ['silu', 'silu'],
  ['swish', 'silu'],
  ['relu', 'relu'],
  ['relu6', 'relu6'],
  ['leaky_relu', 'leaky_relu'],
  ['mish', 'mish'],
  ['tanh', 'tanh'],
  ['sigmoid', 'sigmoid'],
  ['elu', 'elu'],
  ['selu', 'selu'],
  ['softplus', 'softplus'],
]);

/** Activations a config key can name for the MLP; a graph's other Tanh/Sigmoid (poolers, gates) are not compared. */
const MLP_CANDIDATES: ReadonlySet<ActivationId> = new Set<ActivationId>(['gelu', 'gelu_tanh', 'gelu_sigmoid', 'silu', 'swish', 'relu', 'relu6', 'leaky_relu', 'mish', 'elu', 'selu']);

export type ConfigVerdict = 'matches' | 'differs' | 'mixed' | 'unknown-name' | 'no-key' | 'invalid';

export interface ConfigCheck {
  readonly verdict: ConfigVerdict;
  /** One sentence for the user. */
  readonly message: string;
  readonly key?: string;
  readonly name?: string;
  readonly expected?: ActivationId;
}

function own(record: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

export function checkConfigAgainstGraph(configText: string, counts: readonly ActivationCount[]): ConfigCheck {
  let config: unknown;
  try {
    config = JSON.parse(configText);
  } catch {
    return { verdict: 'invalid', message: 'config.json beside the model is not valid JSON, so it was not compared.' };
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return { verdict: 'invalid', message: 'config.json beside the model is not a JSON object, so it was not compared.' };
  const key = CONFIG_ACTIVATION_KEYS.find((k) => typeof own(config, k) === 'string');
  if (key === undefined) return { verdict: 'no-key', message: `config.json names no activation (${CONFIG_ACTIVATION_KEYS.join(', ')}).` };
  const name = own(config, key) as string;
  const expected = CONFIG_NAMES.get(name);
  if (expected === undefined) return { verdict: 'unknown-name', key, name, message: `config.json says ${key} = "${name}", a name this view does not map to a function.` };
  const found = new Map<ActivationId, number>();
  for (const c of counts) if (MLP_CANDIDATES.has(c.id)) found.set(c.id, (found.get(c.id) ?? 0) + c.count);
  const describe = (m: Map<ActivationId, number>): string => [...m].map(([id, n]) => `${activationLabel(id)} ×${n}`).join(', ');
  const expectedLabel = activationLabel(expected);
  if (!found.has(expected)) {
    const what = found.size > 0 ? `the graph computes ${describe(found)}` : 'the graph holds none of the activations a config names';
    return { verdict: 'differs', key, name, expected, message: `config.json says ${key} = "${name}" (${expectedLabel}), but ${what}.` };
  }
  const others = new Map([...found].filter(([id]) => id !== expected));
  if (others.size > 0) return { verdict: 'mixed', key, name, expected, message: `config.json says ${key} = "${name}"; the graph computes it ×${found.get(expected)}, and also ${describe(others)}.` };
  return { verdict: 'matches', key, name, expected, message: `config.json says ${key} = "${name}" (${expectedLabel}), and the graph computes exactly that (×${found.get(expected)}).` };
}
