/**
 * Read-only virtual documents whose text is held in memory (the evaluation tables, the
 * implementation reports): one URI scheme each, the newest `kept` entries kept, older or unknown
 * ones read as a note saying how to make them again.
 */
import * as vscode from 'vscode';

export class MemoryDocuments<Entry> implements vscode.TextDocumentContentProvider {
  private readonly entries = new Map<string, Entry>();
  private counter = 0;

  /**
   * @param text the document text of an entry.
   * @param stale what a dropped or unknown document reads as.
   */
  constructor(
    private readonly scheme: string,
    private readonly kept: number,
    private readonly text: (entry: Entry) => string,
    private readonly stale: string,
  ) {}

  /** Keeps `entry` under a new URI whose path is `/<title(n)>.md`, n counting from 1. */
  add(entry: Entry, title: (n: number) => string): vscode.Uri {
    this.counter += 1;
    const uri = vscode.Uri.from({ scheme: this.scheme, path: `/${title(this.counter)}.md` });
    this.entries.set(uri.path, entry);
    while (this.entries.size > this.kept) this.entries.delete(this.entries.keys().next().value as string);
    return uri;
  }

  get(uri: vscode.Uri): Entry | undefined {
    return uri.scheme === this.scheme ? this.entries.get(uri.path) : undefined;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const entry = this.get(uri);
    return entry === undefined ? this.stale : this.text(entry);
  }
}
