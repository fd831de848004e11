/**
 * Parameters in force, as text for formula cards, legends, the readout and exports. Pure (no
 * DOM): the values come from the state, the specs from the host's catalogue.
 */
import type { FunctionInfo, ParamValues } from '../src/protocol';

export interface ParamInForce {
  readonly label: string;
  readonly value: number;
  readonly isDefault: boolean;
}

export function paramsInForce(info: FunctionInfo, values: ParamValues): ParamInForce[] {
  return info.params.map((spec) => {
    const value = values[info.id]?.[spec.key] ?? spec.default;
    return { label: spec.label, value, isDefault: value === spec.default };
  });
}

/** `k = 1.5` (several joined by `, `); empty for a function without parameters. */
export function paramText(info: FunctionInfo, values: ParamValues): string {
  return paramsInForce(info, values).map((p) => `${p.label} = ${p.value}`).join(', ');
}

/**
 * The formula's LaTeX without the trailing `,\quad c = 0.044715` that states the default
 * parameters: the card states the values in force as text beside it, so the LaTeX (and its
 * KaTeX rendering) does not change when a slider moves.
 */
export function formulaBody(info: FunctionInfo): string {
  return info.params.length === 0 ? info.formula.latex : info.formula.latex.replace(/,\s*\\quad\s.*$/, '');
}
