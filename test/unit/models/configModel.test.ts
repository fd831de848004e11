import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { activations } from '../../../src/core/activations';
import { ACTIVATION_NAMES, SOURCES, STACKS, activationName, comparableFunction } from '../../../src/frameworks/modelConfigs';
import {
  analyseConfig,
  closestNames,
  configDiagnostics,
  configHoverAt,
  differenceBetween,
  parseFeedForward,
  parseCompareArgs,
  parseJsonWithOffsets,
  pythonKeywordAt,
  pythonHoverMarkdown,
  variantsOf,
} from '../../../src/models/configModel';

const FIXTURES = path.resolve(__dirname, '../../fixtures/workspace/models');
const read = (rel: string): { text: string; file: string } => {
  const file = path.join(FIXTURES, rel);
  return { text: fs.readFileSync(file, 'utf8'), file };
};
const diagnosticsOf = (rel: string) => {
  const { text, file } = read(rel);
  return { text, diags: configDiagnostics(analyseConfig(text, file)) };
};
/** The one diagnostic of the file `rel`, asserted to be its only one and of this code and severity. */
const onlyDiagnosticOf = (rel: string, code: string, severity: string) => {
  const { text, diags } = diagnosticsOf(rel);
  assert.equal(diags.length, 1);
  const d = diags[0]!;
  assert.equal(d.code, code);
  assert.equal(d.severity, severity);
  return { text, d };
};

describe('model config scanner', () => {
  it('keeps offsets of keys and string values, like JSON.parse reads them', () => {
    const text = '{ "a": "x\\"y", "b": [1, {"c": "d"}], "e": null }';
    const r = parseJsonWithOffsets(text);
    assert.equal(r.error, undefined);
    assert.equal(r.root?.kind, 'object');
    if (r.root?.kind !== 'object') return;
    const a = r.root.members[0]!;
    assert.equal(a.key, 'a');
    assert.equal(text.slice(a.keyStart, a.keyEnd), '"a"');
    assert.equal(a.value?.kind === 'string' ? a.value.value : undefined, 'x"y');
    assert.deepEqual(r.root.members.map((m) => m.key), Object.keys(JSON.parse(text) as object));
  });

  it('reads JSONC comments and trailing commas', () => {
    const r = parseJsonWithOffsets('{\n // note\n "a": 1, /* b */ "b": [2,],\n}');
    assert.equal(r.error, undefined);
  });

  it('reports malformed JSON with an offset and keeps what came before it', () => {
    const { text, file } = read('malformed/config.json');
    const r = parseJsonWithOffsets(text);
    assert.ok(r.error, 'an error');
    assert.match(r.error.message, /expected "," or "}"/);
    assert.equal(text.slice(r.error.offset).trimStart().startsWith('"vocab_size"'), true);
    const analysis = analyseConfig(text, file);
    assert.equal(analysis.isModelConfig, true);
    assert.deepEqual(analysis.settings.map((s) => [s.key, s.value]), [['activation_function', 'gelu_new']]);
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const r = parseJsonWithOffsets('['.repeat(100_000));
    assert.match(r.error?.message ?? '', /nesting deeper/);
  });

  it('never throws on truncated or random text', () => {
    const { text } = read('clip/config.json');
    for (let n = 0; n <= text.length; n += 7) assert.doesNotThrow(() => analyseConfig(text.slice(0, n), 'config.json'));
    for (const s of ['', '"', '{"', '{"a":', '{"a":"\\u12', '}{', 'nul', '{"model_type": 1}']) assert.doesNotThrow(() => analyseConfig(s, 'config.json'));
  });
});

describe('which files count as model configs', () => {
  it('stays quiet on JSON that is neither named config.json nor has model_type/architectures', () => {
    const { text, file } = read('other/data.json');
    const a = analyseConfig(text, file);
    assert.equal(a.isModelConfig, false);
    assert.deepEqual(configDiagnostics(a), []);
    assert.equal(configHoverAt(a, text.indexOf('not_a_function')), undefined);
  });

  it('reads any JSON with model_type, and config.json names without it', () => {
    assert.equal(analyseConfig('{"model_type":"bert","hidden_act":"gelu"}', 'settings.json').isModelConfig, true);
    assert.equal(analyseConfig('{"hidden_act":"gelu"}', '/m/adapter_config.json').isModelConfig, true);
    assert.equal(analyseConfig('{"hidden_act":"gelu"}', '/m/package.json').isModelConfig, false);
  });
});

