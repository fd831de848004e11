/**
 * Hugging Face `config.json` activations, as data: a small tolerant JSON/JSONC scanner that keeps
 * offsets, the activation keys it finds (top level and inside `*_config` sub-objects), and the
 * hover markdown and diagnostics the vscode side shows. Pure: no `vscode`.
 *
 * Why a scanner of our own rather than `jsonc-parser`: the needs are small (string keys with
 * offsets, comments and trailing commas tolerated, a partial tree up to the first error), and the
 * scanner adds no runtime dependency to the web bundle. Keys are kept in arrays and looked up by
 * comparison, never as properties, so `constructor` or `__proto__` are plain keys.
 */
import { activations } from '../core/activations';
import { isFunctionId, type FunctionId } from '../core/types';
import {
  ACTIVATION_NAMES,
  MODEL_TYPE_OVERRIDES,
  REFERENCE_ACTIVATIONS,
  STACK_LABEL,
  T5_FEED_FORWARD,
  activationName,
  comparableFunction,
  type ActivationName,
  type Source,
} from '../frameworks/modelConfigs';
import { CommandId } from '../commands/ids';

// ---------------------------------------------------------------------------------------------
// Scanner.

export type JsonNode =
  | { readonly kind: 'object'; readonly start: number; readonly end: number; readonly members: readonly JsonMember[] }
  | { readonly kind: 'array'; readonly start: number; readonly end: number; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly start: number; readonly end: number; readonly value: string }
  | { readonly kind: 'other'; readonly start: number; readonly end: number; readonly text: string };

export interface JsonMember {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  /** Undefined when the text ends or breaks before the value. */
  readonly value: JsonNode | undefined;
}

export interface ParseResult {
  /** The tree up to the first error (objects and arrays keep the members read so far). */
  readonly root: JsonNode | undefined;
  readonly error?: { readonly offset: number; readonly message: string };
}

/** Nesting deeper than this is refused (a config has a few levels; the limit guards the stack). */
const MAX_DEPTH = 64;

class Scanner {
  pos = 0;
  error: { offset: number; message: string } | undefined;
  constructor(private readonly text: string) {}

  private fail(message: string): undefined {
    this.error ??= { offset: this.pos, message };
    return undefined;
  }

  /** Skips white space and JSONC comments. */
  private skip(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) this.pos++;
      else if (c === 47 && t.charCodeAt(this.pos + 1) === 47) {
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl < 0 ? t.length : nl + 1;
      } else if (c === 47 && t.charCodeAt(this.pos + 1) === 42) {
        const close = t.indexOf('*/', this.pos + 2);
        this.pos = close < 0 ? t.length : close + 2;
      } else return;
    }
  }

  value(depth: number): JsonNode | undefined {
    this.skip();
    if (depth > MAX_DEPTH) return this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const c = this.text[this.pos];
    if (c === undefined) return this.fail('the text ends where a value should be');
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|NaN|-?Infinity)/.exec(this.text.slice(this.pos, this.pos + 400));
    if (m === null) return this.fail(`unexpected character ${JSON.stringify(c)}`);
    const start = this.pos;
    this.pos += m[0].length;
    return { kind: 'other', start, end: this.pos, text: m[0] };
  }

  private string(): JsonNode | undefined {
    const start = this.pos;
    const t = this.text;
    let i = start + 1;
    let out = '';
    for (;;) {
      const c = t[i];
      if (c === undefined || c === '\n') {
        this.pos = i;
        return this.fail('unterminated string');
      }
      if (c === '"') break;
      if (c === '\\') {
        const e = t[i + 1];
        const simple: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        if (e !== undefined && Object.prototype.hasOwnProperty.call(simple, e)) {
          out += simple[e];
          i += 2;
          continue;
        }
        this.pos = i;
        return this.fail('invalid escape in string');
      }
      out += c;
      i++;
    }
    this.pos = i + 1;
    return { kind: 'string', start, end: this.pos, value: out };
  }

  private object(depth: number): JsonNode {
    const start = this.pos++;
    const members: JsonMember[] = [];
    const done = (): JsonNode => ({ kind: 'object', start, end: this.pos, members });
    for (;;) {
      this.skip();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return done();
      }
      if (this.text[this.pos] !== '"') {
        this.fail(this.pos >= this.text.length ? 'the text ends inside an object' : 'expected a quoted key or "}"');
        return done();
      }
      const key = this.string();
      if (key === undefined || key.kind !== 'string') return done();
      this.skip();
      if (this.text[this.pos] !== ':') {
        members.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value: undefined });
        this.fail('expected ":" after a key');
        return done();
      }
      this.pos++;
      const value = this.value(depth + 1);
      members.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value });
      if (value === undefined || this.error || !this.separator('}')) return done();
    }
  }

  private array(depth: number): JsonNode {
    const start = this.pos++;
    const items: JsonNode[] = [];
    const done = (): JsonNode => ({ kind: 'array', start, end: this.pos, items });
    for (;;) {
      this.skip();
      if (this.text[this.pos] === ']') {
        this.pos++;
        return done();
      }
      const v = this.value(depth + 1);
      if (v === undefined) return done();
      items.push(v);
      if (this.error || !this.separator(']')) return done();
    }
  }

  /** After a member or item: steps over a comma, or stops before `close`; false (and the error set) otherwise. */
  private separator(close: '}' | ']'): boolean {
    this.skip();
    const sep = this.text[this.pos];
    if (sep === ',') this.pos++;
    else if (sep !== close) {
      this.fail(`expected "," or "${close}"`);
      return false;
    }
    return true;
  }
}

