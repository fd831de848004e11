/**
 * The host side of one plot webview, without VS Code: validates every message, answers each
 * request exactly once (its reply or an error reply), and queues host notifications until the
 * webview has said `ready`. The VS Code glue (controller.ts) and the browser tests' stub host
 * both drive this class, so the tests exercise the real message handling.
 */
import type { Config } from '../configModel';
import {
  assertNever, type DrawReport, type HostKind, type HostToWebview, parsePlotState, parseWebviewMessage, type PlotState,
  type WebviewToHost,
} from '../protocol';
import { checkParams as checkGatedParams } from '../core/params';
import { gatedCatalogue, gatedCsv, sampleGated } from './gatedLab';
import { implementationCatalogue, precisionPlot } from './precisionLab';
import { catalogue, defaultState, evaluatePoint, samplePlot, toCsv } from './sampling';

/** What a session needs from its surroundings; every effect on the world goes through here. */
export interface SessionEnv {
  readonly mode: HostKind;
  /** The current plot settings (read on every request, so a change applies at once). */
  plotConfig(): Config['plot'];
  /** Delivers a message to the webview. */
  post(message: HostToWebview): void;
  /** Asks where to save and writes the bytes; the path written, or null when cancelled. */
  save(bytes: Uint8Array, suggestedName: string, kind: 'png' | 'csv'): Promise<string | null>;
  writeClipboard(text: string): Promise<void>;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** The webview finished a redraw. */
  drawn?(report: DrawReport): void;
}

/** Decodes standard base64 (already validated by the protocol) into bytes. */
export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A saved {@link PlotState} made usable: valid as a whole, it is kept; otherwise each field that
 * fails {@link parsePlotState} takes its value from `defaults` (an unusable range takes the saved
 * home range when that one is valid), and `problems` names each replaced field. `state` is
 * undefined when `raw` is not an object or no field of it is usable.
 */