describe('diagnostics on realistic configs', () => {
  it('Gemma with hidden_act "gelu": warns that transformers and vLLM run gelu_pytorch_tanh, with the size and a fix', () => {
    const { text, d } = onlyDiagnosticOf('gemma/config.json', 'model-type-override', 'warning');
    assert.equal(text.slice(d.start, d.end), '"gelu"');
    assert.match(d.message, /max \|Δ\| = 4\.73e-4 at x = -2\.70/);
    assert.match(d.message, /bfloat16 ulps/);
    assert.deepEqual(d.fix, { title: 'Set hidden_act to "gelu_pytorch_tanh" (what the libraries run)', newText: '"gelu_pytorch_tanh"' });
    assert.deepEqual(d.compare?.functions, ['gelu', 'gelu_tanh']);
  });

  it('Gemma that sets hidden_activation gets no override warning', () => {
    const text = '{"model_type":"gemma","hidden_act":"gelu","hidden_activation":"gelu_pytorch_tanh"}';
    assert.deepEqual(configDiagnostics(analyseConfig(text, 'config.json')), []);
  });

  it('CLIP whose vision tower says "gelu": informs that the reference uses quick_gelu, with the size; the quick_gelu text tower is quiet', () => {
    const { text, d } = onlyDiagnosticOf('clip/config.json', 'reference-activation', 'information');
    assert.ok(d.start > text.indexOf('"vision_config"'));
    assert.match(d.message, /quick_gelu/);
    assert.match(d.message, /max \|Δ\| = 0\.0203/);
    assert.equal(d.fix, undefined, 'no automatic fix: some checkpoints really use exact GELU');
  });

  it('T5 "gated-gelu": says transformers runs gelu_new (tanh, gated)', () => {
    const { diags } = diagnosticsOf('t5/config.json');
    assert.equal(diags.length, 1);
    assert.equal(diags[0]!.code, 'feed-forward-remap');
    assert.match(diags[0]!.message, /gelu_new/);
    assert.deepEqual(diags[0]!.compare?.functions, ['gelu', 'gelu_tanh']);
  });

  it('T5 feed_forward_proj in a shape transformers refuses is a warning', () => {
    const d = configDiagnostics(analyseConfig('{"model_type":"t5","feed_forward_proj":"gelu-gated"}', 'config.json'));
    assert.deepEqual(d.map((x) => x.code), ['invalid-feed-forward']);
    assert.deepEqual(parseFeedForward('gated-silu'), { act: 'silu', gated: true, effective: 'silu', valid: true });
  });

  it('Llama with silu has nothing to say', () => {
    assert.deepEqual(diagnosticsOf('llama/config.json').diags, []);
  });

  it('hostile keys and values are names like any other, never object properties', () => {
    const { text, diags } = diagnosticsOf('hostile/config.json');
    const byValue = diags.map((d) => [d.code, text.slice(d.start, d.end)]);
    assert.deepEqual(byValue, [
      ['unknown-activation', '"gelu_nwe"'],
      ['unknown-activation', '"__proto__"'],
      ['unknown-activation', '"constructor"'],
    ]);
    assert.equal(diags[0]!.fix?.newText, '"gelu_new"');
    assert.equal(activationName('constructor'), undefined);
    assert.equal(activationName('__proto__'), undefined);
    assert.equal(activationName('toString'), undefined);
  });

  it('suggests the closest keys for a typo', () => {
    assert.equal(closestNames('gelu_nwe')[0], 'gelu_new');
    assert.equal(closestNames('quickgelu')[0], 'quick_gelu');
    assert.equal(closestNames('GELU')[0], 'gelu');
  });
});

