// The settings as data: their shape, defaults and sanitising. Pure (no vscode), so unit-tested;
// src/config.ts is the one place that reads them from VS Code.
import { FUNCTION_IDS, type FunctionId, isFunctionId } from './core/types';
import { checkRange } from './protocol';

/** Every setting of the extension, sanitised. Features receive this; only this file reads settings. */
export interface Config {
  readonly plot: {
    readonly functions: readonly FunctionId[];
    readonly xMin: number;
    readonly xMax: number;
    readonly samplesPerPixel: number;
  };
  readonly hover: {
    readonly enabled: boolean;
    /** Which numbers get a hover: selected ones and call arguments, every literal, or none. */
    readonly numbers: NumberHoverMode;
    /**
     * Deprecated (`"[lang]": { "geluLab.hover.enabled": false }` replaces it): language ids, `['*']`
     * for every language, `[]` for none. Still applied for one version.
     */
    readonly languages: readonly string[];
    readonly functions: readonly FunctionId[];
    readonly maxValues: number;
  };
  readonly snippets: {
    /** Insert GELU Code…: the full header comment instead of at most 4 lines. */
    readonly detailedComments: boolean;
  };
}

/** Values of `geluLab.hover.numbers`. */
export const NUMBER_HOVER_MODES = ['selection', 'always', 'off'] as const;
export type NumberHoverMode = (typeof NUMBER_HOVER_MODES)[number];

export const DEFAULT_CONFIG: Config = {
  plot: { functions: ['gelu', 'gelu_tanh', 'gelu_sigmoid'], xMin: -4, xMax: 4, samplesPerPixel: 2 },
  hover: { enabled: true, numbers: 'selection', languages: ['*'], functions: ['gelu', 'gelu_tanh', 'gelu_sigmoid'], maxValues: 64 },
  snippets: { detailedComments: false },
};

/** Reads raw values by dotted key below `geluLab`; `undefined` when unset. */
export type RawSettings = (key: string) => unknown;

/** A problem found while sanitising: the setting and a sentence for the user. */
export interface ConfigProblem {
  readonly key: string;
  readonly message: string;
}

/** Most unknown values a message names; the rest are counted ("and 99,990 more"). */
export const MAX_NAMED_IN_MESSAGE = 10;
/** Longest rendering of one unknown value in a message. */
const MAX_VALUE_TEXT = 40;

/** `"a", "b" and 12 more`: a bounded list of offending values, whatever the user typed. */
export function listForMessage(values: readonly unknown[]): string {
  const shown = values.slice(0, MAX_NAMED_IN_MESSAGE).map((v) => {
    const text = JSON.stringify(v) ?? String(v);
    return text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT - 1)}…` : text;
  });
  const rest = values.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest.toLocaleString('en-US')} more` : shown.join(', ');
}

/**
 * Turns whatever the user wrote into a valid {@link Config}: a value of the wrong type or out
 * of range is reported as a problem: a number outside its bounds is clamped to the nearest bound,
 * a value of the wrong type takes its default, and an x range the plot cannot draw (min ≥ max, or
 * too narrow: {@link checkRange}, the plot's own rule) takes the default range.
 * Pure, so it is unit-tested without VS Code.
 */
export function sanitizeConfig(read: RawSettings): { config: Config; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const d = DEFAULT_CONFIG;

  const numberIn = (key: string, fallback: number, min: number, max: number, integer = false): number => {
    const raw = read(key);
    if (raw === undefined) return fallback;
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      problems.push({ key, message: `geluLab.${key} must be a finite number; using ${fallback}.` });
      return fallback;
    }
    let value = integer ? Math.round(raw) : raw;
    if (value < min || value > max) {
      value = Math.min(max, Math.max(min, value));
      problems.push({ key, message: `geluLab.${key} must be between ${min} and ${max}; using ${value}.` });
    }
    return value;
  };

  const functionList = (key: string, fallback: readonly FunctionId[]): readonly FunctionId[] => {
    const raw = read(key);
    if (raw === undefined) return fallback;
    if (!Array.isArray(raw)) {
      problems.push({ key, message: `geluLab.${key} must be a list of function ids; using the default.` });
      return fallback;
    }
    const valid = raw.filter(isFunctionId);
    const unknown = raw.filter((v) => !isFunctionId(v));
    if (unknown.length > 0) {
      problems.push({
        key,
        message: `geluLab.${key}: unknown function id(s) ${listForMessage(unknown)} ignored. Known: ${FUNCTION_IDS.join(', ')}.`,
      });
    }
    const unique = [...new Set(valid)];
    return unique.length > 0 ? unique : fallback;
  };

  const booleanOf = (key: string, fallback: boolean): boolean => {
    const raw = read(key);
    if (raw === undefined) return fallback;
    if (typeof raw !== 'boolean') {
      problems.push({ key, message: `geluLab.${key} must be true or false; using ${fallback}.` });
      return fallback;
    }
    return raw;
  };

  const stringList = (key: string, fallback: readonly string[]): readonly string[] => {
    const raw = read(key);
    if (raw === undefined) return fallback;
    if (!Array.isArray(raw) || !raw.every((v) => typeof v === 'string' && v.length > 0)) {
      problems.push({ key, message: `geluLab.${key} must be a list of language ids; using ${JSON.stringify(fallback)}.` });
      return fallback;
    }
    return raw;
  };

  const oneOf = <T extends string>(key: string, fallback: T, allowed: readonly T[]): T => {
    const raw = read(key);
    if (raw === undefined) return fallback;
    const match = allowed.find((a) => a === raw);
    if (match === undefined) {
      problems.push({ key, message: `geluLab.${key} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}; using ${JSON.stringify(fallback)}.` });
      return fallback;
    }
    return match;
  };

  if (read('hover.languages') !== undefined) {
    problems.push({
      key: 'hover.languages',
      message:
        'geluLab.hover.languages is deprecated and will be removed in the next version; it still applies for now. ' +
        'Turn hovers off per language instead, e.g. "[python]": { "geluLab.hover.enabled": false }.',
    });
  }

  let xMin = numberIn('plot.xMin', d.plot.xMin, -1000, 1000);
  let xMax = numberIn('plot.xMax', d.plot.xMax, -1000, 1000);
  const rangeProblem = checkRange(xMin, xMax);
  if (rangeProblem !== null) {
    problems.push({ key: 'plot.xMin', message: `geluLab.plot.xMin…xMax (${xMin}…${xMax}): ${rangeProblem}; using ${d.plot.xMin}…${d.plot.xMax}.` });
    xMin = d.plot.xMin;
    xMax = d.plot.xMax;
  }

  const config: Config = {
    plot: {
      functions: functionList('plot.functions', d.plot.functions),
      xMin,
      xMax,
      samplesPerPixel: numberIn('plot.samplesPerPixel', d.plot.samplesPerPixel, 1, 4),
    },
    hover: {
      enabled: booleanOf('hover.enabled', d.hover.enabled),
      numbers: oneOf('hover.numbers', d.hover.numbers, NUMBER_HOVER_MODES),
      languages: stringList('hover.languages', d.hover.languages),
      functions: functionList('hover.functions', d.hover.functions),
      maxValues: numberIn('hover.maxValues', d.hover.maxValues, 1, 1000, true),
    },
    snippets: { detailedComments: booleanOf('snippets.detailedComments', d.snippets.detailedComments) },
  };
  return { config, problems };
}

/** Whether the (deprecated) `hover.languages` list admits `languageId`: `*` admits all, `[]` none. */
export function hoverLanguageAllowed(languages: readonly string[], languageId: string): boolean {
  return languages.includes('*') || languages.includes(languageId);
}
