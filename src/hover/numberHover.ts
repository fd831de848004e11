/**
 * Hover over a numeric literal (or over selected text) in any editor: x, Φ(x), and the
 * configured functions' f, f′ and error against exact GELU, with "Plot at x" and "Copy values"
 * links. The work is done by numberHoverModel.ts; this file adapts it to VS Code and follows
 * the settings `geluLab.hover.*` (re-registering for a new language list).
 */
import * as vscode from 'vscode';
import type { FeatureContext } from '../feature';
import { hoverSettingsFor, registerConfiguredHover } from './configuredHover';
import { NUMBER_HOVER_COMMANDS, SELECTION_SCAN_LIMIT, insideActivationCall, numberHoverAt, selectionHover } from './numberHoverModel';

/** Schemes whose documents get no hover (output channels, our own evaluation documents are fine). */
const SKIPPED_SCHEMES: ReadonlySet<string> = new Set(['output', 'vscode-scm']);

/** A Markdown string whose links may run only `commands`. */
export function trustedMarkdown(markdown: string, commands: readonly string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown);
  md.isTrusted = { enabledCommands: [...commands] };
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

/**
 * The text of `selection`, cut after {@link SELECTION_SCAN_LIMIT} + 1 characters so that the
 * model knows when it saw only part of a huge selection.
 */
export function boundedSelectionText(document: vscode.TextDocument, selection: vscode.Range): string {
  const start = document.offsetAt(selection.start);
  const end = document.offsetAt(selection.end);
  const range = end - start > SELECTION_SCAN_LIMIT + 1 ? new vscode.Range(selection.start, document.positionAt(start + SELECTION_SCAN_LIMIT + 1)) : selection;
  return document.getText(range);
}

/** Lines before the hovered one read to find the call whose arguments hold a number. */
const PRECEDING_LINES = 5;
/** Characters kept of each preceding line (its end, where the call's opening bracket is). */
const PRECEDING_CHARS = 2000;

/** The hovered line's start up to `position`, after up to {@link PRECEDING_LINES} lines before it. */
function textBefore(document: vscode.TextDocument, position: vscode.Position): { text: string; offset: number } {
  const parts: string[] = [];
  for (let l = Math.max(0, position.line - PRECEDING_LINES); l < position.line; l++) parts.push(document.lineAt(l).text.slice(-PRECEDING_CHARS));
  parts.push(document.lineAt(position.line).text.slice(0, position.character));
  const text = parts.join('\n');
  return { text, offset: text.length };
}

/**
 * Registers the hover. `hover.numbers` (per language): "selection" answers over a selection and
 * over numbers in the arguments of a recognised activation call, "always" over every number,
 * "off" never.
 */
export function register(ctx: FeatureContext): void {
  const provider: vscode.HoverProvider = {
    provideHover(document, position) {
      try {
        if (SKIPPED_SCHEMES.has(document.uri.scheme)) return undefined;
        const hover = hoverSettingsFor(ctx, document);
        if (hover === undefined || hover.numbers === 'off') return undefined;
        const settings = { functions: hover.functions, maxValues: hover.maxValues };
        const editor = vscode.window.activeTextEditor;
        if (editor !== undefined && editor.document === document) {
          const selection = editor.selections.find((s) => !s.isEmpty && s.contains(position));
          if (selection !== undefined) {
            const h = selectionHover(boundedSelectionText(document, selection), document.languageId, settings);
            return h === undefined ? undefined : new vscode.Hover(trustedMarkdown(h.markdown, NUMBER_HOVER_COMMANDS), selection);
          }
        }
        if (hover.numbers === 'selection') {
          const before = textBefore(document, position);
          if (!insideActivationCall(before.text, before.offset, document.languageId)) return undefined;
        }
        const line = document.lineAt(position.line).text;
        const h = numberHoverAt(line, position.character, document.languageId, settings);
        if (h === undefined) return undefined;
        return new vscode.Hover(trustedMarkdown(h.markdown, NUMBER_HOVER_COMMANDS), new vscode.Range(position.line, h.start, position.line, h.end));
      } catch (error) {
        ctx.log.error(`Number hover failed at ${document.uri.toString()}:${position.line + 1}:${position.character + 1}: ${String(error)}`);
        return undefined;
      }
    },
  };

  registerConfiguredHover(ctx, provider);
}
