/**
 * The plot webview's HTML: one script (dist/webview.js) and one stylesheet (dist/webview.css),
 * both from the extension, under a strict Content Security Policy: nothing runs but the script
 * carrying this page's nonce, styles and fonts only from the extension, no network at all.
 * Pure (no vscode), so the browser tests load exactly this page.
 */
import type { HostKind } from '../protocol';
import { escapeHtml, htmlShell } from '../webviewShell';

export interface WebviewPage {
  /** `webview.cspSource`: the origin the webview serves extension files from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly nonce: string;
  readonly mode: HostKind;
}

/** 128 bits from the platform's cryptographic generator, as 32 hex digits. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The Content-Security-Policy of the page; exported for the tests that check it. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function webviewHtml(page: WebviewPage): string {
  if (!/^[0-9a-f]{32}$/.test(page.nonce)) throw new Error('the nonce must be 32 hex digits from makeNonce()');
  return htmlShell({
    csp: contentSecurityPolicy(page.cspSource, page.nonce),
    styleUri: page.styleUri,
    title: 'GELU Lab: Plot',
    bodyAttributes: { 'data-mode': page.mode },
    body: `<div id="app"><p class="loading">Loading the plot…</p></div>
<script nonce="${page.nonce}" src="${escapeHtml(page.scriptUri)}"></script>`,
  });
}
