/** Public surface of the numeric core. */
export { erf, erfc, normalCdf, normalPdf } from './erf';
export { activations } from './activations';
export * from './types';
export * from './sample';
export * from './approxError';
export * from './precision';
