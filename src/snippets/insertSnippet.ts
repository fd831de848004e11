/**
 * "GELU Lab: Insert GELU Code…" (`geluLab.insertSnippet`): asks for the variant, the target
 * and the options in quick picks (defaults: the last choices, and the active editor's
 * language), then inserts the generated code once, at the primary cursor, as a snippet, or into
 * a new untitled document of the target's language when no editor fits. A read-only editor gets
 * a message and no code. The header is short unless `geluLab.snippets.detailedComments` is on.
 *
 * The command takes an optional argument with any of the fields of `SnippetOptions`; given
 * fields skip their pick (keybindings and tests use it). It resolves to what it inserted, or
 * `undefined` when the user cancelled or something failed (a sentence is shown).
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands/ids';
import { isFunctionId, isGatedId, type FunctionId, type GatedId } from '../core/types';
import type { FeatureContext } from '../feature';
import {
  checkPartialOptions,
  type Form,
  generateSnippet,
  isTargetId,
  parsePartialOptions,
  type ScalarType,
  type ResolvedOptions,
  type SnippetOptions,
  SnippetOptionsError,
  TARGETS,
  targetInfo,
  type TargetId,
  type TargetInfo,
  targetsForLanguage,
} from './index';
import { filterEntries, offersFused, totalSteps, variantEntries } from './pickPlan';

/** What the command resolves to after inserting. */
export interface InsertResult {
  readonly options: ResolvedOptions;
  /** The language of the document the code went into. */
  readonly languageId: string;
  readonly uri: string;
  /** The code as inserted, tab stops at their defaults. */
  readonly plainCode: string;
  /** True when a new untitled document was opened for it. */
  readonly newDocument: boolean;
}

/** The choices remembered between runs (globalState). */
interface LastChoices {
  readonly variant?: FunctionId | GatedId;
  readonly target?: TargetId;
  readonly withDerivative?: boolean;
  readonly form?: Form;
  readonly vectorised?: boolean;
  readonly precision?: ScalarType;
  readonly fused?: boolean;
}

const STATE_KEY = 'geluLab.insertSnippet.last';

/** Languages into which any target's code may go (besides the target's own). */
const ANY_CODE = new Set(['plaintext', 'markdown']);

function readLast(ctx: FeatureContext): LastChoices {
  const raw: unknown = ctx.extension.globalState.get(STATE_KEY);
  if (typeof raw !== 'object' || raw === null) return {};
  const o = raw as Record<string, unknown>;
  return {
    ...(isFunctionId(o.variant) || isGatedId(o.variant) ? { variant: o.variant } : {}),
    ...(isTargetId(o.target) ? { target: o.target } : {}),
    ...(typeof o.withDerivative === 'boolean' ? { withDerivative: o.withDerivative } : {}),
    ...(o.form === 'function' || o.form === 'module' ? { form: o.form } : {}),
    ...(typeof o.vectorised === 'boolean' ? { vectorised: o.vectorised } : {}),
    ...(o.precision === 'float' || o.precision === 'double' ? { precision: o.precision } : {}),
    ...(typeof o.fused === 'boolean' ? { fused: o.fused } : {}),
  };
}

interface Item<T> extends vscode.QuickPickItem {
  readonly value?: T;
}

/**
 * One step of the multi-step pick. Resolves to the chosen value, or `undefined` when the
 * user pressed Escape or the pick lost focus.
 */
function pick<T>(
  title: string,
  step: number,
  total: number | undefined,
  placeholder: string,
  items: readonly Item<T>[],
  active: T | undefined,
  rank?: (query: string) => T | undefined,
): Promise<T | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<Item<T>>();
    qp.title = title;
    qp.step = step;
    qp.totalSteps = total;
    qp.placeholder = placeholder;
    qp.items = items;
    qp.matchOnDescription = true;
    // VS Code re-sorts a filtered list by where the label matches ("Tanh" before "GELU (tanh
    // approximation)") and the public API cannot turn that off: `rank` chooses the item Enter takes.
    if (rank !== undefined) {
      qp.onDidChangeValue((query) => {
        const best = rank(query);
        const item = best === undefined ? undefined : items.find((i) => i.value === best);
        if (item !== undefined && query.trim() !== '') qp.activeItems = [item];
      });
    }
    const activeItem = items.find((i) => i.value !== undefined && i.value === active) ?? items.find((i) => i.value !== undefined);
    if (activeItem) qp.activeItems = [activeItem];
    let done = false;
    const finish = (value: T | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      qp.dispose();
    };
    qp.onDidAccept(() => finish(qp.selectedItems[0]?.value ?? qp.activeItems[0]?.value));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

const separator = <T>(label: string): Item<T> => ({ label, kind: vscode.QuickPickItemKind.Separator });

