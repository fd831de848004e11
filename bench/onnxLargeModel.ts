/**
 * Opens a ~500 MB .onnx (a small GELU graph plus one huge initializer, made by the real ONNX
 * library in a temp dir and deleted after) through the Node host's ranged reads, and reports the
 * open time, the bytes read and the peak memory, against the web host's fallback (the whole file
 * read into memory first, as `vscode.workspace.fs.readFile` does) as the baseline. A measurement
 * to report, not a test. Run: npm run bench -- onnxLargeModel  (or tsx bench/onnxLargeModel.ts [MiB])
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { open } from 'node:fs/promises';
import { bytesSource, type ByteSource } from '../src/models/onnx/byteSource';
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

interface Measure {
  readonly ms: number;
  readonly rssGrowth: number;
  readonly heapGrowth: number;
}

async function measure(label: string, open: () => Promise<ByteSource>): Promise<Measure> {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 5);
  const started = performance.now();
  const source = await open();
  const model = await readOnnxModel(source);
  const counts = recogniseActivations(model);
  await source.close();
  const ms = performance.now() - started;
  clearInterval(sampler);
  sample();
  const toMiB = (b: number): string => (b / 2 ** 20).toFixed(1);
  console.log(`${label}: ${toMiB(model.fileSize)} MiB file opened in ${ms.toFixed(1)} ms; the walk read ${toMiB(model.bytesRead)} MiB and stepped over ${toMiB(model.skippedTensorBytes)} MiB of tensor data`);
  console.log(`  found: ${counts.map((c) => `${c.label} ×${c.count} (${c.params})`).join(', ')}`);
  console.log(`  memory: rss ${toMiB(before.rss)} → peak ${toMiB(peakRss)} MiB; JS heap ${toMiB(before.heapUsed)} → peak ${toMiB(peakHeap)} MiB`);
  return { ms, rssGrowth: peakRss - before.rss, heapGrowth: peakHeap - before.heapUsed };
}

async function main(): Promise<void> {
  try {
    const made = spawnSync('/usr/bin/python3', ['-c', script, file, String(mib)], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`making the model failed (needs python3-onnx, numpy): ${made.stderr}`);
    const ranged = await measure('ranged reads (Node host)', () => fileSource(file));
    const whole = await measure('whole file in memory (web host fallback, the baseline)', async () => bytesSource(await fs.promises.readFile(file)));
    const mibGrowth = (b: number): string => `${(Math.max(b, 0) / 2 ** 20).toFixed(1)} MiB`;
    console.log(`ratio: ranged reads open ${(whole.ms / ranged.ms).toFixed(1)}× faster than the whole-file read; rss grows ${mibGrowth(ranged.rssGrowth)} against ${mibGrowth(whole.rssGrowth)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
