/** Names, sources and header text shared by every target. */
import { formulaText } from '../core/activations';
import type { FunctionId } from '../core/types';
import { wrapText } from './emit';
import type { RenderContext, TargetInfo } from './types';

/** Base name of the forward function (snake case); GELU's three variants are all `gelu`. */
const BASE_NAME: Record<FunctionId, string> = {
  gelu: 'gelu',
  gelu_tanh: 'gelu',
  gelu_sigmoid: 'gelu',
  silu: 'silu',
  mish: 'mish',
  softplus: 'softplus',
  sigmoid: 'sigmoid',
  // `tanh` itself would clash with (or recurse into) the language's tanh.
  tanh: 'tanh_act',
  elu: 'elu',
  selu: 'selu',
  relu: 'relu',
  leaky_relu: 'leaky_relu',
  relu6: 'relu6',
  hardswish: 'hardswish',
};

/** The module / holder class of each variant. */
export const CLASS_NAME: Record<FunctionId, string> = {
  gelu: 'GELU',
  gelu_tanh: 'GeluTanh',
  gelu_sigmoid: 'QuickGELU',
  silu: 'SiLU',
  mish: 'Mish',
  softplus: 'Softplus',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  elu: 'ELU',
  selu: 'SELU',
  relu: 'ReLU',
  leaky_relu: 'LeakyReLU',
  relu6: 'ReLU6',
  hardswish: 'Hardswish',
};

/** Where each function comes from, for the header comment. */
export const SOURCE: Record<FunctionId, string> = {
  gelu: 'Hendrycks & Gimpel (2016), "Gaussian Error Linear Units (GELUs)", arXiv:1606.08415.',
  gelu_tanh: 'Hendrycks & Gimpel (2016), arXiv:1606.08415, the tanh approximation (also BERT/GPT-2 "gelu_new").',
  gelu_sigmoid: 'Hendrycks & Gimpel (2016), arXiv:1606.08415, the sigmoid approximation; "QuickGELU" in OpenAI CLIP.',
  silu: 'Hendrycks & Gimpel (2016); Elfwing, Uchibe & Doya (2018); "Swish", Ramachandran, Zoph & Le (2017).',
  mish: 'Misra (2019), "Mish: A Self Regularized Non-Monotonic Activation Function", arXiv:1908.08681.',
  softplus: 'Dugas et al. (2001), "Incorporating Second-Order Functional Knowledge for Better Option Pricing".',
  sigmoid: 'the logistic function.',
  tanh: 'the hyperbolic tangent.',
  elu: 'Clevert, Unterthiner & Hochreiter (2015), "Exponential Linear Units", arXiv:1511.07289.',
  selu: 'Klambauer et al. (2017), "Self-Normalizing Neural Networks", arXiv:1706.02515.',
  relu: 'Nair & Hinton (2010), "Rectified Linear Units Improve Restricted Boltzmann Machines".',
  leaky_relu: 'Maas, Hannun & Ng (2013), "Rectifier Nonlinearities Improve Neural Network Acoustic Models".',
  relu6: 'Krizhevsky (2010), "Convolutional Deep Belief Networks on CIFAR-10".',
  hardswish: 'Howard et al. (2019), "Searching for MobileNetV3", arXiv:1905.02244.',
};

const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const pascal = (snake: string): string => {
  const c = camel(snake);
  return c.charAt(0).toUpperCase() + c.slice(1);
};

/** Default names of a variant in a target's case convention. */
export function defaultNames(id: FunctionId, naming: TargetInfo['naming']): { forward: string; derivative: string; className: string } {
  const base = BASE_NAME[id];
  const grad = `${base}_grad`;
  const conv = naming === 'snake' ? (s: string) => s : naming === 'camel' ? camel : pascal;
  return { forward: conv(base), derivative: conv(grad), className: CLASS_NAME[id] };
}

/** Header sentences common to all targets (comment syntax added by the target). */
export function headerSentences(ctx: Omit<RenderContext, 'header'>): string[] {
  const { activation, algorithm, env, options } = ctx;
  const lines: string[] = [];
  lines.push(`${activation.label}: ${formulaText(activation.id, options.params)}`);
  lines.push(`Computed as ${algorithm.method}.`);
  if (algorithm.constants.length > 0) lines.push(`Constants: ${algorithm.constants.join('; ')}.`);
  lines.push(`Source: ${SOURCE[options.variant]}`);
  const exponential = ['gelu', 'gelu_tanh', 'gelu_sigmoid', 'silu'].includes(options.variant);
  if (env.compensated) {
    // Below these magnitudes the exponential inside has underflowed to a subnormal first, and the
    // result keeps only the subnormal's absolute precision.
    lines.push(
      env.precision === 'float'
        ? `Accurate to a few float ulps, tails included${exponential ? ', for results above about 1e-34 in magnitude' : ''}.`
        : `Accurate to a few ulps in double precision, tails included${exponential ? ', for results above about 1e-303 in magnitude' : ''} (do not compile with fast-math: it breaks the exact-product steps).`,
    );
  } else if (exponential) {
    lines.push(
      "Tensor code in the input's dtype, with no overflow and no cancellation (x is clamped where the exponential is already 0 or 1). It lacks the hi + lo steps of the scalar targets, so in the negative tail the rounding of the exponent's argument costs ulps that grow at least like x², on values that are already tiny: tens near x = −5, up to about 200 in float32 and about 2,000 in float64 just above underflow.",
    );
  }
  for (const b of ctx.builtins) lines.push(b);
  return lines;
}

/** Prefixes wrapped header sentences with a line-comment marker. */
export function commentBlock(sentences: readonly string[], prefix: string, width = 96): string {
  return sentences.flatMap((s) => wrapText(s, width - prefix.length - 1).map((l, i) => `${prefix} ${i > 0 ? '  ' : ''}${l}`)).join('\n');
}