function variantItems(): Item<FunctionId | GatedId>[] {
  return variantEntries().map((e) => (e.id === undefined ? separator<FunctionId | GatedId>(e.label) : { label: e.label, ...(e.description === undefined ? {} : { description: e.description }), value: e.id }));
}

function targetItems(languageId: string | undefined): { items: Item<TargetId>[]; forLanguage: TargetInfo[] } {
  const forLanguage = targetsForLanguage(languageId);
  const others = TARGETS.filter((t) => !forLanguage.includes(t));
  const item = (t: TargetInfo): Item<TargetId> => ({ label: t.label, description: t.description, value: t.id });
  const items = forLanguage.length > 0 ? [separator<TargetId>(`For ${languageId}`), ...forLanguage.map(item), separator<TargetId>('Other targets'), ...others.map(item)] : others.map(item);
  return { items, forLanguage };
}

/** The target offered first: the last one if it suits the editor's language, else the language's first. */
function defaultTarget(last: LastChoices, forLanguage: readonly TargetInfo[]): TargetId {
  if (forLanguage.length === 0) return last.target ?? 'pytorch';
  if (last.target !== undefined && forLanguage.some((t) => t.id === last.target)) return last.target;
  return (forLanguage[0] as TargetInfo).id;
}

/** The last choice when the target still offers it, else `fallback`. */
function remembered<T>(last: T | undefined, offered: readonly T[], fallback: T): T {
  return last !== undefined && offered.includes(last) ? last : fallback;
}

function derivativeDetail(target: TargetId, gated: boolean): string {
  if (gated) return target === 'pytorch' ? '∂y/∂g, ∂y/∂u and a custom torch.autograd.Function' : target === 'cuda' ? '∂y/∂g, ∂y/∂u and a backward kernel' : '∂y/∂g and ∂y/∂u as functions';
  switch (target) {
    case 'pytorch':
      return 'gelu_grad and a custom torch.autograd.Function';
    case 'tensorflow':
      return 'gelu_grad and a tf.custom_gradient wrapper';
    case 'jax':
      return 'gelu_grad wired in with jax.custom_jvp';
    case 'cuda':
      return 'gelu_grad and a backward kernel';
    default:
      return 'f′ as a second function';
  }
}

/** Asks for whatever `given` leaves open. Undefined when the user cancelled. */
async function ask(ctx: FeatureContext, given: Partial<SnippetOptions>, languageId: string | undefined): Promise<SnippetOptions | undefined> {
  const last = readLast(ctx);
  const title = 'GELU Lab: Insert GELU Code';
  let variant = given.variant;
  let target = given.target;
  let step = 1;
  let total = totalSteps(given, target === undefined ? undefined : targetInfo(target));
  /** The wizard's next step (its number and the total shown in the title). */
  const next = <T>(placeholder: string, items: readonly Item<T>[], active: T | undefined, rank?: (query: string) => T | undefined): Promise<T | undefined> =>
    pick(title, step++, total, placeholder, items, active, rank);
  if (variant === undefined) {
    variant = await next('Which function?', variantItems(), last.variant ?? 'gelu', (query) => filterEntries(variantEntries(), query)[0]?.id);
    if (variant === undefined) return undefined;
  }
  if (target === undefined) {
    const { items, forLanguage } = targetItems(languageId);
    target = await next('For which framework or language?', items, defaultTarget(last, forLanguage));
    if (target === undefined) return undefined;
  }
  const info = targetInfo(target);
  const gated = isGatedId(variant);
  total = totalSteps({ ...given, variant }, info);
  let withDerivative = given.withDerivative;
  if (withDerivative === undefined) {
    withDerivative = await next(
      'Forward only, or with the derivative?',
      [
        { label: 'Forward only', description: gated ? 'y(g, u)' : 'f(x)', value: false },
        { label: 'Forward and derivative (backward)', description: derivativeDetail(target, gated), value: true },
      ],
      last.withDerivative ?? false,
    );
    if (withDerivative === undefined) return undefined;
  }
  let fused = given.fused;
  if (fused === undefined && offersFused(variant, info)) {
    fused = await next(
      'Also the fused form over a [..., 2d] input?',
      [
        { label: 'Functions of g and u', value: false },
        { label: 'Also fused over [..., 2d]', description: target === 'cuda' ? 'a __global__ kernel and launcher; float, __half or __nv_bfloat16 storage' : 'split the last dimension; the half convention is in the name', value: true },
      ],
      remembered(last.fused, [false, true], true),
    );
    if (fused === undefined) return undefined;
  }
  let form = given.form;
  if (form === undefined && info.forms.length > 1 && (!gated || target === 'pytorch')) {
    form = await next(
      'Which form?',
      info.forms.map((f) => ({ label: info.formLabels?.[f] ?? f, value: f })),
      remembered(last.form, info.forms, info.forms[info.forms.length - 1] as Form),
    );
    if (form === undefined) return undefined;
  }
  let vectorised = given.vectorised;
  if (vectorised === undefined && info.vectorisable && !gated) {
    vectorised = await next(
      'Scalar, or also an array version?',
      [
        { label: 'Scalar function', value: false },
        { label: 'Scalar and array version', description: 'a loop over an array or slice', value: true },
      ],
      last.vectorised ?? false,
    );
    if (vectorised === undefined) return undefined;
  }
  let precision = given.precision;
  if (precision === undefined && info.precisions.length > 1) {
    precision = await next(
      'Which precision?',
      info.precisions.map((p) => ({ label: p, description: p === 'float' ? 'erfcf, expf, fmaf' : 'erfc, exp, fma', value: p })),
      remembered(last.precision, info.precisions, info.precisions[0]),
    );
    if (precision === undefined) return undefined;
  }
  return {
    ...given,
    variant,
    target,
    withDerivative,
    ...(form === undefined ? {} : { form }),
    ...(vectorised === undefined ? {} : { vectorised }),
    ...(precision === undefined ? {} : { precision }),
    ...(fused === undefined ? {} : { fused }),
  };
}

