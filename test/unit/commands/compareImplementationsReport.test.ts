import * as assert from 'node:assert/strict';
import { compareReport } from '../../../src/commands/compareImplementationsReport';

describe('Compare Implementations report', () => {
  it('has a sweep table per mode with every chosen implementation, and an advisor block with the three assertions for each other one', () => {
    const md = compareReport({ ids: ['gelu_erf', 'gelu_tanh', 'silu'], format: 'float8_e4m3fn', modes: ['per-op', 'fp32-opmath'], inputs: { kind: 'normal', sigma: 1 } });
    assert.match(md, /^# GELU Lab: implementations in float8_e4m3fn/);
    assert.match(md, /every finite float8_e4m3fn value \(254 inputs\)/);
    assert.match(md, /no infinities: overflow is NaN/);
    assert.match(md, /## float8_e4m3fn, per-op/);
    assert.match(md, /## float8_e4m3fn, fp32-opmath/);
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    assert.equal(rows.length, 6);
    // SiLU is not a GELU: no column against exact GELU.
    assert.ok(rows.filter((r) => r.startsWith('| `silu`')).every((r) => r.trimEnd().endsWith('— |')));
    assert.equal((md.match(/torch\.testing\.assert_close\(/g) ?? []).length, 4);
    assert.equal((md.match(/np\.testing\.assert_allclose\(/g) ?? []).length, 4);
    assert.equal((md.match(/jnp\.allclose\(/g) ?? []).length, 4);
    assert.match(md, /# GELU Lab tolerance advisor: gelu_tanh float8_e4m3fn per-op vs gelu_erf float32 per-op/);
  });

  it('with one implementation there is nothing to advise on', () => {
    const md = compareReport({ ids: ['gelu_ggml'], format: 'float8_e5m2', modes: ['per-op'], inputs: { kind: 'uniform', lo: -8, hi: 8 } });
    assert.doesNotMatch(md, /Tolerance advisor/);
    assert.match(md, /\| `gelu_ggml` /);
  });
});
