/**
 * Contour lines of a grid of values the host sent (marching squares): drawing, not computing
 * the function. No DOM, so the unit tier tests it.
 */

/** Contour levels: ±k·step for a round step that gives about 5 levels per sign, 0 included. */
export function contourLevels(maxAbs: number): number[] {
  if (!(maxAbs > 0) || !Number.isFinite(maxAbs)) return [0];
  const raw = maxAbs / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
  const levels: number[] = [];
  for (let k = -Math.floor(maxAbs / step); k <= Math.floor(maxAbs / step); k++) levels.push(k * step);
  return levels;
}

/**
 * Marching squares on `y` (row-major, `nx` along the slow index): the segments where y crosses
 * `level`, in grid coordinates (i along the first axis, j along the second), as [i0, j0, i1, j1].
 */
export function contourSegments(y: Float64Array, nx: number, ny: number, level: number): number[] {
  const out: number[] = [];
  const at = (i: number, j: number): number => y[i * ny + j]! - level;
  const cross = (a: number, b: number): number => a / (a - b);
  for (let i = 0; i + 1 < nx; i++) {
    for (let j = 0; j + 1 < ny; j++) {
      const v00 = at(i, j), v10 = at(i + 1, j), v11 = at(i + 1, j + 1), v01 = at(i, j + 1);
      if (!(Number.isFinite(v00) && Number.isFinite(v10) && Number.isFinite(v11) && Number.isFinite(v01))) continue;
      const pts: number[] = [];
      if ((v00 > 0) !== (v10 > 0)) pts.push(i + cross(v00, v10), j);
      if ((v10 > 0) !== (v11 > 0)) pts.push(i + 1, j + cross(v10, v11));
      if ((v11 > 0) !== (v01 > 0)) pts.push(i + 1 - cross(v11, v01), j + 1);
      if ((v01 > 0) !== (v00 > 0)) pts.push(i, j + 1 - cross(v01, v00));
      if (pts.length >= 4) out.push(pts[0]!, pts[1]!, pts[2]!, pts[3]!);
      if (pts.length === 8) out.push(pts[4]!, pts[5]!, pts[6]!, pts[7]!);
    }
  }
  return out;
}
