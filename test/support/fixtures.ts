/** Protocol values the unit tests start from. */
import type { SampleRequest } from '../../src/protocol';

/** A valid sample request (GELU, f f′ f″ on [−4, 4], 800 px, float64 curves), with `overrides`. */
export function sampleRequest(overrides: Partial<SampleRequest> = {}): SampleRequest {
  return {
    functions: ['gelu'],
    params: {},
    range: { min: -4, max: 4 },
    widthPx: 800,
    orders: [0, 1, 2],
    precision: 'float64',
    view: 'curves',
    errorKind: 'abs',
    ...overrides,
  };
}
