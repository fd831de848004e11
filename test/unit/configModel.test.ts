import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, hoverLanguageAllowed, sanitizeConfig } from '../../src/configModel';
import { defaultState } from '../../src/plot/sampling';
import { checkRange, parsePlotState } from '../../src/protocol';

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

  it('refuses a range too narrow to plot (0…1e-12) with the plot\'s own rule, so the panel gets a state it accepts', () => {
    assert.notEqual(checkRange(0, 1e-12), null);
    const { config, problems } = sanitizeConfig(from({ 'plot.xMin': 0, 'plot.xMax': 1e-12 }));
    assert.equal(config.plot.xMin, DEFAULT_CONFIG.plot.xMin);
    assert.equal(config.plot.xMax, DEFAULT_CONFIG.plot.xMax);
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.message ?? '', /too narrow/);
    for (const mode of ['panel', 'view'] as const) assert.ok(parsePlotState(defaultState(config.plot, mode)).ok);
  });

  it('keeps any range the plot accepts, however narrow', () => {
    const { config, problems } = sanitizeConfig(from({ 'plot.xMin': 0, 'plot.xMax': 1e-8 }));
    assert.deepEqual([config.plot.xMin, config.plot.xMax], [0, 1e-8]);
    assert.deepEqual(problems, []);
  });

  it('names at most 10 unknown function ids in a short message (100,000 typed)', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `fn${i}`);
    const { config, problems } = sanitizeConfig(from({ 'plot.functions': ['silu', ...ids] }));
    assert.deepEqual(config.plot.functions, ['silu']);
    const message = problems[0]?.message ?? '';
    assert.ok(message.length < 1000, `message of ${message.length} characters`);
    assert.match(message, /"fn0", .*"fn9" and 99,990 more/);
    assert.doesNotMatch(message, /"fn10"/);
  });

  it('shortens a very long unknown id in the message', () => {
    const { problems } = sanitizeConfig(from({ 'hover.functions': ['x'.repeat(100_000)] }));
    assert.ok((problems[0]?.message.length ?? 0) < 1000);
  });
});