/** Parses JSON or JSONC (comments, trailing commas), keeping offsets; never throws. */
export function parseJsonWithOffsets(text: string): ParseResult {
  const s = new Scanner(text);
  const root = s.value(0);
  if (root !== undefined && s.error === undefined) {
    const rest = text.slice(s.pos).replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '');
    if (rest.trim() !== '') return { root, error: { offset: s.pos, message: 'text after the end of the JSON value' } };
  }
  return s.error ? { root, error: s.error } : { root };
}

// ---------------------------------------------------------------------------------------------
// Finding the activation keys.

/** Keys whose string value names an activation in a Hugging Face config. */
export const ACTIVATION_KEYS: readonly string[] = ['hidden_act', 'hidden_activation', 'activation_function', 'feed_forward_proj', 'mlp_activation', 'act_fn'];

export interface ActivationSetting {
  readonly key: string;
  readonly value: string;
  /** Offsets of the value's quotes, inclusive start, exclusive end. */
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly keyStart: number;
  readonly keyEnd: number;
  /** `""` at the top level, else the sub-config key (`text_config`). */
  readonly scope: string;
  /** The `model_type` that applies (the scope's own, else the top level's). */
  readonly modelType: string | undefined;
  /** The other activation keys of the same scope, by key. */
  readonly siblings: ReadonlyMap<string, string>;
}

export interface ConfigAnalysis {
  readonly isModelConfig: boolean;
  readonly settings: readonly ActivationSetting[];
  readonly parseError?: ParseResult['error'];
}

/** Most text scanned; bigger files (not configs) are left alone. */
export const MAX_CONFIG_CHARS = 2_000_000;

function member(obj: Extract<JsonNode, { kind: 'object' }>, key: string): JsonMember | undefined {
  // Last one wins, as in JSON.parse.
  let found: JsonMember | undefined;
  for (const m of obj.members) if (m.key === key) found = m;
  return found;
}

function stringMember(obj: Extract<JsonNode, { kind: 'object' }>, key: string): string | undefined {
  const v = member(obj, key)?.value;
  return v?.kind === 'string' ? v.value : undefined;
}

/** Whether a file name is one Hugging Face writes configs under. */
export function looksLikeConfigName(fileName: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return /^(?:.*[._-])?config\.json$/i.test(base);
}

function settingsOf(obj: Extract<JsonNode, { kind: 'object' }>, scope: string, inheritedType: string | undefined, out: ActivationSetting[]): void {
  const modelType = stringMember(obj, 'model_type') ?? inheritedType;
  const siblings = new Map<string, string>();
  for (const key of ACTIVATION_KEYS) {
    const v = stringMember(obj, key);
    if (v !== undefined) siblings.set(key, v);
  }
  for (const m of obj.members) {
    if (!ACTIVATION_KEYS.includes(m.key) || m.value?.kind !== 'string') continue;
    if (member(obj, m.key) !== m) continue;
    out.push({ key: m.key, value: m.value.value, valueStart: m.value.start, valueEnd: m.value.end, keyStart: m.keyStart, keyEnd: m.keyEnd, scope, modelType, siblings });
  }
}

/**
 * The activation settings of a config text. `isModelConfig` holds for a config file name, or a
 * top-level object with `model_type` or `architectures`; nothing else is analysed (quiet on
 * every other JSON file).
 */