async function openUntitled(languageId: string): Promise<vscode.TextDocument> {
  try {
    return await vscode.workspace.openTextDocument({ language: languageId, content: '' });
  } catch {
    // A language no installed extension contributes (Fortran, MATLAB): plain text still works.
    return vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
  }
}

export function register(ctx: FeatureContext): void {
  const insert = async (arg?: unknown): Promise<InsertResult | undefined> => {
    try {
      let given: Partial<SnippetOptions> = {};
      if (arg !== undefined) {
        const parsed = parsePartialOptions(arg);
        const problem = typeof parsed === 'string' ? parsed : checkPartialOptions(parsed);
        if (typeof parsed === 'string' || problem !== undefined) {
          ctx.log.warn(`Insert GELU Code: bad argument ${JSON.stringify(arg)}: ${problem}`);
          void vscode.window.showErrorMessage(`GELU Lab: Insert GELU Code: ${problem}`);
          return undefined;
        }
        given = parsed;
      }
      const active = vscode.window.activeTextEditor;
      const options = await ask(ctx, given, active?.document.languageId);
      if (options === undefined) return undefined;
      const snippet = generateSnippet({ detailedComments: ctx.config.current.snippets.detailedComments, ...options });
      const resolved = snippet.options;
      await ctx.extension.globalState.update(STATE_KEY, {
        variant: resolved.variant,
        target: resolved.target,
        withDerivative: resolved.withDerivative,
        form: resolved.form,
        vectorised: resolved.vectorised,
        precision: resolved.precision,
        fused: resolved.fused,
      } satisfies LastChoices);

      const info = targetInfo(resolved.target);
      let editor = active;
      let newDocument = false;
      if (editor === undefined || !(info.languages.includes(editor.document.languageId) || ANY_CODE.has(editor.document.languageId))) {
        const doc = await openUntitled(snippet.languageId);
        editor = await vscode.window.showTextDocument(doc);
        newDocument = true;
      }
      const doc = editor.document;
      if (vscode.workspace.fs.isWritableFileSystem(doc.uri.scheme) === false) {
        void vscode.window.showErrorMessage(`GELU Lab: ${doc.uri.fsPath || doc.uri.toString()} is read-only; nothing was inserted.`);
        return undefined;
      }
      // Once, at the primary cursor: with several cursors a snippet would repeat the imports and
      // the definitions at each one.
      const before = doc.version;
      const ok = await editor.insertSnippet(new vscode.SnippetString(snippet.code), editor.selection);
      // A read-only editor (e.g. "Set Active Editor Read-only in Session") accepts the call and
      // changes nothing: the version tells.
      if (!ok || doc.version === before) {
        void vscode.window.showErrorMessage('GELU Lab: the editor is read-only; nothing was inserted.');
        return undefined;
      }
      ctx.log.info(`Inserted ${resolved.variant} for ${info.label}${resolved.withDerivative ? ' with derivative' : ''} into ${editor.document.uri.toString()}${snippet.notes.length > 0 ? `. ${snippet.notes.join(' ')}` : ''}`);
      return { options: resolved, languageId: editor.document.languageId, uri: editor.document.uri.toString(), plainCode: snippet.plainCode, newDocument };
    } catch (e) {
      const message = e instanceof SnippetOptionsError ? e.message : e instanceof Error ? e.message : String(e);
      ctx.log.error(`Insert GELU Code failed: ${e instanceof Error && e.stack ? e.stack : message}`);
      void vscode.window.showErrorMessage(`GELU Lab: could not insert the code: ${message}`);
      return undefined;
    }
  };
  ctx.extension.subscriptions.push(vscode.commands.registerCommand(CommandId.insertSnippet, insert));
}