export function restoreState(raw: unknown, defaults: PlotState): { state: PlotState | undefined; problems: string[] } {
  const whole = parsePlotState(raw);
  if (whole.ok) {
    const gated = gatedProblem(whole.value);
    if (gated === undefined) return { state: whole.value, problems: [] };
    const rest: { -readonly [K in keyof PlotState]?: PlotState[K] } = { ...whole.value };
    delete rest.gatedView;
    return { state: rest as PlotState, problems: [gated] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { state: undefined, problems: [whole.error] };
  const saved = raw as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  const problems: string[] = [];
  // The optional views' choices are judged like the fields of the defaults.
  const keys = [...new Set([...Object.keys(defaults), 'precisionView', 'gatedView'])] as (keyof PlotState)[];
  for (const key of keys) {
    const value = Object.hasOwn(saved, key) ? saved[key] : undefined;
    // The one validator judges each field, the others held at their (valid) defaults.
    const alone = parsePlotState({ ...defaults, [key]: value });
    // A field the saved state lacks is not "usable": optional ones (precisionView) would pass alone.
    const problem = alone.ok ? (key === 'gatedView' ? gatedProblem(alone.value) : undefined) : alone.error;
    if (problem !== undefined) problems.push(problem);
    else if (alone.ok && Object.hasOwn(saved, key)) kept[key] = alone.value[key];
  }
  if (Object.keys(kept).length === 0) return { state: undefined, problems };
  if (kept.range === undefined && kept.home !== undefined) kept.range = kept.home;
  const merged = parsePlotState({ ...defaults, ...kept });
  return merged.ok ? { state: merged.value, problems } : { state: undefined, problems: [merged.error] };
}

/** Why a state's Gated view choices cannot be used (a parameter outside its range, named with the range), or undefined. */
function gatedProblem(state: PlotState): string | undefined {
  const sel = state.gatedView;
  if (sel === undefined) return undefined;
  const problems = checkGatedParams(sel.fn, sel.params);
  return problems.length > 0 ? `state.gatedView.params: ${problems[0]!}` : undefined;
}

export class PlotSession {
  private ready = false;
  private readonly queue: HostToWebview[] = [];
  /** The state the webview reported at `ready`, or the one it was restored with. */
  private startState: PlotState | undefined;

  /** @param restored a state from the serializer (unvalidated), used when the webview has none. */
  constructor(private readonly env: SessionEnv, private restored?: unknown) {}

  get isReady(): boolean {
    return this.ready;
  }

  /** Sends a notification now, or once the webview is ready. */
  send(message: HostToWebview): void {
    if (this.ready) this.env.post(message);
    else this.queue.push(message);
  }

  /** Handles one raw message from the webview. Never throws; unexpected failures become error replies. */
  async handle(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.env.log('warn', `Plot: rejected a message from the webview: ${parsed.error}`);
      this.env.post({ type: 'error', requestId: parsed.requestId, message: `Invalid message: ${parsed.error}` });
      return;
    }
    const message = parsed.value;
    try {
      await this.dispatch(message);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.env.log('error', `Plot: ${message.type} failed: ${text}`);
      if ('requestId' in message) this.env.post({ type: 'error', requestId: message.requestId, message: text });
    }
  }

  private async dispatch(message: WebviewToHost): Promise<void> {
    const env = this.env;
    switch (message.type) {
      case 'ready': {
        const defaults = defaultState(env.plotConfig(), env.mode);
        const restore = (raw: unknown, whose: string): PlotState | undefined => {
          if (raw === undefined || raw === null) return undefined;
          const { state, problems } = restoreState(raw, defaults);
          if (!state) env.log('warn', `Plot: ${whose} was not usable (${problems.join('; ')}).`);
          else if (problems.length > 0) env.log('warn', `Plot: ${whose} was partly unusable; the defaults replace ${problems.join('; ')}.`);
          return state;
        };
        const restored = this.restored;
        this.restored = undefined;
        const state = restore(message.state, "the webview's saved state") ?? this.startState ?? restore(restored, 'the saved plot state') ?? defaults;
        this.startState = state;
        env.post({ type: 'plot/init', mode: env.mode, catalogue: catalogue(), state, defaults, implementations: implementationCatalogue(), gated: gatedCatalogue() });
        this.ready = true;
        for (const queued of this.queue.splice(0)) env.post(queued);
        return;
      }
      case 'plot/sample': {
        const data = samplePlot(message.request, env.plotConfig().samplesPerPixel);
        if (typeof data === 'string') env.post({ type: 'error', requestId: message.requestId, message: data });
        else env.post({ type: 'plot/data', requestId: message.requestId, ...data });
        return;
      }
      case 'precision/sample':
        env.post({ type: 'precision/data', requestId: message.requestId, ...precisionPlot(message.request) });
        return;
      case 'gated/sample': {
        const data = sampleGated(message.request);
        if (typeof data === 'string') env.post({ type: 'error', requestId: message.requestId, message: data });
        else env.post({ type: 'gated/data', requestId: message.requestId, ...data });
        return;
      }
      case 'gated/export-csv': {
        const data = sampleGated(message.request);
        if (typeof data === 'string') {
          env.post({ type: 'error', requestId: message.requestId, message: data });
          return;
        }
        const path = await env.save(new TextEncoder().encode(gatedCsv(data, message.request)), message.suggestedName, 'csv');
        env.post({ type: 'export/done', requestId: message.requestId, path });
        return;
      }
      case 'plot/evaluate': {
        const values = evaluatePoint(message.request);
        if (typeof values === 'string') env.post({ type: 'error', requestId: message.requestId, message: values });
        else env.post({ type: 'plot/values', requestId: message.requestId, x: message.request.x, values });
        return;
      }
      case 'export/png': {
        const bytes = decodeBase64(message.dataUrl.slice(message.dataUrl.indexOf(',') + 1));
        const path = await env.save(bytes, message.suggestedName, 'png');
        env.post({ type: 'export/done', requestId: message.requestId, path });
        return;
      }
      case 'export/csv': {
        const data = samplePlot(message.request, env.plotConfig().samplesPerPixel);
        if (typeof data === 'string') {
          env.post({ type: 'error', requestId: message.requestId, message: data });
          return;
        }
        const bytes = new TextEncoder().encode(toCsv(data, message.request));
        const path = await env.save(bytes, message.suggestedName, 'csv');
        env.post({ type: 'export/done', requestId: message.requestId, path });
        return;
      }
      case 'clipboard/write':
        await env.writeClipboard(message.text);
        env.post({ type: 'clipboard/done', requestId: message.requestId });
        return;
      case 'plot/drawn':
        env.drawn?.(message.report);
        return;
      case 'log':
        env.log(message.level, `Plot webview: ${message.message}`);
        return;
      default:
        assertNever(message);
    }
  }
}