export function analyseConfig(text: string, fileName: string): ConfigAnalysis {
  if (text.length > MAX_CONFIG_CHARS) return { isModelConfig: false, settings: [] };
  const parsed = parseJsonWithOffsets(text);
  const root = parsed.root;
  if (root?.kind !== 'object') return { isModelConfig: false, settings: [] };
  const hasMarkers = member(root, 'model_type') !== undefined || member(root, 'architectures') !== undefined;
  if (!hasMarkers && !looksLikeConfigName(fileName)) return { isModelConfig: false, settings: [] };
  const settings: ActivationSetting[] = [];
  const topType = stringMember(root, 'model_type');
  settingsOf(root, '', topType, settings);
  for (const m of root.members) {
    if (m.value?.kind === 'object' && /_config$/.test(m.key) && member(root, m.key) === m) settingsOf(m.value, m.key, topType, settings);
  }
  return parsed.error ? { isModelConfig: true, settings, parseError: parsed.error } : { isModelConfig: true, settings };
}

/** The setting whose key or value contains `offset`. */
export function settingAt(analysis: ConfigAnalysis, offset: number): ActivationSetting | undefined {
  return analysis.settings.find((s) => (offset >= s.keyStart && offset < s.keyEnd) || (offset >= s.valueStart && offset < s.valueEnd));
}

// ---------------------------------------------------------------------------------------------
// Sizes of differences.

/** How far apart two functions are over a range. */
export interface Difference {
  readonly a: FunctionId;
  readonly b: FunctionId;
  /** max |a(x) − b(x)| in float64. */
  readonly maxAbs: number;
  readonly atX: number;
  /**
   * max |a(x) − b(x)| in units of the bfloat16 spacing at max(|a(x)|, |b(x)|), over the points
   * where that magnitude is at least {@link ULP_FLOOR}; one decimal.
   */
  readonly maxBf16Ulps: number;
  readonly range: readonly [number, number];
}

export const COMPARE_RANGE: readonly [number, number] = [-6, 6];
const COMPARE_POINTS = 4801;

/**
 * Values smaller than this are left out of the ulp count: near a zero crossing or in the negative
 * tail the bfloat16 spacing shrinks with the value, and counting steps there measures the
 * exponent range, not the size of the difference a model sees.
 */
export const ULP_FLOOR = 2 ** -8;

/** The spacing of bfloat16 numbers at |v| (8 significand bits), for |v| ≥ ULP_FLOOR. */
function bf16Ulp(v: number): number {
  return 2 ** (Math.floor(Math.log2(Math.abs(v))) - 7);
}

const differenceCache = new Map<string, Difference>();

/** max |Δ| and bfloat16 ulps between two registry functions on a 0.0025 grid over [−6, 6]. */
export function differenceBetween(a: FunctionId, b: FunctionId): Difference {
  const cacheKey = `${a}|${b}`;
  const cached = differenceCache.get(cacheKey);
  if (cached) return cached;
  const [lo, hi] = COMPARE_RANGE;
  const fa = activations[a].f;
  const fb = activations[b].f;
  let maxAbs = 0;
  let atX = lo;
  let maxUlps = 0;
  for (let i = 0; i < COMPARE_POINTS; i++) {
    const x = lo + ((hi - lo) * i) / (COMPARE_POINTS - 1);
    const ya = fa(x);
    const yb = fb(x);
    const d = Math.abs(ya - yb);
    if (d > maxAbs) {
      maxAbs = d;
      atX = x;
    }
    const mag = Math.max(Math.abs(ya), Math.abs(yb));
    if (mag >= ULP_FLOOR) {
      const u = d / bf16Ulp(mag);
      if (u > maxUlps) maxUlps = u;
    }
  }
  const result: Difference = { a, b, maxAbs, atX: Math.round(atX * 1e6) / 1e6, maxBf16Ulps: Math.round(maxUlps * 10) / 10, range: COMPARE_RANGE };
  differenceCache.set(cacheKey, result);
  return result;
}

function formatSmall(v: number): string {
  if (v === 0) return '0';
  return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? v.toPrecision(3) : v.toExponential(2);
}

/** One sentence: max |Δ|, where, and in bfloat16 ulps, over the range. */
export function describeDifference(d: Difference): string {
  return `max |Δ| = ${formatSmall(d.maxAbs)} at x = ${d.atX.toFixed(2)}, up to ${d.maxBf16Ulps} bfloat16 ulp${d.maxBf16Ulps === 1 ? '' : 's'} (where |f| ≥ 2⁻⁸), over [${d.range[0]}, ${d.range[1]}]`;
}

