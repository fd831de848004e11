/** Python family: plain Python (math), NumPy + SciPy, PyTorch, TensorFlow/Keras, JAX. */
import { commentBlock } from '../common';
import { type CallTable, doubleDialect, indent, libmTable, printBody, type StmtDialect } from '../emit';
import { type Fn, usesCall } from '../ir';
import type { RenderContext, Rendered, TargetInfo, TargetSpec } from '../types';

type Flavour = 'python' | 'numpy' | 'pytorch' | 'tensorflow' | 'jax';

/** No fma in any of them (Python's math.fma is 3.13+); erfc where each library keeps it. */
const FUNCS: Record<Flavour, CallTable> = {
  python: libmTable({ prefix: 'math.', omit: ['fma'], rename: { abs: 'abs' } }),
  numpy: libmTable({ prefix: 'np.', omit: ['fma'], rename: { erfc: 'special.erfc', erfcx: 'special.erfcx' } }),
  pytorch: libmTable({ prefix: 'torch.', omit: ['fma'] }),
  tensorflow: libmTable({ prefix: 'tf.math.', omit: ['fma'] }),
  jax: libmTable({ prefix: 'jnp.', omit: ['fma'], rename: { erfc: 'jsp.erfc' } }),
};

function dialect(flavour: Flavour): StmtDialect {
  const constArm = (text: string): string => {
    switch (flavour) {
      case 'pytorch':
        return `torch.full_like(x, ${text})`;
      case 'tensorflow':
        return text === '0.0' ? 'tf.zeros_like(x)' : text === '1.0' ? 'tf.ones_like(x)' : `tf.fill(tf.shape(x), tf.constant(${text}, dtype=x.dtype))`;
      default:
        return text;
    }
  };
  return {
    ...doubleDialect(flavour, FUNCS[flavour]),
    let: (name, value) => [`${name} = ${value}`],
    ret: (value) => [`return ${value}`],
    select: (cond, a, b, ac, bc) => {
      switch (flavour) {
        case 'python':
          return `${a} if ${cond} else ${b}`;
        case 'numpy':
          return `np.where(${cond}, ${a}, ${b})`;
        case 'jax':
          return `jnp.where(${cond}, ${a}, ${b})`;
        case 'pytorch':
          return `torch.where(${cond}, ${ac ? constArm(a) : a}, ${bc ? constArm(b) : b})`;
        case 'tensorflow':
          return `tf.where(${cond}, ${ac ? constArm(a) : a}, ${bc ? constArm(b) : b})`;
      }
    },
    ifReturn: (cond, value) => [`if ${cond}:`, `    return ${value}`],
    comment: (text) => [`# ${text}`],
    // Each framework's own clamp (all pass NaN through); plain Python keeps the conditional expressions.
    ...(flavour === 'python' ? {} : { clamp: (value: string, lo: string | undefined, hi: string | undefined) => clampCall(flavour, value, lo, hi) }),
  };
}

function clampCall(flavour: Exclude<Flavour, 'python'>, value: string, lo: string | undefined, hi: string | undefined): string {
  if (flavour === 'pytorch') return lo !== undefined && hi !== undefined ? `${value}.clamp(${lo}, ${hi})` : `${value}.clamp(${lo !== undefined ? `min=${lo}` : `max=${hi}`})`;
  const ns = flavour === 'numpy' ? 'np' : flavour === 'jax' ? 'jnp' : 'tf';
  if (lo !== undefined && hi !== undefined) return flavour === 'tensorflow' ? `tf.clip_by_value(${value}, ${lo}, ${hi})` : `${ns}.clip(${value}, ${lo}, ${hi})`;
  return lo !== undefined ? `${ns}.maximum(${value}, ${lo})` : `${ns}.minimum(${value}, ${hi})`;
}

const TYPES: Record<Flavour, string> = {
  python: 'float',
  numpy: 'np.ndarray',
  pytorch: 'torch.Tensor',
  tensorflow: 'tf.Tensor',
  jax: 'jax.Array',
};

function def(name: string, fn: Fn, flavour: Flavour, doc: string, decorator?: string): string {
  const d = dialect(flavour);
  const argType = flavour === 'numpy' ? 'npt.ArrayLike' : TYPES[flavour];
  const lines: string[] = [];
  if (decorator) lines.push(decorator);
  lines.push(`def ${name}(x: ${argType}) -> ${TYPES[flavour]}:`);
  lines.push(`    """${doc}"""`);
  if (flavour === 'numpy') lines.push('    x = np.asarray(x, dtype=np.float64)');
  lines.push(...indent(printBody(fn, d), '    '));
  return lines.join('\n');
}

function info(id: Flavour): TargetInfo {
  const base = { languageId: 'python', fileExtension: '.py', vectorisable: false, precisions: ['double'] as const, naming: 'snake' as const };
  switch (id) {
    case 'pytorch':
      return { ...base, id, label: 'PyTorch', description: 'torch functions, nn.Module, custom autograd.Function', languages: ['python'], forms: ['function', 'module'], formLabels: { function: 'Function', module: 'nn.Module class' } };
    case 'tensorflow':
      return { ...base, id, label: 'TensorFlow / Keras', description: 'tf.math functions, Keras layer, tf.custom_gradient', languages: ['python'], forms: ['function', 'module'], formLabels: { function: 'Function', module: 'Keras Layer class' } };
    case 'jax':
      return { ...base, id, label: 'JAX', description: 'jax.numpy functions, jax.custom_jvp', languages: ['python'], forms: ['function'] };
    case 'numpy':
      return { ...base, id, label: 'NumPy + SciPy', description: 'vectorised float64 arrays, scipy.special.erfc', languages: ['python'], forms: ['function'] };
    case 'python':
      return { ...base, id, label: 'Python (math)', description: 'plain Python floats, math.erfc', languages: ['python'], forms: ['function'] };
  }
}

