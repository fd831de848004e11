/**
 * The HTML shell every webview page of the extension shares: a Content Security Policy, the
 * extension's stylesheet, a title and the page's body. Pure (no vscode), so tests read exactly
 * what the editor shows.
 */

/** Escapes text for an HTML attribute value or element content. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface HtmlShell {
  /** The Content-Security-Policy, as the meta tag's content (escaped here). */
  readonly csp: string;
  readonly styleUri: string;
  /** Plain text (escaped here). */
  readonly title: string;
  /** Attributes of `<body>`, values escaped here. */
  readonly bodyAttributes?: Readonly<Record<string, string>>;
  /** The body's markup, already escaped by the caller. */
  readonly body: string;
}

export function htmlShell(shell: HtmlShell): string {
  const attributes = Object.entries(shell.bodyAttributes ?? {}).map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(shell.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(shell.styleUri)}">
<title>${escapeHtml(shell.title)}</title>
</head>
<body${attributes}>
${shell.body}
</body>
</html>
`;
}
