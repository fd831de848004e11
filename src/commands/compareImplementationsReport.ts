/**
 * The Markdown report of "GELU Lab: Compare Implementations…": sweep tables of the chosen
 * implementations in one format (one table per mode) and the tolerance advisor's result for each
 * against the first. Pure (no vscode), so unit tests read exactly what the command writes.
 */
import { activations } from '../core/activations';
import { formatNumber, formatUlps, markdownTable, raw, codeSpan } from '../text/format';
import { implementations, type ImplementationId, type Mode } from '../core/implementations';
import { FORMAT_INFO, type Format } from '../core/precision';
import { advise, sweep, sweepInputs, type InputSet } from '../core/sweep';

export interface CompareRequest {
  /** At least one; the first is the advisor's reference ("training" side, float32 per-op). */
  readonly ids: readonly ImplementationId[];
  readonly format: Format;
  readonly modes: readonly Mode[];
  readonly inputs: InputSet;
}

export function describeInputs(set: InputSet): string {
  return set.kind === 'uniform' ? `uniform in [${formatNumber(set.lo)}, ${formatNumber(set.hi)}]` : `N(0, ${formatNumber(set.sigma)}²)`;
}

function inputsOfSweep(format: Format): string {
  const n = sweepInputs(format).length.toLocaleString('en-US');
  return format === 'float32' || format === 'float64'
    ? `a stratified sample of ${n} ${format} inputs (the same number for each sign and binary exponent, subnormals included)`
    : `every finite ${format} value (${n} inputs)`;
}

const ulps = (u: number): string => (Number.isFinite(u) ? formatUlps(u) : '—');
const at = (x: number): string => (Number.isNaN(x) ? '—' : formatNumber(x));

/** The report as Markdown. */
export function compareReport(req: CompareRequest): string {
  const { format } = req;
  const info = FORMAT_INFO[format];
  const lines: string[] = [];
  lines.push(`# GELU Lab: implementations in ${format}`, '');
  lines.push(
    `Inputs: ${inputsOfSweep(format)}. Errors are in ulps of ${format} (${info.precision} significand bits, largest finite ${formatNumber(info.max)}${info.infinities ? '' : ', no infinities: overflow is NaN'}) against the true value correctly rounded to ${format}: of the implementation's own function, and of exact GELU.`,
    '',
    'Model: every operation and constant rounded to the working format; exp, log, log1p, tanh, erf, erfc and sigmoid return the true value rounded to it. `fp32-opmath` widens the input to float32, computes in float32 and rounds the output (PyTorch for bfloat16/float16 tensors).',
    '',
  );
  for (const mode of req.modes) {
    lines.push(`## ${format}, ${mode}`, '');
    const rows = req.ids.map((id) => {
      const impl = implementations[id];
      const own = sweep(id, format, mode);
      const gelu = activations[impl.fn].family === 'gelu' ? sweep(id, format, mode, 'gelu') : undefined;
      return [
        raw(codeSpan(id)),
        impl.fn,
        ulps(own.maxUlp),
        at(own.argMax),
        ulps(own.meanUlp),
        String(own.nan),
        String(own.inf),
        String(own.zeroWhereNonzero),
        String(own.wrongSign),
        gelu === undefined ? '—' : ulps(gelu.maxUlp),
        gelu === undefined ? '—' : at(gelu.argMax),
      ];
    });
    lines.push(
      markdownTable(
        ['Implementation', 'Own function', 'Max ulp', 'at x', 'Mean ulp', 'NaN', '±∞', '0 where ≠ 0', 'Wrong sign', 'Max ulp vs GELU', 'at x'],
        rows,
        { align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'], pad: true },
      ),
      '',
    );
  }
  const reference = req.ids[0];
  if (reference !== undefined && req.ids.length > 1) {
    lines.push(`## Tolerance advisor: against ${reference} in float32 (per-op), inputs ${describeInputs(req.inputs)}`, '');
    for (const id of req.ids.slice(1)) {
      for (const mode of req.modes) {
        const a = advise({ actual: { id, format, mode }, expected: { id: reference, format: 'float32', mode: 'per-op' }, inputs: req.inputs });
        lines.push(
          `### ${id} (${format}, ${mode})`,
          '',
          `Max |a − b| = ${formatNumber(a.maxAbs)} at x = ${at(a.maxAbsAt)}; max relative difference ${formatNumber(a.maxRel)} at x = ${at(a.maxRelAt)}` +
            (a.mismatchedNonFinite > 0 ? `; ${a.mismatchedNonFinite} inputs where one side is NaN or infinite and the other is not.` : '.'),
          '',
          a.atol === undefined ? 'No atol/rtol pair on the grid holds.' : `Smallest pair on the grid: atol = ${a.atol}, rtol = ${a.rtol ?? 0}.`,
          '',
          '```python',
          a.assertions.torch,
          '',
          a.assertions.numpy,
          '',
          a.assertions.jax,
          '```',
          '',
        );
      }
    }
  }
  return lines.join('\n');
}