/** Arguments of `geluLab.compareModelActivations`: the variants to plot and where to pin. */
export interface CompareArgs {
  readonly functions: readonly FunctionId[];
  readonly x?: number;
}

/** Validates the command's argument (it arrives from a link: untrusted). */
export function parseCompareArgs(arg: unknown): CompareArgs | string {
  if (typeof arg !== 'object' || arg === null) return 'expected { functions, x }';
  const fns: unknown = Object.prototype.hasOwnProperty.call(arg, 'functions') ? (arg as { functions: unknown }).functions : undefined;
  if (!Array.isArray(fns) || fns.length === 0 || fns.length > 8 || !fns.every(isFunctionId)) return 'functions must be 1 to 8 function ids';
  const x: unknown = Object.prototype.hasOwnProperty.call(arg, 'x') ? (arg as { x: unknown }).x : undefined;
  if (x !== undefined && (typeof x !== 'number' || !Number.isFinite(x) || Math.abs(x) > 1e6)) return 'x must be a finite number';
  return x === undefined ? { functions: fns as FunctionId[] } : { functions: fns as FunctionId[], x };
}

export function compareCommandUri(args: CompareArgs): string {
  return `command:${CommandId.compareModelActivations}?${encodeURIComponent(JSON.stringify([args]))}`;
}

// ---------------------------------------------------------------------------------------------
// Names in settings.

/** For `feed_forward_proj`: the activation name and whether the FFN is gated, as transformers reads it. */
export interface FeedForward {
  readonly act: string;
  readonly gated: boolean;
  /** The name transformers actually uses (after the "gated-gelu" → "gelu_new" remap). */
  readonly effective: string;
  readonly valid: boolean;
}

export function parseFeedForward(value: string): FeedForward {
  const parts = value.split('-');
  const gated = parts[0] === 'gated';
  const valid = !((parts.length > 1 && !gated) || parts.length > 2);
  const act = parts[parts.length - 1] ?? '';
  const effective = value === T5_FEED_FORWARD.remap.from ? T5_FEED_FORWARD.remap.to : act;
  return { act, gated, effective, valid };
}

/** The ACT2FN name a setting selects (feed_forward_proj unwrapped). */
export function effectiveName(s: Pick<ActivationSetting, 'key' | 'value'>): string {
  return s.key === 'feed_forward_proj' ? parseFeedForward(s.value).effective : s.value;
}

/** Levenshtein distance, capped work for long strings. */
function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.abs(a.length - b.length) + 64;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** The valid keys closest to `name` (at most three, nearest first). */
export function closestNames(name: string): string[] {
  const lower = name.toLowerCase();
  return ACTIVATION_NAMES.map((n) => ({ n, d: editDistance(lower, n) - (n.startsWith(lower) || lower.startsWith(n) ? 1 : 0) }))
    .sort((x, y) => x.d - y.d || x.n.localeCompare(y.n))
    .slice(0, 3)
    .map((e) => e.n);
}

// ---------------------------------------------------------------------------------------------
// Hover.

const escapeMd = (s: string): string => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
const link = (s: Source): string => `[${escapeMd(s.label)}](${s.url})`;

function stacksTable(entry: ActivationName): string[] {
  const lines = ['| Stack | Runs | Holds for | Source |', '|---|---|---|---|'];
  for (const c of entry.stacks) lines.push(`| ${STACK_LABEL[c.stack]} | ${escapeMd(c.runs)} | ${escapeMd(c.source.holds)} | ${link(c.source)} |`);
  return lines;
}