describe('hovers', () => {
  it('on a Gemma hidden_act: the override, the formula and every stack with its source link', () => {
    const { text, file } = read('gemma/config.json');
    const h = configHoverAt(analyseConfig(text, file), text.indexOf('"gelu"') + 1);
    assert.ok(h);
    assert.equal(text.slice(h.start, h.end), '"gelu"');
    assert.match(h.markdown, /PR \\#29402/);
    for (const label of ['transformers', 'vLLM', 'text-embeddings-inference', 'llama.cpp / ggml CPU', 'llama.cpp / ggml CUDA', 'ONNX export']) assert.ok(h.markdown.includes(`| ${label}`), label);
    assert.match(h.markdown, /https:\/\/github\.com\/huggingface\/text-embeddings-inference\/blob\/0d124dc/);
    assert.match(h.markdown, /command:geluLab\.compareModelActivations\?/);
  });

  it('on the key too, and nowhere else', () => {
    const { text, file } = read('llama/config.json');
    const a = analyseConfig(text, file);
    assert.ok(configHoverAt(a, text.indexOf('"hidden_act"') + 2));
    assert.equal(configHoverAt(a, text.indexOf('"hidden_size"') + 2), undefined);
  });

  it('inside text_config and vision_config', () => {
    const { text, file } = read('clip/config.json');
    const h = configHoverAt(analyseConfig(text, file), text.indexOf('"quick_gelu"') + 2);
    assert.match(h?.markdown ?? '', /x·σ\(1\.702·x\)/);
    assert.ok(h?.markdown.includes('custom op \\_C\\.gelu\\_quick'), h?.markdown);
  });

  it('on hidden_act="gelu_new" keyword arguments in Python', () => {
    const line = 'config = GPT2Config(n_embd=768, activation_function="gelu_new")';
    const k = pythonKeywordAt(line, line.indexOf('gelu_new'));
    assert.ok(k);
    assert.equal(line.slice(k.start, k.end), '"gelu_new"');
    assert.match(pythonHoverMarkdown(k), /NewGELU/);
    assert.equal(pythonKeywordAt(line, line.indexOf('n_embd')), undefined);
    assert.match(pythonHoverMarkdown({ key: 'hidden_act', name: 'constructor' }), /not a key/);
  });
});

describe('the catalogue', () => {
  it('names every stack claim with an https source and a version', () => {
    for (const name of ACTIVATION_NAMES) {
      const e = activationName(name)!;
      assert.ok(e.stacks.length > 0, name);
      for (const c of e.stacks) {
        assert.ok(STACKS.includes(c.stack), name);
        assert.match(c.source.url, /^https:\/\/github\.com\//, name);
        assert.ok(c.source.holds.length > 5, name);
      }
    }
    for (const s of Object.values(SOURCES)) assert.match(s.url, /^https:\/\/github\.com\/(huggingface|vllm-project|ggml-org|pytorch|apple)\//);
  });

  it('maps each GELU name to the registry function whose formula it states', () => {
    assert.equal(activationName('gelu')?.fn, 'gelu');
    for (const n of ['gelu_new', 'gelu_pytorch_tanh', 'gelu_fast', 'gelu_accurate']) assert.equal(activationName(n)?.fn, 'gelu_tanh', n);
    assert.equal(activationName('quick_gelu')?.fn, 'gelu_sigmoid');
    assert.equal(comparableFunction('relu2'), undefined);
  });

  it('measures the known gap between exact and tanh GELU (≈4.73e-4 near x = −2.7)', () => {
    const d = differenceBetween('gelu', 'gelu_tanh');
    assert.ok(Math.abs(d.maxAbs - 4.7323e-4) < 1e-7, String(d.maxAbs));
    assert.ok(d.atX < -2.5 && d.atX > -3);
    assert.ok(d.maxBf16Ulps > 1 && d.maxBf16Ulps < 100, String(d.maxBf16Ulps));
    assert.equal(differenceBetween('gelu', 'gelu').maxAbs, 0);
    // Independent check of one point against the registry.
    const x = d.atX;
    assert.equal(Math.abs(activations.gelu.f(x) - activations.gelu_tanh.f(x)), d.maxAbs);
  });

  it('gives the compare command the variants of a config', () => {
    const { text, file } = read('gemma/config.json');
    const v = variantsOf(analyseConfig(text, file));
    assert.deepEqual([...v.functions].sort(), ['gelu', 'gelu_tanh']);
    assert.equal(v.x, -2.7);
  });

  it('validates the compare command argument from links', () => {
    assert.deepEqual(parseCompareArgs({ functions: ['gelu', 'gelu_tanh'], x: -2.7 }), { functions: ['gelu', 'gelu_tanh'], x: -2.7 });
    assert.equal(typeof parseCompareArgs({ functions: ['constructor'] }), 'string');
    assert.equal(typeof parseCompareArgs(JSON.parse('{"__proto__": {"functions": ["gelu"]}}')), 'string');
    assert.equal(typeof parseCompareArgs({ functions: ['gelu'], x: 'NaN' }), 'string');
    assert.equal(typeof parseCompareArgs(null), 'string');
  });
});
