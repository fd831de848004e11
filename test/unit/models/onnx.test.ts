/**
 * The ONNX activation view's model: graphs made in this run by the real ONNX library and by
 * PyTorch 1.13's exporter (makeOnnxFixtures.py, Debian's /usr/bin/python3), read back by the
 * streaming reader and recognised. Skips, saying why, where python3-onnx or python3-torch is missing.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { onnx } from 'onnx-proto';
import { bytesSource, type ByteSource } from '../../../src/models/onnx/byteSource';
import { checkConfigAgainstGraph } from '../../../src/models/onnx/configCheck';
import { OnnxReadError } from '../../../src/models/onnx/graph';
import { readOnnxModel } from '../../../src/models/onnx/reader';
import { recogniseActivations, type ActivationCount } from '../../../src/models/onnx/recognise';
import { onnxViewHtml } from '../../../src/models/onnx/view';

const PYTHON = '/usr/bin/python3';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gelu-lab-onnx-'));
let missing: string | undefined;

async function activationsOf(name: string): Promise<ActivationCount[]> {
  return recogniseActivations(await readOnnxModel(bytesSource(fs.readFileSync(path.join(dir, name)))));
}

function summary(counts: readonly ActivationCount[]): string[] {
  return counts.map((c) => `${c.id}×${c.count}${c.params ? ` ${c.params}` : ''}${c.gated ? ` [${c.gated.split(':')[0]}]` : ''}`).sort();
}

describe('ONNX activation view: graphs from the real ONNX library and torch.onnx.export', function () {
  this.timeout(120_000);

  before(function () {
    const probe = spawnSync(PYTHON, ['-c', 'import onnx, torch'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      missing = `needs ${PYTHON} with python3-onnx and python3-torch (apt-get install -y python3-onnx python3-torch): ${probe.error?.message ?? probe.stderr.trim().split('\n').pop()}`;
      return;
    }
    const made = spawnSync(PYTHON, [path.join(__dirname, 'makeOnnxFixtures.py'), dir], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
  });
  beforeEach(function () {
    if (missing) {
      console.log(`      skipped: ${missing}`);
      this.skip();
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists an opset-20 Gelu node with its approximate, and the opset', async () => {
    const model = await readOnnxModel(bytesSource(fs.readFileSync(path.join(dir, 'gelu_opset20.onnx'))));
    assert.deepEqual(model.opsets, [{ domain: '', version: 20 }]);
    assert.deepEqual(summary(recogniseActivations(model)), ['gelu_tanh×1 approximate="tanh"', 'gelu×1 approximate="none"']);
  });

  it('recognises the exact GELU that torch.onnx.export writes as Div √2, Erf, Add 1, Mul, Mul ½', async () => {
    assert.deepEqual(summary(await activationsOf('torch_gelu_exact.onnx')), ['gelu×1']);
  });

  it('recognises the tanh GELU from its 0.044715·x³ and √(2/π) constants', async () => {
    assert.deepEqual(summary(await activationsOf('torch_gelu_tanh.onnx')), ['gelu_tanh×1 cubic=0.044715']);
  });

  it('tells SiLU (x·σ(x)) from QuickGELU (x·σ(1.702x))', async () => {
    assert.deepEqual(summary(await activationsOf('torch_silu.onnx')), ['silu×1']);
    assert.deepEqual(summary(await activationsOf('torch_quick_gelu.onnx')), ['gelu_sigmoid×1 β=1.702']);
  });

  it('names gated units: SwiGLU from two MatMuls, GEGLU from a chunked projection', async () => {
    assert.deepEqual(summary(await activationsOf('torch_swiglu.onnx')), ['silu×1 [SwiGLU]']);
    assert.deepEqual(summary(await activationsOf('torch_geglu.onnx')), ['gelu×1 [GEGLU]']);
  });

  it('lists com.microsoft FastGelu, BiasGelu, Gelu and QuickGelu with its alpha', async () => {
    const counts = await activationsOf('ms_fused.onnx');
    assert.deepEqual(summary(counts), ['gelu_sigmoid×1 alpha=1.702', 'gelu_tanh×1 with bias', 'gelu×1', 'gelu×1']);
    assert.ok(counts.some((c) => c.form === 'com.microsoft FastGelu'));
  });

  it('lists HardSigmoid with α/β, Mish, Elu, Celu, HardSwish and PRelu with their attributes', async () => {
    assert.deepEqual(summary(await activationsOf('misc_ops.onnx')), [
      'celu×1 alpha=2', 'elu×1 alpha=0.5', 'hard_sigmoid×1 alpha=0.25, beta=0.4 (⚠ not GELU Lab\'s hard sigmoid, which needs beta = 0.5 and alpha from 0.05 to 1)', 'hardswish×1', 'mish×1', 'prelu×1 learned slope',
    ]);
  });

  it("recognises transformers' gelu_new written with torch.pow", async () => {
    assert.deepEqual(summary(await activationsOf('torch_gelu_new.onnx')), ['gelu_tanh×1 cubic=0.044715']);
  });

  it('counts a BERT-like export: two encoder layers of exact GELU and the pooler tanh, and agrees with hidden_act "gelu"', async () => {
    const counts = await activationsOf('torch_bert_like.onnx');
    assert.deepEqual(summary(counts), ['gelu×2', 'tanh×1']);
    assert.equal(checkConfigAgainstGraph('{"hidden_act": "gelu"}', counts).verdict, 'matches');
    assert.equal(checkConfigAgainstGraph('{"hidden_act": "gelu_new"}', counts).verdict, 'differs');
  });

  it('recognises the erf GELU of a half-precision export, whose √2 is stored as 1.4140625', async () => {
    assert.deepEqual(summary(await activationsOf('fp16_gelu_exact.onnx')), ['gelu×1']);
  });

  it('steps over a 2 MiB Constant node and finds the activations inside If branches', async () => {
    const model = await readOnnxModel(bytesSource(fs.readFileSync(path.join(dir, 'subgraphs_and_big_constant.onnx'))));
    assert.equal(model.subgraphCount, 2);
    assert.ok(model.skippedTensorBytes >= 2 << 20, `skipped ${model.skippedTensorBytes}`);
    assert.deepEqual(summary(recogniseActivations(model)), ['gelu_tanh×1 approximate="tanh"', 'relu×1']);
  });

  it('says a truncated file is truncated, instead of throwing something else or hanging', async () => {
    const bytes = fs.readFileSync(path.join(dir, 'truncated.onnx'));
    await assert.rejects(readOnnxModel(bytesSource(bytes)), (e: unknown) => e instanceof OnnxReadError && /truncated/.test(e.message));
  });
});

describe('ONNX reader: bad input and bounded reads', () => {
  /** A ByteSource that counts what it hands out. */
  function counting(bytes: Uint8Array): ByteSource & { served: number } {
    const inner = bytesSource(bytes);
    const source = { size: inner.size, served: 0, close: inner.close, read: async (o: number, n: number) => { const b = await inner.read(o, n); source.served += b.length; return b; } };
    return source;
  }

  function modelWithInitializer(bytes: number): Uint8Array {
    const node = { opType: 'Gelu', input: ['x'], output: ['y'], name: 'g', attribute: [{ name: 'approximate', type: onnx.AttributeProto.AttributeType.STRING, s: new TextEncoder().encode('tanh') }] };
    const big = { name: 'w', dataType: onnx.TensorProto.DataType.FLOAT, dims: [bytes / 4], rawData: new Uint8Array(bytes) };
    return onnx.ModelProto.encode({ irVersion: 8, producerName: 'test', opsetImport: [{ domain: '', version: 20 }], graph: { name: 'g', node: [node], initializer: [big] } }).finish();
  }

  it('reads what onnx-proto encodes (the field numbers agree), and steps over an 8 MiB initializer without reading it', async () => {
    const source = counting(modelWithInitializer(8 << 20));
    const model = await readOnnxModel(source);
    assert.equal(model.producer, 'test');
    assert.equal(model.irVersion, 8);
    assert.equal(model.initializerCount, 1);
    assert.ok(model.skippedTensorBytes > 8 << 20);
    assert.deepEqual(summary(recogniseActivations(model)), ['gelu_tanh×1 approximate="tanh"']);
    assert.ok(source.served < 3 << 20, `served ${source.served} bytes`);
  });

  it('rejects an empty file, random bytes and a text file with a sentence, never a raw exception', async () => {
    const inputs = [new Uint8Array(0), Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24), new TextEncoder().encode('{"hidden_act": "gelu"}\n')];
    for (const bytes of inputs) await assert.rejects(readOnnxModel(bytesSource(bytes)), (e: unknown) => e instanceof OnnxReadError && e.message.length > 20);
  });

  it('never hangs on a file cut at every length', async () => {
    const whole = modelWithInitializer(64);
    for (let n = 0; n < whole.length; n++) {
      await readOnnxModel(bytesSource(whole.subarray(0, n))).then(() => undefined, (e: unknown) => assert.ok(e instanceof OnnxReadError, String(e)));
    }
  });
});

