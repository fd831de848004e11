import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, hoverLanguageAllowed, sanitizeConfig } from '../../src/configModel';

const from = (values: Record<string, unknown>) => (key: string) => values[key];

describe('sanitizeConfig', () => {
  it('gives the defaults when nothing is set', () => {
    const { config, problems } = sanitizeConfig(from({}));
    assert.deepEqual(config, DEFAULT_CONFIG);
    assert.deepEqual(problems, []);
  });

  it('keeps valid values', () => {
    const { config, problems } = sanitizeConfig(from({ 'plot.functions': ['silu', 'mish'], 'plot.xMin': -40, 'plot.xMax': 3, 'hover.maxValues': 10 }));
    assert.deepEqual(config.plot.functions, ['silu', 'mish']);
    assert.equal(config.plot.xMin, -40);
    assert.equal(config.hover.maxValues, 10);
    assert.deepEqual(problems, []);
  });

  it('drops unknown function ids with a message naming them, and falls back when none is left', () => {
    const some = sanitizeConfig(from({ 'hover.functions': ['gelu', 'geluu'] }));
    assert.deepEqual(some.config.hover.functions, ['gelu']);
    assert.match(some.problems[0]?.message ?? '', /"geluu"/);
    const none = sanitizeConfig(from({ 'hover.functions': [42, null] }));
    assert.deepEqual(none.config.hover.functions, DEFAULT_CONFIG.hover.functions);
  });

  it('clamps numbers out of range and rejects non-numbers', () => {
    const { config, problems } = sanitizeConfig(from({ 'plot.samplesPerPixel': 99, 'hover.maxValues': 'many' }));
    assert.equal(config.plot.samplesPerPixel, 4);
    assert.equal(config.hover.maxValues, DEFAULT_CONFIG.hover.maxValues);
    assert.equal(problems.length, 2);
  });

  it('restores the default range when min is not below max', () => {
    const { config, problems } = sanitizeConfig(from({ 'plot.xMin': 5, 'plot.xMax': 5 }));
    assert.equal(config.plot.xMin, DEFAULT_CONFIG.plot.xMin);
    assert.equal(config.plot.xMax, DEFAULT_CONFIG.plot.xMax);
    assert.equal(problems.length, 1);
  });

  it('reads the snippets’ detailed-comments switch and refuses a non-boolean', () => {
    assert.equal(sanitizeConfig(from({ 'snippets.detailedComments': true })).config.snippets.detailedComments, true);
    const bad = sanitizeConfig(from({ 'snippets.detailedComments': 'yes' }));
    assert.equal(bad.config.snippets.detailedComments, false);
    assert.match(bad.problems[0]?.message ?? '', /snippets\.detailedComments must be true or false/);
  });

  it('rejects a non-boolean and a non-list of languages', () => {
    const { config, problems } = sanitizeConfig(from({ 'hover.enabled': 'yes', 'hover.languages': 'python' }));
    assert.equal(config.hover.enabled, true);
    assert.deepEqual(config.hover.languages, ['*']);
    assert.deepEqual(problems.map((p) => p.key).sort(), ['hover.enabled', 'hover.languages', 'hover.languages']);
  });

  it('hover.numbers: "selection" by default, "always" and "off" kept, anything else refused', () => {
    assert.equal(sanitizeConfig(from({})).config.hover.numbers, 'selection');
    assert.equal(sanitizeConfig(from({ 'hover.numbers': 'always' })).config.hover.numbers, 'always');
    assert.equal(sanitizeConfig(from({ 'hover.numbers': 'off' })).config.hover.numbers, 'off');
    const bad = sanitizeConfig(from({ 'hover.numbers': 'constructor' }));
    assert.equal(bad.config.hover.numbers, 'selection');
    assert.match(bad.problems[0]?.message ?? '', /must be one of "selection", "always", "off"/);
  });

  it('hover.languages: still applied with a deprecation message; [] means no language', () => {
    const none = sanitizeConfig(from({ 'hover.languages': [] }));
    assert.deepEqual(none.config.hover.languages, []);
    assert.equal(hoverLanguageAllowed(none.config.hover.languages, 'python'), false);
    assert.match(none.problems[0]?.message ?? '', /deprecated.*"\[python\]": \{ "geluLab\.hover\.enabled": false \}/);
    const py = sanitizeConfig(from({ 'hover.languages': ['python'] })).config.hover.languages;
    assert.equal(hoverLanguageAllowed(py, 'python'), true);
    assert.equal(hoverLanguageAllowed(py, 'csv'), false);
    assert.equal(hoverLanguageAllowed(DEFAULT_CONFIG.hover.languages, 'csv'), true);
    assert.deepEqual(sanitizeConfig(from({})).problems, [], 'no deprecation message while the setting is unset');
  });
});