function render(flavour: Flavour, ctx: RenderContext): Rendered {
  const { names, algorithm, options, activation } = ctx;
  const imports: string[] = [];
  const notes: string[] = [];
  const fns = options.withDerivative ? [algorithm.f, algorithm.df] : [algorithm.f];
  const usesErfc = usesCall(fns, 'erfc') || usesCall(fns, 'erfcx');
  switch (flavour) {
    case 'python':
      imports.push('import math');
      break;
    case 'numpy':
      imports.push('import numpy as np', 'import numpy.typing as npt');
      if (usesErfc) {
        imports.push('from scipy import special');
        notes.push('Needs NumPy and SciPy.');
      } else notes.push('Needs NumPy.');
      break;
    case 'pytorch':
      imports.push('import torch');
      if (options.form === 'module') imports.push('from torch import nn');
      notes.push('Needs PyTorch.');
      break;
    case 'tensorflow':
      imports.push('import tensorflow as tf');
      notes.push('Needs TensorFlow 2.');
      break;
    case 'jax':
      imports.push('import jax', 'import jax.numpy as jnp');
      if (usesErfc) imports.push('import jax.scipy.special as jsp');
      notes.push('Needs JAX. JAX computes in float32 unless jax.config.update("jax_enable_x64", True).');
      break;
  }

  const label = activation.label;
  const defs: string[] = [];
  const fwdDoc = `${label}, elementwise.`;
  const gradDoc = `Derivative of ${label}, elementwise.`;
  const f = names.forward;
  const g = names.derivative;

  if (flavour === 'jax' && options.withDerivative) {
    defs.push(def(f, algorithm.f, flavour, `${fwdDoc} Differentiated by ${g} (jax.custom_jvp).`, '@jax.custom_jvp'));
    defs.push(def(g, algorithm.df, flavour, gradDoc));
    defs.push(
      [`@${f}.defjvp`, `def _${f}_jvp(primals, tangents):`, '    (x,), (dx,) = primals, tangents', `    return ${f}(x), ${g}(x) * dx`].join('\n'),
    );
  } else {
    defs.push(def(f, algorithm.f, flavour, fwdDoc));
    if (options.withDerivative) defs.push(def(g, algorithm.df, flavour, gradDoc));
  }

  const cls = names.className;
  if (flavour === 'pytorch') {
    const fnCls = `${cls}Function`;
    if (options.withDerivative) {
      defs.push(
        [
          `class ${fnCls}(torch.autograd.Function):`,
          `    """${label} with the derivative written out: backward uses ${g} instead of autograd."""`,
          '',
          '    @staticmethod',
          '    def forward(ctx, x: torch.Tensor) -> torch.Tensor:',
          '        ctx.save_for_backward(x)',
          `        return ${f}(x)`,
          '',
          '    @staticmethod',
          '    def backward(ctx, grad_output: torch.Tensor) -> torch.Tensor:',
          '        (x,) = ctx.saved_tensors',
          `        return grad_output * ${g}(x)`,
        ].join('\n'),
      );
    }
    const call = options.withDerivative ? `${fnCls}.apply(x)` : `${f}(x)`;
    if (options.form === 'module') {
      defs.push(
        [
          `class ${cls}(nn.Module):`,
          `    """${label} as a layer: y = ${cls}()(x)."""`,
          '',
          '    def forward(self, x: torch.Tensor) -> torch.Tensor:',
          `        return ${call}`,
        ].join('\n'),
      );
    } else if (options.withDerivative) {
      defs.push(`# Usage: y = ${fnCls}.apply(x)  # backward calls ${g}`);
    }
  }
  if (flavour === 'tensorflow') {
    let call = `${f}(x)`;
    if (options.withDerivative) {
      const wrapped = `${f}_with_grad`;
      defs.push(
        [
          '@tf.custom_gradient',
          `def ${wrapped}(x: tf.Tensor):`,
          `    """${label} whose gradient is ${g} (instead of differentiating the formula)."""`,
          '',
          '    def grad(upstream: tf.Tensor) -> tf.Tensor:',
          `        return upstream * ${g}(x)`,
          '',
          `    return ${f}(x), grad`,
        ].join('\n'),
      );
      call = `${wrapped}(x)`;
    }
    if (options.form === 'module') {
      defs.push(
        [
          `class ${cls}(tf.keras.layers.Layer):`,
          `    """${label} as a Keras layer: y = ${cls}()(x)."""`,
          '',
          '    def call(self, x: tf.Tensor) -> tf.Tensor:',
          `        return ${call}`,
        ].join('\n'),
      );
    }
  }
  if (flavour === 'numpy' && usesErfc) notes.push('SciPy ≥ 1.0 for scipy.special.erfcx.');

  return {
    header: commentBlock(ctx.header, '#'),
    imports,
    helpers: '',
    body: defs.join('\n\n\n'),
    notes,
    separator: '\n\n\n',
  };
}

function spec(flavour: Flavour): TargetSpec {
  return {
    info: info(flavour),
    env: () =>
      flavour === 'python'
        ? { precision: 'double', compensated: true, fma: false, erfc: 'lib' }
        : flavour === 'numpy'
          ? { precision: 'double', compensated: true, fma: false, erfc: 'scipy' }
          : { precision: 'double', compensated: false, fma: false, erfc: 'lib' },
    render: (ctx) => render(flavour, ctx),
  };
}

export const pythonTargets: readonly TargetSpec[] = (['pytorch', 'tensorflow', 'jax', 'numpy', 'python'] as const).map(spec);
