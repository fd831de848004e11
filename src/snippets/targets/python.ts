/** Python family: plain Python (math), NumPy + SciPy, PyTorch, TensorFlow/Keras, JAX. */
import { commentBlock } from '../common';
import { type CallTable, doubleDialect, indent, libmTable, printBody, type StmtDialect } from '../emit';
import { type Fn, fnParams, usesCall } from '../ir';
import type { GatedRender, HalfLayout, RenderContext, Rendered, TargetInfo, TargetSpec } from '../types';

type Flavour = 'python' | 'numpy' | 'pytorch' | 'tensorflow' | 'jax';

/** No fma in any of them (Python's math.fma is 3.13+); erfc where each library keeps it. */
const FUNCS: Record<Flavour, CallTable> = {
  python: libmTable({ prefix: 'math.', omit: ['fma'], rename: { abs: 'abs' } }),
  numpy: libmTable({ prefix: 'np.', omit: ['fma'], rename: { erfc: 'special.erfc', erfcx: 'special.erfcx' } }),
  pytorch: libmTable({ prefix: 'torch.', omit: ['fma'] }),
  tensorflow: libmTable({ prefix: 'tf.math.', omit: ['fma'] }),
  jax: libmTable({ prefix: 'jnp.', omit: ['fma'], rename: { erfc: 'jsp.erfc' } }),
};