/** Markdown for one name: meaning, formula, per-stack table, distance from exact GELU. */
export function nameMarkdown(name: string, context?: { key: string; gated?: boolean }): string {
  const entry = activationName(name);
  if (entry === undefined) {
    return [`**\`${escapeMd(name)}\`** is not a key of transformers' \`ACT2FN\`: loading the model raises KeyError.`, '', `Closest keys: ${closestNames(name).map((n) => `\`${n}\``).join(', ')}.`].join('\n');
  }
  const lines: string[] = [];
  const fnLabel = comparableFunction(entry.fn);
  const label = fnLabel ? activations[fnLabel].label : entry.fn;
  lines.push(`**\`${entry.name}\`**${context ? ` (${escapeMd(context.key)}${context.gated ? ', gated: act(gate)·up' : ''})` : ''} — ${escapeMd(label)}`);
  lines.push('', `\`${entry.formula}\``);
  if (entry.note) lines.push('', escapeMd(entry.note));
  lines.push('', ...stacksTable(entry));
  const runsElsewhere = new Set<FunctionId>();
  for (const c of entry.stacks) {
    const f = c.fn ? comparableFunction(c.fn) : undefined;
    if (f) runsElsewhere.add(f);
  }
  if (fnLabel) runsElsewhere.add(fnLabel);
  const variants = [...runsElsewhere];
  if (variants.length > 1) {
    const d = differenceBetween(variants[0]!, variants[1]!);
    lines.push('', `Stacks disagree: ${variants.map((v) => activations[v].label).join(' vs ')}: ${describeDifference(d)}.`);
    lines.push('', `[Compare in the plot](${compareCommandUri({ functions: variants, x: d.atX })} "Open the plot with these variants")`);
  } else if (fnLabel && fnLabel !== 'gelu' && activations[fnLabel].family === 'gelu') {
    const d = differenceBetween(fnLabel, 'gelu');
    lines.push('', `From exact GELU: ${describeDifference(d)}.`);
    lines.push('', `[Compare in the plot](${compareCommandUri({ functions: [fnLabel, 'gelu'], x: d.atX })} "Open the plot with this variant and exact GELU")`);
  }
  return lines.join('\n');
}

/** The hover of a config setting, or undefined when the offset is on none. */
export function configHoverAt(analysis: ConfigAnalysis, offset: number): { markdown: string; start: number; end: number } | undefined {
  const s = settingAt(analysis, offset);
  if (s === undefined) return undefined;
  const parts: string[] = [];
  if (s.key === 'feed_forward_proj') {
    const ff = parseFeedForward(s.value);
    parts.push(`\`feed_forward_proj = "${escapeMd(s.value)}"\`: ${ff.gated ? 'gated' : 'plain'} feed-forward, dense_act_fn \`${escapeMd(ff.effective)}\`${ff.effective !== ff.act ? ` (transformers remaps "${T5_FEED_FORWARD.remap.from}" to "${T5_FEED_FORWARD.remap.to}", the tanh form: ${link(T5_FEED_FORWARD.source)})` : ''}.`, '');
  }
  const override = overrideFor(s);
  if (override) parts.push(`**${escapeMd(s.modelType ?? '')}**: ${escapeMd(override.explanation)} ${override.sources.map(link).join(' · ')}`, '');
  parts.push(nameMarkdown(effectiveName(s), { key: s.key, gated: s.key === 'feed_forward_proj' ? parseFeedForward(s.value).gated : undefined }));
  return { markdown: parts.join('\n'), start: s.valueStart, end: s.valueEnd };
}

