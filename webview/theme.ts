/**
 * Colours and fonts of the plot, read from the CSS variables VS Code puts on the page
 * (`--vscode-*`), so the charts look native in dark, light and high-contrast themes and follow
 * a theme change without a reload.
 */
import type { FunctionId } from '../src/core/types';

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
  color(fn: FunctionId): string;
}

/**
 * A stable colour per function, in a variant for dark and one for light backgrounds. The dark
 * variants of the GELU family, SiLU, Tanh and Softplus are VS Code's default chart colours; the
 * theme's own `--vscode-charts-*` are not used, since themes tint them (Dark Modern's orange is a
 * translucent red-orange next to Tanh's red) and 14 curves must stay apart whatever the theme.
 */
export const PALETTE: Readonly<Record<FunctionId, { readonly dark: string; readonly light: string }>> = {
  gelu: { dark: '#3794ff', light: '#1565c0' },
  gelu_tanh: { dark: '#e0a030', light: '#9a5b00' },
  gelu_sigmoid: { dark: '#89d185', light: '#2e7a2b' },
  silu: { dark: '#b180d7', light: '#652d90' },
  mish: { dark: '#f48fb1', light: '#c2185b' },
  softplus: { dark: '#cca700', light: '#796300' },
  sigmoid: { dark: '#4dd0e1', light: '#00717b' },
  tanh: { dark: '#f35c5c', light: '#d01010' },
  elu: { dark: '#c8a27a', light: '#795033' },
  selu: { dark: '#c0ca33', light: '#5c6a00' },
  relu: { dark: '#bdbdbd', light: '#5f5f5f' },
  leaky_relu: { dark: '#ff8a65', light: '#bf360c' },
  relu6: { dark: '#9fa8da', light: '#3949ab' },
  hardswish: { dark: '#80cbc4', light: '#00796b' },
};

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

/** Reads the current theme from the page. */
export function readTheme(): Theme {
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
    color: (fn) => (lightish ? PALETTE[fn].light : PALETTE[fn].dark),
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
    color: (fn) => PALETTE[fn].light,
  };
}

export { withAlpha };

/**
 * Calls `onChange` (at most once a frame) when VS Code switches theme: it rewrites the body's
 * class and the variables in the root element's style attribute. Returns a stop function.
 */
export function watchTheme(onChange: (theme: Theme) => void): () => void {
  let scheduled = false;
  const fire = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      onChange(readTheme());
    });
  };
  const observer = new MutationObserver(fire);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  return () => observer.disconnect();
}
