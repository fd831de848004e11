/**
 * The ONNX activation view's HTML: a static page (no script at all) under a CSP that allows only
 * the extension's stylesheet. Pure (no vscode) so unit tests read exactly what the editor shows.
 */
import type { ConfigCheck } from './configCheck';
import type { OnnxModelSummary } from './graph';
import type { ActivationCount } from './recognise';
import { escapeHtml as esc, htmlShell } from '../../webviewShell';

export interface OnnxViewPage {
  readonly cspSource: string;
  readonly styleUri: string;
  readonly fileName: string;
}

export type OnnxViewContent =
  | { readonly kind: 'model'; readonly model: OnnxModelSummary; readonly activations: readonly ActivationCount[]; readonly config?: ConfigCheck; readonly seconds: number }
  | { readonly kind: 'error'; readonly message: string };

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 3 : 1)} MiB`;
}

export function onnxViewHtml(page: OnnxViewPage, content: OnnxViewContent): string {
  const csp = ["default-src 'none'", `style-src ${page.cspSource}`, "base-uri 'none'", "form-action 'none'"].join('; ');
  return htmlShell({
    csp,
    styleUri: page.styleUri,
    title: `Activations in ${page.fileName}`,
    body: `<h1>Activations in ${esc(page.fileName)}</h1>
${content.kind === 'error' ? `<p class="error" role="alert">${esc(content.message)}</p>` : modelSection(content.model, content.activations, content.config, content.seconds)}`,
  });
}
function modelSection(model: OnnxModelSummary, activations: readonly ActivationCount[], config: ConfigCheck | undefined, seconds: number): string {
  const opsets = model.opsets.map((o) => `${o.domain === '' ? 'ai.onnx' : o.domain} ${o.version}`).join(', ') || 'none declared';
  const rows = activations
    .map((a) => `<tr><td>${esc(a.label)}</td><td class="count">${a.count}</td><td>${esc(a.form)}</td><td>${esc(a.params)}</td><td>${esc(a.gated ?? '')}</td><td><code>${esc(a.exampleNodes.join(', '))}</code></td></tr>`)
    .join('\n');
  const table = activations.length === 0
    ? '<p class="empty">No activation functions found in this graph.</p>'
    : `<table>
<thead><tr><th>activation</th><th>count</th><th>how the graph writes it</th><th>parameters</th><th>gated</th><th>example nodes</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  const configLine = config ? `<p class="config config-${config.verdict}">${esc(config.message)}</p>` : '<p class="config">No config.json beside this file.</p>';
  return `<dl class="facts">
<dt>Opset</dt><dd>${esc(opsets)}</dd>
<dt>IR version</dt><dd>${model.irVersion}</dd>
<dt>Producer</dt><dd>${esc(model.producer || 'not recorded')}</dd>
<dt>Nodes</dt><dd>${model.nodes.length}${model.subgraphCount > 0 ? ` (${model.subgraphCount} subgraphs included)` : ''}</dd>
<dt>Weights</dt><dd>${model.initializerCount} initializers; ${esc(mib(model.skippedTensorBytes))} of tensor data not read</dd>
<dt>Read</dt><dd>${esc(mib(model.bytesRead))} of ${esc(mib(model.fileSize))} in ${seconds.toFixed(2)} s</dd>
</dl>
${configLine}
${table}`;
}
