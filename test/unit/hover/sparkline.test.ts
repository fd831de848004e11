import * as assert from 'node:assert/strict';
import { activations, linspace } from '../../../src/core';
import { base64Utf8, sparklineSvg, svgDataUri } from '../../../src/hover/sparkline';

function paths(svg: string): string[] {
  return [...svg.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1] as string);
}

describe('sparkline', () => {
  it('draws each series from the sampled arrays, inside the image', () => {
    const xs = linspace(-4, 4, 81);
    const svg = sparklineSvg({ xs, series: [{ ys: activations.gelu.batch(xs, 0), color: '#3794ff' }, { ys: activations.gelu.batch(xs, 1), color: '#e5892d', dashed: true }], width: 200, height: 60 });
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="200" height="60"/);
    const [, , f, df] = paths(svg); // two axes, then the curves
    assert.ok(f && df, svg);
    const points = (d: string) => [...d.matchAll(/[ML]([-\d.]+) ([-\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const pf = points(f);
    assert.equal(pf.length, 81);
    for (const [x, y] of pf) assert.ok(x >= 0 && x <= 200 && y >= 0 && y <= 60, `${x},${y}`);
    // GELU rises: the last point is higher (smaller y) than the first.
    assert.ok((pf[80] as readonly [number, number])[1] < (pf[0] as readonly [number, number])[1]);
    assert.ok(svg.includes('stroke-dasharray'));
  });

  it('breaks the line at non-finite values and survives empty or degenerate input', () => {
    const xs = Float64Array.of(0, 1, 2, 3);
    const svg = sparklineSvg({ xs, series: [{ ys: Float64Array.of(0, NaN, 1, 2), color: '#fff' }] });
    const d = paths(svg).at(-1) ?? '';
    assert.equal((d.match(/M/g) ?? []).length, 2);
    assert.equal(paths(sparklineSvg({ xs: new Float64Array(0), series: [] })).length, 0);
    assert.equal(paths(sparklineSvg({ xs, series: [{ ys: Float64Array.of(NaN, NaN, NaN, NaN), color: '#fff' }] })).length, 0);
    const flat = sparklineSvg({ xs, series: [{ ys: Float64Array.of(1, 1, 1, 1), color: 'red; onload' }] });
    assert.ok(!flat.includes('onload') && flat.includes('#888888'));
  });

  it('encodes as base64 data URI', () => {
    assert.equal(base64Utf8('Man'), 'TWFu');
    assert.equal(base64Utf8('Ma'), 'TWE=');
    assert.equal(base64Utf8('M'), 'TQ==');
    assert.equal(base64Utf8('f′'), Buffer.from('f′', 'utf8').toString('base64'));
    const svg = sparklineSvg({ xs: Float64Array.of(0, 1), series: [{ ys: Float64Array.of(0, 1), color: '#000' }], title: 'a <b> & "c"' });
    const uri = svgDataUri(svg);
    assert.match(uri, /^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/);
    assert.equal(Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64').toString('utf8'), svg);
    assert.ok(svg.includes('<title>a &#60;b&#62; &#38; &#34;c&#34;</title>'));
  });
});
