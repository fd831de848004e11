/**
 * Accuracy of every registry function, f, f′ and f″, against EVERY line of the 120-digit
 * reference (see reference.ts for the metric). Prints the worst error per function and order.
 * GELU_REFERENCE=<file> points it at another file of the same format (e.g. a denser one).
 */
import * as assert from 'node:assert/strict';
import { activations } from '../../../src/core';
import { FUNCTION_IDS, type FunctionId } from '../../../src/core/types';
import { loadReference, measure, type ReferenceLine } from './reference';

/** Bounds in ulps, per order (the project's accuracy contract). */
const BOUNDS = [2, 4, 8] as const;
const ORDER_KEYS = ['y', 'dy', 'd2y'] as const;

/**
 * Roots of f′ and f″ (computed with mpmath): within 2^-6 of one of them a result whose absolute
 * error is at most 2^-53 counts as right (the README's rule for "|r| tiny while the terms that
 * make it are of order 1").
 */
const ROOTS: Partial<Record<FunctionId, readonly [readonly number[], readonly number[]]>> = {
  gelu: [[-0.7517915246935645], [-1.4142135623730951, 1.4142135623730951]],
  gelu_tanh: [[-0.7524614220710163], [-1.4185040087908283, 1.4185040087908283]],
  gelu_sigmoid: [[-0.751154255441289], [-1.4097281319127306, 1.4097281319127306]],
  silu: [[-1.2784645427610737], [-2.3993572805154675, 2.3993572805154675]],
  mish: [[-1.1924312145154952], [-2.256376396360793, 1.4905711794854284]],
  sigmoid: [[], [0]],
  tanh: [[], [0]],
};

interface Worst {
  ulps: number;
  x: string;
  failures: string[];
  count: number;
}

function nearRoot(id: FunctionId, order: number, x: number): boolean {
  if (order === 0) return false;
  const roots = ROOTS[id]?.[order - 1] ?? [];
  return roots.some((r) => Math.abs(x - r) <= 2 ** -6);
}

describe('core accuracy against the reference values', function () {
  this.timeout(60000);
  let lines: ReferenceLine[] = [];
  const table = new Map<string, Worst>();

  before(function () {
    lines = loadReference();
  });

  it('covers exactly the registry ids', function () {
    const fns = new Set(lines.map((l) => l.fn));
    assert.deepEqual([...fns].sort(), [...FUNCTION_IDS].sort());
    assert.deepEqual(Object.keys(activations).sort(), [...FUNCTION_IDS].sort());
  });

  it('meets the bounds at every reference line (f ≤ 2, f′ ≤ 4, f″ ≤ 8 ulp)', function () {
    for (const line of lines) {
      const id = line.fn as FunctionId;
      const fn = activations[id];
      assert.ok(fn, `unknown function ${line.fn}`);
      const x = Number(line.x);
      for (let order = 0; order < 3; order++) {
        const ref = line[ORDER_KEYS[order]!];
        const y = order === 0 ? fn.f(x) : order === 1 ? fn.df(x) : fn.d2f(x);
        const m = measure(y, ref);
        const key = `${id}|${order}`;
        let w = table.get(key);
        if (w === undefined) {
          w = { ulps: -1, x: '', failures: [], count: 0 };
          table.set(key, w);
        }
        w.count++;
        const ok = m.special === 'ok' || m.ulps <= BOUNDS[order]! || (nearRoot(id, order, x) && m.abs53 <= 1);
        if (m.special === 'none' && m.ulps > w.ulps) {
          w.ulps = m.ulps;
          w.x = line.x;
        }
        if (!ok) w.failures.push(`${id} order ${order} x=${line.x}: got ${y}, want ${ref} (${m.ulps} ulp)`);
      }
    }
    const rows: string[] = [];
    rows.push('function        points   worst f (ulp) at x              worst f′ (ulp) at x             worst f″ (ulp) at x');
    for (const id of FUNCTION_IDS) {
      let row = id.padEnd(16) + String(table.get(`${id}|0`)?.count ?? 0).padEnd(9);
      for (let order = 0; order < 3; order++) {
        const w = table.get(`${id}|${order}`);
        const cell = w === undefined || w.ulps < 0 ? '—' : `${w.ulps.toFixed(3)} @ ${w.x}`;
        row += cell.padEnd(32);
      }
      rows.push(row.trimEnd());
    }
    console.log('\n' + rows.join('\n') + '\n');
    const failures = [...table.values()].flatMap((w) => w.failures);
    assert.deepEqual(failures.slice(0, 30), [], `${failures.length} reference values out of bounds`);
  });
});