/** `like`: the tensor whose shape and dtype a constant arm of a select takes (the first parameter). */
function dialect(flavour: Flavour, like = 'x'): StmtDialect {
  const constArm = (text: string): string => {
    switch (flavour) {
      case 'pytorch':
        return `torch.full_like(${like}, ${text})`;
      case 'tensorflow':
        return text === '0.0' ? `tf.zeros_like(${like})` : text === '1.0' ? `tf.ones_like(${like})` : `tf.fill(tf.shape(${like}), tf.constant(${text}, dtype=${like}.dtype))`;
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
  const params = fnParams(fn);
  const d = dialect(flavour, params[0]);
  const argType = flavour === 'numpy' ? 'npt.ArrayLike' : TYPES[flavour];
  const lines: string[] = [];
  if (decorator) lines.push(decorator);
  lines.push(`def ${name}(${params.map((p) => `${p}: ${argType}`).join(', ')}) -> ${TYPES[flavour]}:`);
  lines.push(`    """${doc}"""`);
  if (flavour === 'numpy') for (const p of params) lines.push(`    ${p} = np.asarray(${p}, dtype=np.float64)`);
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
  if (ctx.gated !== undefined) {
    const defs = [def(names.forward, algorithm.f, flavour, `${label}, elementwise (the gate's activation).`)];
    if (options.withDerivative) defs.push(def(names.derivative, algorithm.df, flavour, `Derivative of ${label}, elementwise.`));
    const gd = ctx.gated;
    const withGrad = gd.gradG !== undefined && gd.gradU !== undefined;
    for (const g of gd.fns) defs.push(def(g.name, g.fn, flavour, g.doc, flavour === 'jax' && withGrad && g.name === gd.forward ? '@jax.custom_jvp' : undefined));
    if (flavour === 'pytorch') defs.push(...torchGated(ctx, gd));
    if (flavour === 'jax' && withGrad) {
      defs.push(
        [`@${gd.forward}.defjvp`, `def _${gd.forward}_jvp(primals, tangents):`, '    (g, u), (dg, du) = primals, tangents', `    return ${gd.forward}(g, u), ${gd.gradG}(g, u) * dg + ${gd.gradU}(g, u) * du`].join('\n'),
      );
    }
    if (flavour === 'tensorflow' && withGrad) {
      defs.push(
        [
          '@tf.custom_gradient',
          `def ${gd.forward}_with_grad(g: tf.Tensor, u: tf.Tensor):`,
          `    """${gd.spec.shortLabel} whose gradients are ${gd.gradG} and ${gd.gradU}; g and u of one shape."""`,
          '',
          '    def grad(upstream: tf.Tensor) -> tuple[tf.Tensor, tf.Tensor]:',
          `        return upstream * ${gd.gradG}(g, u), upstream * ${gd.gradU}(g, u)`,
          '',
          `    return ${gd.forward}(g, u), grad`,
        ].join('\n'),
      );
    }
    return { header: commentBlock(ctx.header, '#'), imports, helpers: '', body: defs.join('\n\n\n'), notes, separator: '\n\n\n' };
  }
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

/** g and u from the last dimension of x, as PyTorch slicing. */
function torchHalves(layout: HalfLayout): string[] {
  switch (layout) {
    case 'gate-first':
      return ['d = x.shape[-1] // 2', 'g, u = x[..., :d], x[..., d:]'];
    case 'gate-second':
      return ['d = x.shape[-1] // 2', 'u, g = x[..., :d], x[..., d:]'];
    case 'interleaved':
      return ['g, u = x[..., 0::2], x[..., 1::2]'];
  }
}

/** PyTorch extras of a gated unit: the autograd.Function, the fused form, the nn.Module. */
function torchGated(ctx: RenderContext, gated: GatedRender): string[] {
  const { options, names } = ctx;
  const label = gated.spec.shortLabel;
  const f = gated.forward;
  const defs: string[] = [];
  const cls = names.className;
  const fnCls = `${cls}Function`;
  const withGrad = gated.gradG !== undefined && gated.gradU !== undefined;
  if (withGrad) {
    defs.push(
      [
        `class ${fnCls}(torch.autograd.Function):`,
        `    """${label} with the partials written out: backward uses ${gated.gradG} and ${gated.gradU}; g and u of one shape."""`,
        '',
        '    @staticmethod',
        '    def forward(ctx, g: torch.Tensor, u: torch.Tensor) -> torch.Tensor:',
        '        ctx.save_for_backward(g, u)',
        `        return ${f}(g, u)`,
        '',
        '    @staticmethod',
        '    def backward(ctx, grad_output: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:',
        '        g, u = ctx.saved_tensors',
        `        return grad_output * ${gated.gradG}(g, u), grad_output * ${gated.gradU}(g, u)`,
      ].join('\n'),
    );
  }
  const call = (g: string, u: string): string => (withGrad ? `${fnCls}.apply(${g}, ${u})` : `${f}(${g}, ${u})`);
  const fused = gated.fused;
  if (fused !== undefined) {
    defs.push(
      [
        `def ${fused.name}(x: torch.Tensor) -> torch.Tensor:`,
        `    """Fused ${label}: x [..., 2d] -> [..., d]; ${fused.doc}."""`,
        '    if x.shape[-1] % 2 != 0:',
        `        raise ValueError(f"${fused.name}: the last dimension must be even, got {x.shape[-1]}")`,
        ...torchHalves(fused.layout).map((l) => `    ${l}`),
        `    return ${call('g', 'u')}`,
      ].join('\n'),
    );
  }
  if (options.form === 'module') {
    defs.push(
      fused !== undefined
        ? [`class ${cls}(nn.Module):`, `    """${label} as a layer on x [..., 2d]: y = ${cls}()(x) ([..., d]); ${shortLayoutText(fused.layout)}."""`, '', '    def forward(self, x: torch.Tensor) -> torch.Tensor:', `        return ${fused.name}(x)`].join('\n')
        : [`class ${cls}(nn.Module):`, `    """${label} as a layer: y = ${cls}()(g, u), g the gate."""`, '', '    def forward(self, g: torch.Tensor, u: torch.Tensor) -> torch.Tensor:', `        return ${call('g', 'u')}`].join('\n'),
    );
  } else if (withGrad && fused === undefined) {
    defs.push(`# Usage: y = ${fnCls}.apply(g, u)  # backward calls ${gated.gradG} and ${gated.gradU}`);
  }
  return defs;
}

function shortLayoutText(layout: HalfLayout): string {
  return layout === 'gate-first' ? 'gate = first half' : layout === 'gate-second' ? 'gate = second half' : 'even elements = gate';
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
