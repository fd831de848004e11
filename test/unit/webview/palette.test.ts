import * as assert from 'node:assert/strict';
import { FUNCTION_IDS } from '../../../src/core/types';
import { PALETTE } from '../../../webview/theme';

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// The backgrounds curve labels are drawn on: editor (panel) and side bar, Dark Modern / Dark+ and Light Modern / Light+.
const DARK_BACKGROUNDS = ['#1e1e1e', '#1f1f1f', '#181818'];
const LIGHT_BACKGROUNDS = ['#ffffff', '#f8f8f8'];

describe('plot palette', () => {
  for (const id of FUNCTION_IDS) {
    it(`${id}'s labels are readable (≥ 4.5:1) on dark and light backgrounds`, () => {
      for (const bg of DARK_BACKGROUNDS) {
        const ratio = contrast(PALETTE[id].dark, bg);
        assert.ok(ratio >= 4.5, `${PALETTE[id].dark} on ${bg}: ${ratio.toFixed(2)}:1`);
      }
      for (const bg of LIGHT_BACKGROUNDS) {
        const ratio = contrast(PALETTE[id].light, bg);
        assert.ok(ratio >= 4.5, `${PALETTE[id].light} on ${bg}: ${ratio.toFixed(2)}:1`);
      }
    });
  }

  it('gives every function its own colour in each variant', () => {
    for (const variant of ['dark', 'light'] as const) {
      const colours = FUNCTION_IDS.map((id) => PALETTE[id][variant].toLowerCase());
      assert.equal(new Set(colours).size, colours.length, variant);
    }
  });

  it('computes contrast as WCAG does (black on white is 21:1, a colour on itself 1:1)', () => {
    assert.equal(contrast('#000000', '#ffffff'), 21);
    assert.equal(contrast('#3794ff', '#3794ff'), 1);
  });
});
