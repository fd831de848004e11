/**
 * The plot's curve colours, indexed by a function's colour slot (`Activation.colorSlot`, sent in
 * the protocol's FunctionInfo), each in a variant for dark and one for light backgrounds. Pure
 * data: test/unit/webview/palette.test.ts checks that every registry slot has a colour.
 *
 * Every colour keeps at least 4.5:1 contrast on the default editor backgrounds (#1e1e1e dark,
 * #ffffff light; test/unit/webview/palette.test.ts). Slots 0, 1, 2, 3, 5 and 7 (the GELU family, SiLU, Softplus, Tanh today) are VS Code's default
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
  { dark: '#917cf8', light: '#2409aa' }, // relu2
  { dark: '#f8ad77', light: '#aa4c09' }, // xielu
  { dark: '#8de2b8', light: '#207e4f' }, // snake
  { dark: '#ea86b8', light: '#981b59' }, // celu
  { dark: '#7ecbf1', light: '#1271a1' }, // softsign
  { dark: '#eded82', light: '#707010' }, // hardtanh
  { dark: '#d89797', light: '#813131' }, // hard_sigmoid
  { dark: '#d67bf4', light: '#7f0da5' }, // log_sigmoid
  { dark: '#94dbd5', light: '#297a74' }, // tanhshrink
  { dark: '#dfcb90', light: '#826b26' }, // softshrink
  { dark: '#74acfb', light: '#044bae' }, // hardshrink
  { dark: '#acdb94', light: '#447a29' }, // sparse_plus
  { dark: '#d897cd', light: '#813174' }, // squareplus
  { dark: '#e2a28d', light: '#8f3e24' }, // laplace
  { dark: '#97cdd8', light: '#317481' }, // gelu_ibert
];

/** The swatch of `slot`; slots past the palette's end reuse it from the start. */
export function swatchOf(slot: number): Swatch {
  const n = PALETTE.length;
  return PALETTE[((Math.trunc(slot) % n) + n) % n]!;
}
