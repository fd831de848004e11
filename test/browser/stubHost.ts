/**
 * A stub of the extension host for the plot webview in a plain browser page: defines
 * `acquireVsCodeApi` and answers the webview with the real {@link PlotSession} (the same
 * validation, sampling and replies as in VS Code), recording everything for the tests.
 * Loaded before dist/webview.js; configured through `window.__stubInit` (set by the test).
 */
import type { Config } from '../../src/configModel';
import type { HostToWebview, PlotShow, PlotState } from '../../src/protocol';
import { PlotSession } from '../../src/plot/session';

type ThemeName = 'dark' | 'light' | 'hc-dark' | 'hc-light';

interface StubInit {
  mode?: 'panel' | 'view';
  plot?: Partial<Config['plot']>;
  /** What getState() returns at load (a restored webview). */
  savedState?: PlotState | null;
  theme?: ThemeName;
}

/** A representative subset of the variables VS Code's Dark Modern, Light Modern and High Contrast themes set. */
const THEMES: Readonly<Record<ThemeName, { bodyClass: string; vars: Record<string, string> }>> = {
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc', foreground: '#cccccc', descriptionForeground: '#9d9d9d',
      focusBorder: '#0078d4', 'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-hoverBackground': '#026ec1',
      'button-border': '#ffffff12', 'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc',
      'button-secondaryHoverBackground': '#3c3c3c', 'input-background': '#313131', 'input-border': '#3c3c3c', 'input-foreground': '#cccccc',
      'dropdown-background': '#313131', 'dropdown-border': '#3c3c3c', 'dropdown-foreground': '#cccccc', 'sideBar-background': '#181818',
      'sideBarSectionHeader-foreground': '#cccccc', 'panel-border': '#2b2b2b', 'widget-border': '#313131', 'textCodeBlock-background': '#2b2b2b',
      'editorHoverWidget-background': '#202020', 'editorHoverWidget-border': '#454545', 'editorHoverWidget-foreground': '#cccccc',
      'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-purple': '#b180d7', 'charts-red': '#f14c4c',
      'charts-yellow': '#cca700', 'errorForeground': '#f85149', 'inputValidation-errorBorder': '#be1100', 'checkbox-selectBackground': '#0078d4',
      'editorCursor-foreground': '#aeafad', 'list-hoverBackground': '#2a2d2e',
    },
  },
  light: {
    bodyClass: 'vscode-light',
    vars: {
      'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b', foreground: '#3b3b3b', descriptionForeground: '#616161',
      focusBorder: '#005fb8', 'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0258a8',
      'button-border': '#0000001a', 'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b',
      'button-secondaryHoverBackground': '#cccccc', 'input-background': '#ffffff', 'input-border': '#cecece', 'input-foreground': '#3b3b3b',
      'dropdown-background': '#ffffff', 'dropdown-border': '#cecece', 'dropdown-foreground': '#3b3b3b', 'sideBar-background': '#f8f8f8',
      'sideBarSectionHeader-foreground': '#3b3b3b', 'panel-border': '#e5e5e5', 'widget-border': '#e5e5e5', 'textCodeBlock-background': '#f3f3f3',
      'editorHoverWidget-background': '#f8f8f8', 'editorHoverWidget-border': '#c8c8c8', 'editorHoverWidget-foreground': '#3b3b3b',
      'charts-blue': '#1a85ff', 'charts-orange': '#d18616', 'charts-green': '#388a34', 'charts-purple': '#652d90', 'charts-red': '#e51400',
      'charts-yellow': '#bf8803', 'errorForeground': '#f85149', 'inputValidation-errorBorder': '#be1100', 'checkbox-selectBackground': '#005fb8',
      'editorCursor-foreground': '#000000', 'list-hoverBackground': '#f2f2f2',
    },
  },
  'hc-dark': {
    bodyClass: 'vscode-high-contrast',
    vars: {
      'editor-background': '#000000', 'editor-foreground': '#ffffff', foreground: '#ffffff', descriptionForeground: '#ffffff',
      focusBorder: '#f38518', contrastBorder: '#6fc3df', 'button-background': '#000000', 'button-foreground': '#ffffff', 'button-border': '#6fc3df',
      'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff', 'input-background': '#000000', 'input-border': '#6fc3df',
      'input-foreground': '#ffffff', 'dropdown-background': '#000000', 'dropdown-border': '#6fc3df', 'dropdown-foreground': '#ffffff',
      'sideBar-background': '#000000', 'panel-border': '#6fc3df', 'widget-border': '#6fc3df', 'textCodeBlock-background': '#000000',
      'editorHoverWidget-background': '#0c141f', 'editorHoverWidget-border': '#6fc3df', 'charts-blue': '#3794ff', 'charts-orange': '#d18616',
      'charts-green': '#89d185', 'charts-purple': '#b180d7', 'charts-red': '#f14c4c', 'charts-yellow': '#cca700', 'errorForeground': '#f48771',
      'editorCursor-foreground': '#ffffff', contrastActiveBorder: '#f38518',
    },
  },
  'hc-light': {
    bodyClass: 'vscode-high-contrast-light',
    vars: {
      'editor-background': '#ffffff', 'editor-foreground': '#292929', foreground: '#292929', descriptionForeground: '#292929',
      focusBorder: '#006bbd', contrastBorder: '#0f4a85', contrastActiveBorder: '#006bbd', 'button-background': '#0f4a85',
      'button-foreground': '#ffffff', 'button-border': '#0f4a85', 'button-secondaryBackground': '#ffffff', 'button-secondaryForeground': '#292929',
      'input-background': '#ffffff', 'input-border': '#0f4a85', 'input-foreground': '#292929', 'dropdown-background': '#ffffff',
      'dropdown-border': '#0f4a85', 'dropdown-foreground': '#292929', 'sideBar-background': '#ffffff', 'panel-border': '#0f4a85',
      'widget-border': '#0f4a85', 'textCodeBlock-background': '#f2f2f2', 'editorHoverWidget-background': '#ffffff',
      'editorHoverWidget-border': '#0f4a85', 'errorForeground': '#b5200d', 'editorCursor-foreground': '#0f4a85',
    },
  },
};