describe('ONNX view: the config.json beside the model', () => {
  const tanh: ActivationCount[] = [{ id: 'gelu_tanh', label: 'GELU (tanh approximation)', form: 'Gelu', params: '', count: 12, exampleNodes: [] }, { id: 'tanh', label: 'tanh', form: 'Tanh', params: '', count: 1, exampleNodes: [] }];

  it('agrees when config says gelu_new and the graph runs the tanh GELU (a pooler Tanh is not an MLP activation)', () => {
    assert.equal(checkConfigAgainstGraph('{"hidden_act": "gelu_new"}', tanh).verdict, 'matches');
    assert.equal(checkConfigAgainstGraph('{"hidden_activation": "gelu_pytorch_tanh"}', tanh).verdict, 'matches');
  });

  it('warns when config says gelu (exact) but the graph runs the tanh GELU', () => {
    const check = checkConfigAgainstGraph('{"hidden_act": "gelu"}', tanh);
    assert.equal(check.verdict, 'differs');
    assert.match(check.message, /GELU \(tanh approximation\) ×12/);
  });

  it('maps quick_gelu and swish, and says so for names it does not know or bad JSON', () => {
    const quick: ActivationCount[] = [{ id: 'gelu_sigmoid', label: 'QuickGELU', form: '', params: '', count: 2, exampleNodes: [] }];
    assert.equal(checkConfigAgainstGraph('{"activation_function": "quick_gelu"}', quick).verdict, 'matches');
    assert.equal(checkConfigAgainstGraph('{"hidden_act": "swish"}', quick).verdict, 'differs');
    assert.equal(checkConfigAgainstGraph('{"hidden_act": "constructor"}', quick).verdict, 'unknown-name');
    assert.equal(checkConfigAgainstGraph('{"__proto__": {"hidden_act": "gelu"}}', quick).verdict, 'no-key');
    assert.equal(checkConfigAgainstGraph('{', quick).verdict, 'invalid');
  });
});

describe('ONNX view: the page', () => {
  it('escapes names from the file and allows no script', () => {
    const html = onnxViewHtml({ cspSource: 'vscode-resource:', styleUri: 'x.css', fileName: '<b>.onnx' }, { kind: 'error', message: 'The file ends at byte 3 <script>' });
    assert.match(html, /default-src 'none'; style-src vscode-resource:/);
    assert.doesNotMatch(html, /<script/);
    assert.match(html, /&lt;b&gt;\.onnx/);
  });
});