/** `hidden_act="gelu_new"`-style keyword arguments in Python: the value under `column`. */
export function pythonKeywordAt(line: string, column: number): { name: string; key: string; start: number; end: number } | undefined {
  const re = /\b(hidden_act|hidden_activation|activation_function|feed_forward_proj|mlp_activation|act_fn)\s*=\s*(["'])([^"'\n]{0,64})\2/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    const start = m.index + m[0].length - m[3]!.length - 2;
    const end = m.index + m[0].length;
    if (column >= m.index && column < end) return { key: m[1]!, name: m[3]!, start, end };
  }
  return undefined;
}

export function pythonHoverMarkdown(k: { key: string; name: string }): string {
  const name = effectiveName({ key: k.key, value: k.name });
  return nameMarkdown(name, { key: k.key, gated: k.key === 'feed_forward_proj' ? parseFeedForward(k.name).gated : undefined });
}

// ---------------------------------------------------------------------------------------------
// Diagnostics.

export type Severity = 'warning' | 'information';

export interface ConfigDiagnostic {
  readonly code: 'unknown-activation' | 'model-type-override' | 'reference-activation' | 'invalid-feed-forward' | 'feed-forward-remap';
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** A safe replacement of the quoted value (quotes included), when there is one. */
  readonly fix?: { readonly title: string; readonly newText: string };
  /** Variants to plot (with the pin), when the diagnostic is about two of them. */
  readonly compare?: CompareArgs;
}

function overrideFor(s: ActivationSetting): (typeof MODEL_TYPE_OVERRIDES)[number] | undefined {
  if (s.key !== 'hidden_act') return undefined;
  const o = MODEL_TYPE_OVERRIDES.find((m) => m.modelType === s.modelType);
  if (o === undefined || s.siblings.has(o.usedKey)) return undefined;
  return o.runs === s.value ? undefined : o;
}

function compareNames(written: string, runs: string): { text: string; compare?: CompareArgs } {
  const a = activationName(written);
  const b = activationName(runs);
  const fa = a ? comparableFunction(a.fn) : undefined;
  const fb = b ? comparableFunction(b.fn) : undefined;
  if (!fa || !fb || fa === fb) return { text: '' };
  const d = differenceBetween(fa, fb);
  return { text: ` ${activations[fa].label} vs ${activations[fb].label}: ${describeDifference(d)}.`, compare: { functions: [fa, fb], x: d.atX } };
}

/** Every diagnostic of an analysed config, in text order. */
export function configDiagnostics(analysis: ConfigAnalysis): ConfigDiagnostic[] {
  const out: ConfigDiagnostic[] = [];
  if (!analysis.isModelConfig) return out;
  for (const s of analysis.settings) {
    const at = { start: s.valueStart, end: s.valueEnd };
    let name = s.value;
    if (s.key === 'feed_forward_proj') {
      const ff = parseFeedForward(s.value);
      if (!ff.valid) {
        out.push({ ...at, code: 'invalid-feed-forward', severity: 'warning', message: `feed_forward_proj "${s.value}" is neither "{act}" nor "gated-{act}": transformers raises ValueError when it loads this config.` });
        continue;
      }
      name = ff.act;
      if (ff.effective !== ff.act) {
        const cmp = compareNames(ff.act, ff.effective);
        out.push({
          ...at,
          code: 'feed-forward-remap',
          severity: 'information',
          message: `transformers maps "${T5_FEED_FORWARD.remap.from}" to dense_act_fn "${T5_FEED_FORWARD.remap.to}" (the tanh GELU, gated), not exact GELU; other stacks that read "gelu" from this key may run the exact form.${cmp.text}`,
          compare: cmp.compare,
        });
        continue;
      }
    }
    if (activationName(name) === undefined) {
      const near = closestNames(name);
      const fix = near[0] && s.key !== 'feed_forward_proj' ? { title: `Replace with "${near[0]}"`, newText: JSON.stringify(near[0]) } : undefined;
      out.push({ ...at, code: 'unknown-activation', severity: 'warning', message: `"${name}" is not an activation transformers knows (ACT2FN); loading raises KeyError. Closest: ${near.join(', ')}.`, fix });
      continue;
    }
    const override = overrideFor(s);
    if (override) {
      const cmp = compareNames(s.value, override.runs);
      out.push({
        ...at,
        code: 'model-type-override',
        severity: 'warning',
        message: `For model_type "${override.modelType}", transformers and vLLM ignore hidden_act "${s.value}" when ${override.usedKey} is missing and run ${override.runs}.${cmp.text}`,
        fix: { title: `Set hidden_act to "${override.runs}" (what the libraries run)`, newText: JSON.stringify(override.runs) },
        compare: cmp.compare,
      });
      continue;
    }
    const ref = REFERENCE_ACTIVATIONS.find((r) => s.modelType !== undefined && r.modelTypes.includes(s.modelType));
    if (ref && s.key === 'hidden_act' && s.value !== ref.reference && activationName(s.value)?.fn !== activationName(ref.reference)?.fn) {
      const cmp = compareNames(s.value, ref.reference);
      out.push({
        ...at,
        code: 'reference-activation',
        severity: 'information',
        message: `model_type "${s.modelType}": the reference configuration uses ${ref.reference}, this config says "${s.value}". ${ref.explanation}${cmp.text}`,
        compare: cmp.compare,
      });
    }
  }
  return out;
}

/** The variants a config involves, for the compare command: every comparable function named. */
export function variantsOf(analysis: ConfigAnalysis): { functions: FunctionId[]; x?: number } {
  const set = new Set<FunctionId>();
  let x: number | undefined;
  for (const d of configDiagnostics(analysis)) {
    if (d.compare) {
      for (const f of d.compare.functions) set.add(f);
      x ??= d.compare.x;
    }
  }
  for (const s of analysis.settings) {
    const e = activationName(effectiveName(s));
    const f = e ? comparableFunction(e.fn) : undefined;
    if (f) set.add(f);
    for (const c of e?.stacks ?? []) {
      const g = c.fn ? comparableFunction(c.fn) : undefined;
      if (g) set.add(g);
    }
  }
  return x === undefined ? { functions: [...set] } : { functions: [...set], x };
}
