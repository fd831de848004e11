/**
 * The plot's curve colours, indexed by a function's colour slot (`Activation.colorSlot`, sent in
 * the protocol's FunctionInfo), each in a variant for dark and one for light backgrounds. Pure
 * data: test/unit/webview/palette.test.ts checks that every registry slot has a colour.
 *
 * Slots 0, 1, 2, 3, 5 and 7 (the GELU family, SiLU, Softplus, Tanh today) are VS Code's default
 * chart colours; the theme's own `--vscode-charts-*` are not used, since themes tint them (Dark
 * Modern's orange is a translucent red-orange next to red) and many curves must stay apart
 * whatever the theme.
 */
export interface Swatch {
  readonly dark: string;
  readonly light: string;
}

export const PALETTE: readonly Swatch[] = [
  { dark: '#3794ff', light: '#1565c0' },
  { dark: '#e0a030', light: '#9a5b00' },
  { dark: '#89d185', light: '#2e7a2b' },
  { dark: '#b180d7', light: '#652d90' },
  { dark: '#f48fb1', light: '#c2185b' },
  { dark: '#cca700', light: '#796300' },
  { dark: '#4dd0e1', light: '#00717b' },
  { dark: '#f35c5c', light: '#d01010' },
  { dark: '#c8a27a', light: '#795033' },
  { dark: '#c0ca33', light: '#5c6a00' },
  { dark: '#bdbdbd', light: '#5f5f5f' },
  { dark: '#ff8a65', light: '#bf360c' },
  { dark: '#9fa8da', light: '#3949ab' },
  { dark: '#80cbc4', light: '#00796b' },
];

/** The swatch of `slot`; slots past the palette's end reuse it from the start. */
export function swatchOf(slot: number): Swatch {
  const n = PALETTE.length;
  return PALETTE[((Math.trunc(slot) % n) + n) % n]!;
}