const COMMON_VARS: Record<string, string> = {
  'font-family': '-apple-system, BlinkMacSystemFont, "Segoe UI", "Liberation Sans", sans-serif',
  'font-size': '13px',
  'font-weight': 'normal',
  'editor-font-family': '"Liberation Mono", "DejaVu Sans Mono", monospace',
};

/** Applies a theme the way VS Code does: variables in the root's style attribute, a class on body. */
function applyTheme(name: ThemeName): void {
  const theme = THEMES[name];
  const root = document.documentElement;
  for (let i = root.style.length - 1; i >= 0; i--) {
    const prop = root.style.item(i);
    if (prop.startsWith('--vscode-')) root.style.removeProperty(prop);
  }
  for (const [k, v] of Object.entries({ ...COMMON_VARS, ...theme.vars })) root.style.setProperty(`--vscode-${k}`, v);
  document.body.classList.remove('vscode-dark', 'vscode-light', 'vscode-high-contrast', 'vscode-high-contrast-light');
  document.body.classList.add(theme.bodyClass);
  document.body.dataset.vscodeThemeKind = theme.bodyClass;
}

interface Saved {
  readonly kind: 'png' | 'csv';
  readonly name: string;
  readonly bytes: Uint8Array;
}

const init: StubInit = (window as unknown as { __stubInit?: StubInit }).__stubInit ?? {};
const plot: Config['plot'] = { functions: ['gelu', 'gelu_tanh', 'gelu_sigmoid'], xMin: -4, xMax: 4, samplesPerPixel: 2, ...init.plot };

const stub = {
  /** Messages from the webview, as sent. */
  sent: [] as unknown[],
  /** Messages to the webview. */
  received: [] as HostToWebview[],
  saved: [] as Saved[],
  clipboard: [] as string[],
  logs: [] as string[],
  state: (init.savedState ?? undefined) as PlotState | undefined,
  plot,
  setTheme: applyTheme,
  /** When set, answers a matching request with this `error` instead of the session's reply (a host that refuses). */
  refuse: undefined as ((message: { type?: string }) => string | undefined) | undefined,
  /** Delivers any value to the webview as a host message would arrive. */
  toWebview(message: unknown): void {
    setTimeout(() => window.dispatchEvent(new MessageEvent('message', { data: message })), 0);
  },
  /** What `geluLab.openPlot` with an argument does: the session sends `plot/show` (queued until ready). */
  show(show: PlotShow): void {
    session.send({ type: 'plot/show', show });
  },
  /** Hands any value to the host session as if the webview had sent it; resolves with the replies it caused. */
  async toHost(message: unknown): Promise<HostToWebview[]> {
    const before = stub.received.length;
    await session.handle(message);
    return stub.received.slice(before);
  },
};

const session = new PlotSession({
  mode: init.mode ?? 'panel',
  plotConfig: () => stub.plot,
  post: (message) => {
    stub.received.push(message);
    stub.toWebview(message);
  },
  save: async (bytes, name, kind) => {
    stub.saved.push({ kind, name, bytes });
    return `/stub/${name}`;
  },
  writeClipboard: async (text) => {
    stub.clipboard.push(text);
  },
  log: (level, message) => {
    stub.logs.push(`${level}: ${message}`);
  },
});

applyTheme(init.theme ?? 'dark');

(window as unknown as { __stub: typeof stub }).__stub = stub;
(window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
  postMessage(message: unknown) {
    stub.sent.push(message);
    // postMessage clones; so does this, so the webview cannot share objects with the "host".
    const copy = structuredClone(message) as { type?: string; requestId?: number };
    const refusal = stub.refuse?.(copy);
    if (refusal !== undefined && typeof copy.requestId === 'number') {
      const reply: HostToWebview = { type: 'error', requestId: copy.requestId, message: refusal };
      stub.received.push(reply);
      stub.toWebview(reply);
      return;
    }
    setTimeout(() => void session.handle(copy), 0);
  },
  getState: () => stub.state,
  setState: (state: PlotState) => {
    stub.state = state;
  },
});

/** What the browser tier reads from the page (window.__stub). */
export type StubHost = typeof stub;
