/**
 * Small inline SVG charts (sparklines) for hovers: curves already sampled by the core drawn as
 * polylines, returned as SVG text or a `data:image/svg+xml;base64,…` URI that Markdown can show
 * as an image. Pure: no `vscode`, no DOM. The SVG is plain ASCII and self-contained (an image in
 * a hover cannot read theme variables, so colours are mid-tones legible on light and dark).
 */

export interface SparkSeries {
  /** One y per x of {@link SparklineInput.xs}; non-finite values break the line. */
  readonly ys: Float64Array;
  /** A CSS colour in `#rgb`/`#rrggbb` form. */
  readonly color: string;
  /** Draws the curve dashed. */
  readonly dashed?: boolean;
}

export interface SparklineInput {
  /** Increasing sample positions. */
  readonly xs: Float64Array;
  readonly series: readonly SparkSeries[];
  /** Pixel size of the image (default 160 × 48). */
  readonly width?: number;
  readonly height?: number;
  /** The y range drawn; default: the range of the finite values of every series (plus 6 %). */
  readonly yRange?: readonly [number, number];
  /** Short text for the SVG `<title>` (ASCII). */
  readonly title?: string;
}

/** Colours for f and f′ in hovers. */
export const SPARK_COLORS = { f: '#3794ff', df: '#e5892d', axis: '#888888' } as const;

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

function finiteRange(series: readonly SparkSeries[]): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.ys.length; i++) {
      const y = s.ys[i] as number;
      if (Number.isFinite(y)) {
        if (y < lo) lo = y;
        if (y > hi) hi = y;
      }
    }
  }
  return lo <= hi ? [lo, hi] : undefined;
}

function round1(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[^\x20-\x7e]/g, '');
}

/**
 * The SVG text of a sparkline: each series as one `<path>` (split where values are not finite
 * or outside the drawn range by more than the height), thin axes at y = 0 and x = 0 when they
 * are inside the ranges. Returns an empty SVG of the requested size when nothing is drawable.
 * Throws nothing; colours that are not hex colours are replaced by grey.
 */
export function sparklineSvg(input: SparklineInput): string {
  const width = Math.max(8, Math.min(1000, Math.round(input.width ?? 160)));
  const height = Math.max(8, Math.min(1000, Math.round(input.height ?? 48)));
  const pad = 2;
  const xs = input.xs;
  const n = xs.length;
  const head = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`;
  const title = input.title ? `<title>${escapeXml(input.title)}</title>` : '';
  const x0 = n > 0 ? (xs[0] as number) : NaN;
  const x1 = n > 0 ? (xs[n - 1] as number) : NaN;
  const range = input.yRange ? ([input.yRange[0], input.yRange[1]] as [number, number]) : finiteRange(input.series);
  if (n < 2 || !(x1 > x0) || !Number.isFinite(x0) || !Number.isFinite(x1) || range === undefined || !Number.isFinite(range[0]) || !Number.isFinite(range[1])) {
    return `${head}${title}</svg>`;
  }
  // y is drawn in units of `scale` (the largest |y| of the range, a power of two), so that spans
  // near the largest double (a slope of 1e308) neither overflow to ∞ nor turn into NaN.
  const scale = 2 ** Math.max(-1022, Math.min(1023, Math.ceil(Math.log2(Math.max(Math.abs(range[0]), Math.abs(range[1]), Number.MIN_VALUE)))));
  let [y0, y1] = [range[0] / scale, range[1] / scale];
  if (!input.yRange) {
    const span = y1 - y0 || Math.max(1, Math.abs(y0));
    [y0, y1] = [y0 - 0.06 * span, y1 + 0.06 * span];
  }
  if (!(y1 > y0)) [y0, y1] = [y0 - 1, y0 + 1];
  const sx = (width - 2 * pad) / (x1 - x0);
  const sy = (height - 2 * pad) / (y1 - y0);
  const px = (x: number): number => pad + (x - x0) * sx;
  const py = (y: number): number => height - pad - (y / scale - y0) * sy;
  const parts: string[] = [head, title];
  if (y0 < 0 && y1 > 0) parts.push(`<path d="M${pad} ${round1(py(0))}H${width - pad}" stroke="${SPARK_COLORS.axis}" stroke-width="0.5" fill="none"/>`);
  if (x0 < 0 && x1 > 0) parts.push(`<path d="M${round1(px(0))} ${pad}V${height - pad}" stroke="${SPARK_COLORS.axis}" stroke-width="0.5" fill="none"/>`);
  const limit = height * 4;
  for (const s of input.series) {
    let d = '';
    let pen = false;
    const m = Math.min(n, s.ys.length);
    for (let i = 0; i < m; i++) {
      const y = s.ys[i] as number;
      const vy = py(y);
      if (!Number.isFinite(y) || vy < -limit || vy > height + limit) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${round1(px(xs[i] as number))} ${round1(vy)}`;
      pen = true;
    }
    if (d === '') continue;
    const color = HEX_COLOR.test(s.color) ? s.color : SPARK_COLORS.axis;
    const dash = s.dashed ? ' stroke-dasharray="3 2"' : '';
    parts.push(`<path d="${d}" stroke="${color}" stroke-width="1.5" fill="none" stroke-linejoin="round"${dash}/>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of the UTF-8 bytes of `text` (no dependency on Buffer or btoa). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += B64.charAt(v >> 18) + B64.charAt((v >> 12) & 63) + B64.charAt((v >> 6) & 63) + B64.charAt(v & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = (bytes[i] as number) << 16;
    out += `${B64.charAt(v >> 18)}${B64.charAt((v >> 12) & 63)}==`;
  } else if (rest === 2) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += `${B64.charAt(v >> 18)}${B64.charAt((v >> 12) & 63)}${B64.charAt((v >> 6) & 63)}=`;
  }
  return out;
}

/** `svg` as a `data:image/svg+xml;base64,…` URI (safe inside a Markdown link target). */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${base64Utf8(svg)}`;
}
