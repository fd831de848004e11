/**
 * The generated code, compiled and run on the shared reference points, agrees with src/core:
 * within 4 ulps in double (derivatives: or 2⁻⁵³ absolute near a root), within 4 float ulps of
 * the core rounded to float for CUDA float. Toolchains that are missing skip their test with
 * the reason printed; targets that cannot run here are listed as skipped tests too.
 */
import * as assert from 'node:assert/strict';
import type { FunctionId } from '../../../src/core/types';
import { compareWithCore, describe as describeMismatches, DOUBLE_TOL, FLOAT_TOL, newSummary, type RefPoint, referencePoints, type Summary } from './harness';
import { skipWithoutReference } from '../../support/reference';
import { NOT_EXECUTED, RUNNERS, type Runner, type Values } from './runners';

/** Runs at most `limit` runners at a time (the machine has 2 cores), all started up front. */
function startAll(points: Map<FunctionId, RefPoint[]>, limit: number): Map<Runner, Promise<Values>> {
  const started = new Map<Runner, Promise<Values>>();
  let active = 0;
  const queue: (() => void)[] = [];
  const slot = (): Promise<void> =>
    new Promise((resolve) => {
      if (active < limit) {
        active++;
        resolve();
      } else queue.push(() => resolve());
    });
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  for (const r of RUNNERS) {
    if (r.missing() !== undefined) continue;
    const p = slot().then(async () => {
      try {
        return await r.run(points);
      } finally {
        release();
      }
    });
    p.catch(() => undefined);
    started.set(r, p);
  }
  return started;
}

function formatMax(m: Map<string, number>): string {
  return [...m.entries()].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
}

describe('snippets: generated code runs on the reference points and agrees with src/core', function () {
  this.timeout(180_000);
  let points: Map<FunctionId, RefPoint[]>;
  let started: Map<Runner, Promise<Values>>;

  before(function () {
    skipWithoutReference(this);
    points = referencePoints();
    started = startAll(points, 2);
  });

  it('has reference points for every function', function () {
    assert.equal(points.size, 14);
    for (const [id, list] of points) assert.ok(list.length >= 100, `${id}: only ${list.length} points`);
  });

  for (const runner of RUNNERS) {
    it(`${runner.label}: every variant, f and f′, agrees with src/core`, async function () {
      const missing = runner.missing();
      if (missing !== undefined) {
        console.log(`      SKIPPED ${runner.label}: ${missing}`);
        this.skip();
      }
      const values = await (started.get(runner) as Promise<Values>);
      const summary: Summary = newSummary();
      for (const [id, got] of values) compareWithCore(id, points.get(id) as RefPoint[], got, runner.precision, runner.precision === 'float' ? FLOAT_TOL : DOUBLE_TOL, summary);
      if (process.env.GELU_SNIPPET_REPORT) {
        console.log(`      ${runner.label} max ulp vs core: ${formatMax(summary.maxVsCore)}`);
        if (runner.precision === 'double') console.log(`      ${runner.label} max ulp vs reference: ${formatMax(summary.maxVsReference)}`);
      }
      assert.equal(summary.mismatches.length, 0, `${summary.mismatches.length} values differ from src/core by more than the tolerance:\n${describeMismatches(summary)}`);
    });
  }

  for (const [target, reason] of Object.entries(NOT_EXECUTED)) {
    it(`${target}: not executed here`, function () {
      console.log(`      NOT EXECUTED ${target}: ${reason}`);
      this.skip();
    });
  }
});
