import * as assert from 'node:assert/strict';
import { catalogue } from '../../../src/plot/sampling';
import { formulaBody, paramText } from '../../../webview/params';

describe('formula cards', () => {
  const infos = catalogue();
  const info = (id: string) => {
    const found = infos.find((f) => f.id === id);
    assert.ok(found, id);
    return found;
  };

  it('state the parameter in force, not the default, after a slider moves (QuickGELU k = 1.5)', () => {
    assert.equal(paramText(info('gelu_sigmoid'), {}), 'k = 1.702');
    assert.equal(paramText(info('gelu_sigmoid'), { gelu_sigmoid: { k: 1.5 } }), 'k = 1.5');
    assert.equal(paramText(info('gelu_tanh'), {}), 'c = 0.044715');
    assert.equal(paramText(info('gelu'), {}), '');
  });

  it('render a formula whose LaTeX does not carry the default parameter values (so it is rendered once)', () => {
    for (const f of infos) {
      const body = formulaBody(f);
      if (f.params.length > 0) {
        assert.ok(!body.includes('\\quad'), `${f.id}: the default values are left out (${body})`);
        assert.ok(f.formula.latex.startsWith(body) && body.length > 10, `${f.id}: the formula itself stays (${body})`);
      }
    }
    assert.equal(formulaBody(info('relu')), info('relu').formula.latex, 'a formula without parameters is unchanged');
  });
});
