/**
 * Opens a ~500 MB .onnx (a small GELU graph plus one huge initializer, made by the real ONNX
 * library in a temp dir and deleted after) through the Node host's ranged reads, and reports the
 * open time, the bytes read and the peak memory. A measurement to report, not a test.
 * Run: node --max-old-space-size=256 --import tsx bench/onnxLargeModel.ts [MiB]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { open } from 'node:fs/promises';
import type { ByteSource } from '../src/models/onnx/byteSource';
import { readOnnxModel } from '../src/models/onnx/reader';
import { recogniseActivations } from '../src/models/onnx/recognise';

const mib = Number(process.argv[2] ?? 500);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gelu-lab-large-onnx-'));
const file = path.join(dir, 'large.onnx');

const script = `
import sys, numpy as np, onnx
from onnx import helper, numpy_helper, TensorProto
n = int(sys.argv[2]) * (1 << 20) // 4
w = numpy_helper.from_array(np.zeros((n // 1024, 1024), dtype=np.float32), name="w")
nodes = [helper.make_node("MatMul", ["x", "w_slice"], ["h"]), helper.make_node("Gelu", ["h"], ["y"], approximate="tanh")]
g = helper.make_graph(nodes, "large", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 1024])], [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 1024])], initializer=[w])
onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid("", 20)]), sys.argv[1])
`;

async function fileSource(p: string): Promise<ByteSource> {
  const handle = await open(p, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

async function main(): Promise<void> {
  try {
    const made = spawnSync('/usr/bin/python3', ['-c', script, file, String(mib)], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`making the model failed (needs python3-onnx, numpy): ${made.stderr}`);
    const size = fs.statSync(file).size;
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 5);
    const started = performance.now();
    const source = await fileSource(file);
    const model = await readOnnxModel(source);
    const counts = recogniseActivations(model);
    await source.close();
    const ms = performance.now() - started;
    clearInterval(sampler);
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    const toMiB = (b: number): string => (b / 2 ** 20).toFixed(1);
    console.log(`file ${toMiB(size)} MiB; opened in ${ms.toFixed(1)} ms; read ${toMiB(model.bytesRead)} MiB; skipped ${toMiB(model.skippedTensorBytes)} MiB of tensor data`);
    console.log(`activations: ${counts.map((c) => `${c.label} ×${c.count} (${c.params})`).join(', ')}`);
    console.log(`memory: rss ${toMiB(before.rss)} → peak ${toMiB(peakRss)} MiB; heap ${toMiB(before.heapUsed)} → peak ${toMiB(peakHeap)} MiB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
