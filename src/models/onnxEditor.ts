/**
 * The `.onnx` activation view: a read-only custom editor that lists every activation the graph
 * computes, the opset, and whether a `config.json` beside the file names the same function.
 * Priority "default": VS Code has no useful editor for a binary .onnx (it offers to show the bytes
 * as text), so this view replaces nothing; "Reopen Editor With…" still reaches the others.
 */
import * as vscode from 'vscode';
import { CommandId, ViewId } from '../commands/ids';
import type { FeatureContext } from '../feature';
import { openFileRanges } from '../platform/fileRanges';
import { bytesSource } from './onnx/byteSource';
import type { ByteSource } from './onnx/byteSource';
import { checkConfigAgainstGraph } from './onnx/configCheck';
import type { ConfigCheck } from './onnx/configCheck';
import { OnnxReadError } from './onnx/graph';
import { readOnnxModel } from './onnx/reader';
import { recogniseActivations } from './onnx/recognise';
import { onnxViewHtml } from './onnx/view';
import type { OnnxViewContent } from './onnx/view';

class OnnxDocument implements vscode.CustomDocument {
  constructor(readonly uri: vscode.Uri) {}
  dispose(): void {}
}

export function register(ctx: FeatureContext): void {
  const provider: vscode.CustomReadonlyEditorProvider<OnnxDocument> = {
    openCustomDocument: (uri) => new OnnxDocument(uri),
    resolveCustomEditor: async (document, panel) => {
      const media = vscode.Uri.joinPath(ctx.extension.extensionUri, 'media');
      panel.webview.options = { enableScripts: false, localResourceRoots: [media] };
      const page = {
        cspSource: panel.webview.cspSource,
        styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'onnx-view.css')).toString(),
        fileName: baseName(document.uri),
      };
      panel.webview.html = onnxViewHtml(page, await analyse(document.uri, ctx.log));
    },
  };
  ctx.extension.subscriptions.push(
    vscode.window.registerCustomEditorProvider(ViewId.onnxActivations, provider, { supportsMultipleEditorsPerDocument: true }),
    vscode.commands.registerCommand(CommandId.listOnnxActivations, async (target?: unknown) => {
      try {
        const uri = target instanceof vscode.Uri ? target : await pickModel();
        if (uri) await vscode.commands.executeCommand('vscode.openWith', uri, ViewId.onnxActivations);
      } catch (error) {
        ctx.log.error('List Activations in ONNX Model failed:', error);
        void vscode.window.showErrorMessage(`GELU Lab could not open the model: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );
}

async function pickModel(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'ONNX models': ['onnx'] }, openLabel: 'List Activations' });
  return picked?.[0];
}

/** Reads, recognises and compares; bad input becomes an error page, never an exception. */
export async function analyse(uri: vscode.Uri, log: vscode.LogOutputChannel): Promise<OnnxViewContent> {
  const started = Date.now();
  let source: ByteSource | undefined;
  try {
    source = (await openFileRanges(uri)) ?? bytesSource(await vscode.workspace.fs.readFile(uri));
    const model = await readOnnxModel(source);
    const activations = recogniseActivations(model);
    const config = await configBeside(uri, activations);
    const seconds = (Date.now() - started) / 1000;
    log.info(`ONNX view: ${uri.toString(true)}: ${model.nodes.length} nodes, ${activations.length} activation kinds, read ${model.bytesRead} of ${model.fileSize} bytes in ${seconds.toFixed(2)} s.`);
    return { kind: 'model', model, activations, config, seconds };
  } catch (error) {
    const message = error instanceof OnnxReadError ? error.message : `The file could not be read: ${error instanceof Error ? error.message : String(error)}`;
    log.warn(`ONNX view: ${uri.toString(true)}: ${message}`);
    return { kind: 'error', message };
  } finally {
    await source?.close().catch(() => undefined);
  }
}

async function configBeside(uri: vscode.Uri, activations: Parameters<typeof checkConfigAgainstGraph>[1]): Promise<ConfigCheck | undefined> {
  const configUri = vscode.Uri.joinPath(uri, '..', 'config.json');
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(configUri);
  } catch {
    return undefined;
  }
  return checkConfigAgainstGraph(new TextDecoder().decode(bytes), activations);
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
