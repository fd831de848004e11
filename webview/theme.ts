/**
 * Colours and fonts of the plot, read from the CSS variables VS Code puts on the page
 * (`--vscode-*`), so the charts look native in dark, light and high-contrast themes and follow
 * a theme change without a reload. Under forced colours (Windows high contrast) the system colours win.
 */
import type { FunctionId } from '../src/core/types';
import { swatchOf } from './palette';

export type ThemeKind = 'dark' | 'light' | 'hc-dark' | 'hc-light';

export interface Theme {
  readonly kind: ThemeKind;
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  readonly grid: string;
  readonly axis: string;
  readonly focus: string;
  readonly fontFamily: string;
  readonly monoFamily: string;
  readonly fontSize: number;
  /** Curve width in CSS pixels (wider in high contrast). */
  readonly lineWidth: number;
  /** The curve colour of `fn` on this background. */
  color(fn: FunctionId): string;
  /** The palette slot of each function (from the host's catalogue). */
  readonly slotOf: (fn: FunctionId) => number;
}

export function themeKindOf(body: HTMLElement): ThemeKind {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'hc-light';
  if (c.contains('vscode-high-contrast')) return 'hc-dark';
  if (c.contains('vscode-light')) return 'light';
  if (c.contains('vscode-dark')) return 'dark';
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

function withAlpha(color: string, alpha: number): string {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])([0-9a-f])?$/i.exec(color.trim());
  if (short) color = `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  const hex = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(color.trim());
  if (hex) {
    const n = parseInt(hex[1] as string, 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  }
  const rgb = /^rgba?\(([^,]+),([^,]+),([^,)]+)/i.exec(color.trim());
  if (rgb) return `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${alpha})`;
  return color;
}

const FORCED_COLORS = '(forced-colors: active)';

/** Whether the system forces its own colours (Windows high contrast); the page's colours are then replaced. */
export function forcedColors(): boolean {
  return window.matchMedia?.(FORCED_COLORS).matches ?? false;
}

/** The value of a CSS system colour (`Canvas`, `CanvasText`, `Highlight`…) as `rgb(…)`. */
function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  probe.style.setProperty('forced-color-adjust', 'none');
  probe.hidden = true;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

/** Relative luminance (WCAG) of an `rgb(…)` or `#rrggbb` colour; 0 when it cannot be read. */
function luminance(color: string): number {
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(color) ?? /^#(..)(..)(..)$/.exec(color)?.slice(0, 4).map((h, i) => (i === 0 ? h : String(parseInt(h, 16))));
  if (!rgb) return 0;
  const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The theme under forced colours: the canvas is not repainted by the system (its CSS says
 * `forced-color-adjust: none`) but sits on the system's `Canvas`, so text, axes and grid use
 * `CanvasText` and the curves the palette half made for that background; the VS Code variables,
 * which still describe the editor theme, would give white text on a white Canvas.
 */
function forcedTheme(base: Theme, slotOf: (fn: FunctionId) => number): Theme {
  const background = systemColor('Canvas');
  const foreground = systemColor('CanvasText');
  const lightish = luminance(background) > 0.5;
  return {
    ...base,
    background,
    foreground,
    muted: foreground,
    grid: withAlpha(foreground, 0.35),
    axis: foreground,
    focus: systemColor('Highlight'),
    lineWidth: 2.5,
    color: (fn) => (lightish ? swatchOf(slotOf(fn)).light : swatchOf(slotOf(fn)).dark),
  };
}

/** Reads the current theme from the page; `slotOf` gives each function's palette slot. */
export function readTheme(slotOf: (fn: FunctionId) => number): Theme {
  const theme = readEditorTheme(slotOf);
  return forcedColors() ? forcedTheme(theme, slotOf) : theme;
}

function readEditorTheme(slotOf: (fn: FunctionId) => number): Theme {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const kind = themeKindOf(document.body);
  const lightish = kind === 'light' || kind === 'hc-light';
  const highContrast = kind === 'hc-dark' || kind === 'hc-light';
  const foreground = v('--vscode-editor-foreground', v('--vscode-foreground', lightish ? '#3b3b3b' : '#cccccc'));
  const contrastBorder = style.getPropertyValue('--vscode-contrastBorder').trim();
  const fontSize = parseFloat(v('--vscode-font-size', '13px')) || 13;
  return {
    kind,
    background: v('--vscode-editor-background', lightish ? '#ffffff' : '#1e1e1e'),
    foreground,
    muted: v('--vscode-descriptionForeground', withAlpha(foreground, 0.7)),
    grid: highContrast && contrastBorder ? withAlpha(contrastBorder, 0.45) : withAlpha(foreground, lightish ? 0.1 : 0.12),
    axis: highContrast && contrastBorder ? contrastBorder : withAlpha(foreground, 0.35),
    focus: v('--vscode-focusBorder', '#007fd4'),
    fontFamily: v('--vscode-font-family', 'system-ui, sans-serif'),
    monoFamily: v('--vscode-editor-font-family', 'monospace'),
    fontSize,
    lineWidth: highContrast ? 2.5 : 1.75,
    color: (fn) => (lightish ? swatchOf(slotOf(fn)).light : swatchOf(slotOf(fn)).dark),
    slotOf,
  };
}

/** A fixed light theme for exports on a light background, whatever the editor's theme. */
export function lightExportTheme(base: Theme): Theme {
  return {
    ...base,
    kind: 'light',
    background: '#ffffff',
    foreground: '#1f1f1f',
    muted: '#5f5f5f',
    grid: 'rgba(0, 0, 0, 0.1)',
    axis: 'rgba(0, 0, 0, 0.4)',
    lineWidth: 1.75,
    color: (fn) => swatchOf(base.slotOf(fn)).light,
  };
}

export { withAlpha };

/**
 * Calls `onChange` (at most once a frame) when VS Code switches theme: it rewrites the body's
 * class and the variables in the root element's style attribute. Returns a stop function.
 */
export function watchTheme(slotOf: (fn: FunctionId) => number, onChange: (theme: Theme) => void): () => void {
  let scheduled = false;
  const fire = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      onChange(readTheme(slotOf));
    });
  };
  const observer = new MutationObserver(fire);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  // Windows high contrast switched on or off while the panel is open.
  const forced = window.matchMedia?.(FORCED_COLORS);
  forced?.addEventListener('change', fire);
  return () => {
    observer.disconnect();
    forced?.removeEventListener('change', fire);
  };
}
