import * as assert from 'node:assert/strict';
import { TARGETS, targetInfo } from '../../../src/snippets';
import { filterEntries, optionSteps, totalSteps, variantEntries } from '../../../src/snippets/pickPlan';

describe('snippets: the Insert GELU Code… picks', () => {
  it('typing "tanh" offers GELU (tanh approximation) first, before Mish and Tanh', () => {
    const shown = filterEntries(variantEntries(), 'tanh').map((e) => e.id);
    assert.equal(shown[0], 'gelu_tanh');
    assert.ok(shown.includes('tanh') && shown.includes('mish'), `relatives still listed: ${shown.join(', ')}`);
    assert.ok(shown.indexOf('tanh') > 0 && shown.indexOf('mish') > 0);
  });

  it('lists the GELU family before its relatives, each under a heading', () => {
    const entries = variantEntries();
    assert.deepEqual(
      entries.slice(0, 7).map((e) => e.id ?? e.label),
      ['GELU', 'gelu', 'gelu_tanh', 'gelu_sigmoid', 'laplace', 'gelu_ibert', 'Relatives'],
    );
    assert.equal(filterEntries(entries, 'sigmoid')[0]?.id, 'gelu_sigmoid');
    assert.equal(filterEntries(entries, 'quick')[0]?.id, 'gelu_sigmoid');
    assert.equal(filterEntries(entries, 'swish')[0]?.id, 'silu');
    assert.deepEqual(filterEntries(entries, 'no such thing'), []);
  });

  it('shows a total only once it is final, so the counter never goes from 2/5 to 3/4', () => {
    // Targets differ in their option steps, so before the target is picked there is no total.
    assert.ok(new Set(TARGETS.map((t) => optionSteps({}, t))).size > 1);
    assert.equal(totalSteps({}, undefined), undefined);
    for (const t of TARGETS) {
      const total = totalSteps({}, t);
      assert.equal(total, 2 + optionSteps({}, t), t.id);
    }
    assert.equal(totalSteps({}, targetInfo('pytorch')), 4, 'function, target, derivative, form');
    assert.equal(totalSteps({}, targetInfo('cuda')), 4, 'function, target, derivative, precision');
    assert.equal(totalSteps({}, targetInfo('c')), 4, 'function, target, derivative, array version');
    assert.equal(totalSteps({}, targetInfo('julia')), 3, 'function, target, derivative');
    assert.equal(totalSteps({ variant: 'gelu', target: 'python' }, targetInfo('python')), 1);
    // Everything a target could ask already fixed: the total is known before the target pick.
    assert.equal(totalSteps({ withDerivative: true, form: 'function', vectorised: false, precision: 'double' }, undefined), 2);
  });
});
