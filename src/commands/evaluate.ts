import * as vscode from 'vscode';
import { activations } from '../core';
import { FUNCTION_IDS, type FunctionId, isFunctionId } from '../core/types';
import { formatNumber } from '../text/format';
import { type FeatureContext, inputNumber } from '../feature';
import { showEvaluation } from '../hover/evaluateSelection';
import { evaluationReportOf } from '../hover/valuesModel';
import { CommandId } from './ids';

/** One row of `geluLab.evaluate`'s answer. */
export interface Evaluation {
  readonly id: FunctionId;
  readonly x: number;
  readonly f: number;
  readonly df: number;
  readonly d2f: number;
}

/** Parses what a person types for x: a finite decimal or exponent literal, nothing else. */
export function parseXInput(text: string): number | string {
  const trimmed = text.trim().replace(/_/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return 'Type a number such as -0.75, 1e-3 or 40.';
  const x = Number(trimmed);
  return Number.isFinite(x) ? x : `${trimmed} is beyond the range of a double.`;
}

/**
 * `geluLab.evaluate(x?, ids?)`: f, f′, f″ of the given functions (default: the hover's
 * configured ones) at x. Without x it asks for one and shows the answer in an evaluation
 * document (the table of "Evaluate Selection"), where it is seen even without notifications.
 * Returns the rows, so other extensions and tests can use it; writes them to the log.
 */
export function register(ctx: FeatureContext): void {
  const evaluate = async (xArg?: unknown, idsArg?: unknown): Promise<Evaluation[] | undefined> => {
    let x: number;
    if (xArg === undefined) {
      const typed = await inputNumber({ title: 'GELU Lab: Evaluate at x', prompt: 'x (a double)', value: '1' }, parseXInput);
      if (typed === undefined) return undefined;
      x = typed;
    } else if (typeof xArg === 'number' && !Number.isNaN(xArg)) {
      x = xArg;
    } else {
      void vscode.window.showErrorMessage(`GELU Lab: Evaluate at x needs a number, got ${JSON.stringify(xArg)}.`);
      return undefined;
    }
    let ids: readonly FunctionId[] = ctx.config.current.hover.functions;
    if (idsArg !== undefined) {
      if (!Array.isArray(idsArg) || !idsArg.every(isFunctionId)) {
        void vscode.window.showErrorMessage(`GELU Lab: unknown function ids; known are ${FUNCTION_IDS.join(', ')}.`);
        return undefined;
      }
      ids = idsArg;
    }
    const rows = ids.map((id): Evaluation => {
      const fn = activations[id];
      return { id, x, f: fn.f(x), df: fn.df(x), d2f: fn.d2f(x) };
    });
    for (const row of rows) {
      ctx.log.info(`${row.id}(${formatNumber(x)}) = ${formatNumber(row.f)}, f′ = ${formatNumber(row.df)}, f″ = ${formatNumber(row.d2f)}`);
    }
    if (xArg === undefined) {
      const report = evaluationReportOf([{ text: formatNumber(x), value: x }], 1, true, ids, `"Evaluate at x", x = ${formatNumber(x)}`);
      if (typeof report === 'string') void vscode.window.showInformationMessage(`GELU Lab: ${report}`);
      else await showEvaluation(report, ids);
    }
    return rows;
  };

  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(CommandId.evaluate, evaluate),
    vscode.commands.registerCommand(CommandId.showLog, () => ctx.log.show()),
  );
}
