/** The webview's palette against the registry's colour slots. */
import * as assert from 'node:assert/strict';
import { activations } from '../../../src/core/activations';
import { FUNCTION_IDS } from '../../../src/core/types';
import { PALETTE, swatchOf } from '../../../webview/palette';

describe('webview palette', () => {
  it('has a colour for every registry slot, so no two functions share a colour', () => {
    for (const id of FUNCTION_IDS) assert.ok(activations[id].colorSlot < PALETTE.length, `${id}: slot ${activations[id].colorSlot}`);
    const darks = new Set(FUNCTION_IDS.map((id) => swatchOf(activations[id].colorSlot).dark));
    const lights = new Set(FUNCTION_IDS.map((id) => swatchOf(activations[id].colorSlot).light));
    assert.equal(darks.size, FUNCTION_IDS.length);
    assert.equal(lights.size, FUNCTION_IDS.length);
  });

  it('keeps the colours users know: GELU blue, GELU tanh orange, QuickGELU green', () => {
    assert.deepEqual(swatchOf(activations.gelu.colorSlot), { dark: '#3794ff', light: '#1a6fd9' });
    assert.deepEqual(swatchOf(activations.gelu_tanh.colorSlot), { dark: '#e0a030', light: '#b86e00' });
    assert.deepEqual(swatchOf(activations.gelu_sigmoid.colorSlot), { dark: '#89d185', light: '#388a34' });
  });

  it('wraps slots past its end instead of failing', () => {
    assert.deepEqual(swatchOf(PALETTE.length), PALETTE[0]);
    assert.deepEqual(swatchOf(-1), PALETTE[PALETTE.length - 1]);
  });
});
