import * as assert from 'node:assert/strict';
import { configHoverAnswers, frameworkHoverAt } from '../../../src/hover/frameworkHoverModel';
import { insideActivationCall } from '../../../src/hover/numberHoverModel';
import { enclosingCall } from '../../../src/text/resolver';

/** `insideActivationCall` with the hover's view: the text up to the hovered character. */
function inCall(text: string, marker: string, languageId = 'python'): boolean {
  const at = text.indexOf(marker);
  assert.ok(at >= 0, marker);
  return insideActivationCall(text.slice(0, at + 1), at + 1, languageId);
}

describe('quiet number hovers (hover.numbers: "selection")', () => {
  it('a number in ordinary code is not inside an activation call', () => {
    assert.equal(inCall('def __init__(self, width: int = 768):', '768'), false);
    assert.equal(inCall('model = Linear(768, 3072)', '768'), false);
    assert.equal(inCall('alpha=0.5', '0.5'), false);
    assert.equal(inCall('print(gelu)  # not a call: (0.5)', '0.5'), false);
  });

  it('a number in the arguments of a recognised call is, through nesting and line breaks', () => {
    assert.equal(inCall('y = F.gelu(torch.tensor(0.5))', '0.5'), true);
    assert.equal(inCall('y = F.leaky_relu(x, 0.2)', '0.2'), true);
    assert.equal(inCall('act = nn.ELU(alpha=1.5)', '1.5'), true);
    assert.equal(inCall('t = ggml_leaky_relu(ctx, a, 0.1, false);', '0.1', 'c'), true);
    assert.equal(inCall('y = F.leaky_relu(\n    x,\n    negative_slope=0.2,\n)', '0.2'), true);
    assert.equal(inCall('y = jax.nn.gelu([-3, -1, 0.5])', '0.5'), true);
  });

  it('a closed call before the number does not count', () => {
    assert.equal(inCall('y = F.gelu(x) * 0.5', '0.5'), false);
    assert.equal(inCall('y = F.gelu(x); z = scale(0.5)', '0.5'), false);
  });

  it('enclosingCall names the call and stays bounded on a long unbalanced line', () => {
    const text = 'F.gelu(' + '('.repeat(50_000) + '1';
    const t0 = performance.now();
    assert.equal(enclosingCall(text, text.length), undefined);
    assert.ok(performance.now() - t0 < 1000);
    assert.equal(enclosingCall('F.gelu(x, 0.5', 12)?.entry.qualifiedName, 'torch.nn.functional.gelu');
  });
});

describe('config.json: one hover per activation key', () => {
  const config = '{\n  "model_type": "bert",\n  "hidden_act": "gelu",\n  "hidden_size": 768\n}\n';
  const offset = config.indexOf('"gelu"') + 2;

  it('the model-config hover answers on "hidden_act": "gelu", so the framework hover steps aside', () => {
    assert.ok(frameworkHoverAt(config, offset, 'json'), 'the framework hover would answer too');
    assert.equal(configHoverAnswers(config, '/w/config.json', 'json', offset), true);
  });

  it('the framework hover stays where the config hover does not answer', () => {
    assert.equal(configHoverAnswers(config, '/w/config.json', 'json', config.indexOf('768')), false);
    assert.equal(configHoverAnswers(config, '/w/config.json', 'python', offset), false);
    assert.equal(configHoverAnswers('{"activation": "gelu"}', '/w/settings.json', 'json', 17), false);
  });
});
