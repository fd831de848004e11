/**
 * "GELU Lab: Compare Implementations…" (`geluLab.compareImplementations`): asks for
 * implementations, a format, a mode and the advisor's input set, then shows the sweep tables and
 * the tolerance advisor's result as a read-only Markdown document (`gelu-lab-report:` scheme).
 * Tests and other extensions may pass the choices as one argument and skip the questions.
 */
import * as vscode from 'vscode';
import { IMPLEMENTATION_IDS, implementations, isImplementationId, isMode, MODES, type ImplementationId, type Mode } from '../core/implementations';
import { FORMATS, isFormat } from '../core/precision';
import type { InputSet } from '../core/sweep';
import { commandFailed, type FeatureContext } from '../feature';
import { MemoryDocuments } from '../memoryDocuments';
import { compareReport, describeInputs, type CompareRequest } from './compareImplementationsReport';
import { CommandId } from './ids';

/** URI scheme of the report documents. */
export const REPORT_SCHEME = 'gelu-lab-report';
/** Reports kept in memory (older ones read as a note to run the command again). */
const KEPT = 10;

export interface CompareResult {
  readonly uri: string;
  readonly markdown: string;
}

const INPUT_SETS: readonly InputSet[] = [
  { kind: 'normal', sigma: 1 },
  { kind: 'normal', sigma: 3 },
  { kind: 'uniform', lo: -8, hi: 8 },
  { kind: 'uniform', lo: -20, hi: 20 },
];

const DEFAULT_IDS: readonly ImplementationId[] = ['gelu_erf', 'gelu_tanh', 'gelu_tanh_sigmoid', 'gelu_ggml'];

/** The choices passed as an argument, validated; a sentence saying what is wrong otherwise. */
export function parseRequest(arg: unknown): CompareRequest | string {
  if (typeof arg !== 'object' || arg === null) return 'pass { ids, format, modes, inputs }.';
  const r = arg as Record<string, unknown>;
  const ids = r.ids;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every(isImplementationId)) return `ids must be a non-empty list of: ${IMPLEMENTATION_IDS.join(', ')}.`;
  if (!isFormat(r.format)) return `format must be one of: ${FORMATS.join(', ')}.`;
  const modes = r.modes ?? MODES;
  if (!Array.isArray(modes) || modes.length === 0 || !modes.every(isMode)) return `modes must be a non-empty list of: ${MODES.join(', ')}.`;
  const inputs = r.inputs ?? INPUT_SETS[0];
  const set = inputs as Record<string, unknown>;
  let parsed: InputSet;
  if (set.kind === 'normal' && typeof set.sigma === 'number' && set.sigma > 0 && Number.isFinite(set.sigma)) parsed = { kind: 'normal', sigma: set.sigma };
  else if (set.kind === 'uniform' && typeof set.lo === 'number' && typeof set.hi === 'number' && Number.isFinite(set.lo) && Number.isFinite(set.hi) && set.lo < set.hi) parsed = { kind: 'uniform', lo: set.lo, hi: set.hi };
  else return 'inputs must be { kind: "normal", sigma > 0 } or { kind: "uniform", lo < hi }.';
  return { ids: ids as ImplementationId[], format: r.format, modes: modes as Mode[], inputs: parsed };
}

/** The quick-pick flow; undefined when the person cancels. */
async function ask(): Promise<CompareRequest | undefined> {
  const title = 'GELU Lab: Compare Implementations';
  const picked = await vscode.window.showQuickPick(
    IMPLEMENTATION_IDS.map((id) => ({ label: id, description: implementations[id].label, detail: implementations[id].expression, picked: DEFAULT_IDS.includes(id) })),
    { title: `${title} (1/4)`, placeHolder: 'Implementations (the first is the tolerance advisor’s reference, in float32)', canPickMany: true },
  );
  if (picked === undefined || picked.length === 0) return undefined;
  const format = await vscode.window.showQuickPick(
    FORMATS.map((f) => ({ label: f, description: f === 'float32' || f === 'float64' ? 'stratified sample of 10⁶ inputs' : 'every finite value' })),
    { title: `${title} (2/4)`, placeHolder: 'Format' },
  );
  if (format === undefined || !isFormat(format.label)) return undefined;
  const mode = await vscode.window.showQuickPick(
    [
      { label: 'both', description: 'per-op and fp32-opmath', modes: MODES },
      { label: 'per-op', description: 'every operation in the format', modes: ['per-op'] as const },
      { label: 'fp32-opmath', description: 'computed in float32, output rounded (PyTorch for bfloat16/float16)', modes: ['fp32-opmath'] as const },
    ],
    { title: `${title} (3/4)`, placeHolder: 'Compute mode' },
  );
  if (mode === undefined) return undefined;
  const inputs = await vscode.window.showQuickPick(
    INPUT_SETS.map((set) => ({ label: describeInputs(set), set })),
    { title: `${title} (4/4)`, placeHolder: 'Inputs of the tolerance advisor' },
  );
  if (inputs === undefined) return undefined;
  const ids = picked.map((p) => p.label).filter(isImplementationId);
  return { ids, format: format.label, modes: mode.modes, inputs: inputs.set };
}

export function register(ctx: FeatureContext): void {
  const reports = new MemoryDocuments<string>(REPORT_SCHEME, KEPT, (markdown) => markdown, 'This report is no longer available: run "GELU Lab: Compare Implementations…" again.\n');

  const compare = async (arg?: unknown): Promise<CompareResult | undefined> => {
    try {
      let req: CompareRequest | undefined;
      if (arg === undefined) {
        req = await ask();
        if (req === undefined) return undefined;
      } else {
        const parsed = parseRequest(arg);
        if (typeof parsed === 'string') {
          void vscode.window.showErrorMessage(`GELU Lab: Compare Implementations: ${parsed}`);
          return undefined;
        }
        req = parsed;
      }
      const request = req;
      const markdown = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `GELU Lab: sweeping ${request.ids.length} implementation${request.ids.length === 1 ? '' : 's'} in ${request.format}…` },
        () => Promise.resolve(compareReport(request)),
      );
      const uri = reports.add(markdown, (n) => `Implementations ${request.format} ${n}`);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      return { uri: uri.toString(), markdown };
    } catch (error) {
      return commandFailed(ctx, 'Compare Implementations', 'compare the implementations', error);
    }
  };

  ctx.extension.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.commands.registerCommand(CommandId.compareImplementations, compare),
  );
}
