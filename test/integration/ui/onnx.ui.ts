import * as fs from 'node:fs';
import * as path from 'node:path';
import { onnx } from 'onnx-proto';
import type { UiContext } from './context';

/**
 * A person opens an exported model, `bert-like/model.onnx`, from Quick Open and reads the
 * activation view: two tanh-GELU nodes and the pooler's Tanh, opset 20, and a warning that the
 * config.json beside it says "gelu" (the exact form). In the web pass this goes through the
 * whole-file fallback; in the Node pass through ranged reads.
 */
export default async function check({ page, workspace, artifacts, log, openFile }: UiContext): Promise<void> {
  const folder = path.join(workspace, 'bert-like');
  fs.mkdirSync(folder, { recursive: true });
  const approximate = { name: 'approximate', type: onnx.AttributeProto.AttributeType.STRING, s: new TextEncoder().encode('tanh') };
  const nodes = [
    { opType: 'Gelu', input: ['x'], output: ['h1'], name: 'layer0/gelu', attribute: [approximate] },
    { opType: 'Gelu', input: ['h1'], output: ['h2'], name: 'layer1/gelu', attribute: [approximate] },
    { opType: 'Tanh', input: ['h2'], output: ['y'], name: 'pooler/tanh' },
  ];
  fs.writeFileSync(path.join(folder, 'model.onnx'), onnx.ModelProto.encode({ irVersion: 9, producerName: 'gelu-lab-ui-check', opsetImport: [{ domain: '', version: 20 }], graph: { name: 'bert', node: nodes } }).finish());
  fs.writeFileSync(path.join(folder, 'config.json'), JSON.stringify({ model_type: 'bert', hidden_act: 'gelu' }, null, 2));

  await openFile('bert-like/model.onnx', { textEditor: false });

  // The newest webview: a plot left open by an earlier check would be another iframe.
  const view = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('#active-frame');
  const row = view.locator('tr', { hasText: 'GELU (tanh approximation)' });
  await row.waitFor({ state: 'visible', timeout: 20_000 });
  const rowText = await row.innerText();
  if (!/\b2\b/.test(rowText) || !rowText.includes('approximate="tanh"')) throw new Error(`the GELU row reads "${rowText}", not two tanh GELUs`);
  await view.locator('dd', { hasText: 'ai.onnx 20' }).waitFor({ state: 'visible', timeout: 5_000 });
  const warning = view.locator('.config-differs');
  await warning.waitFor({ state: 'visible', timeout: 5_000 });
  log(`row: ${rowText.replace(/\s+/g, ' ')}`);
  log(`config: ${await warning.innerText()}`);
  await page.screenshot({ path: path.join(artifacts, 'onnx-view.png') });
}
