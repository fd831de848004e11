import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandId } from '../../src/commands/ids';
import { DEFAULT_CONFIG } from '../../src/configModel';
import { activations } from '../../src/core/activations';
import { FUNCTION_IDS } from '../../src/core/types';
import { REPO } from '../support/repo';

interface Manifest {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, { default: unknown; enum?: unknown[]; items?: { enum?: unknown[]; enumDescriptions?: unknown[] } }> };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Manifest;

describe('package.json', () => {
  it('declares exactly the commands of CommandId, each in the GELU Lab category', () => {
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(declared, Object.values(CommandId).sort());
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'GELU Lab', c.command);
  });

  it('has defaults that equal DEFAULT_CONFIG, so one defaults object rules', () => {
    const props = manifest.contributes.configuration.properties;
    const flat: Record<string, unknown> = {
      'geluLab.plot.functions': DEFAULT_CONFIG.plot.functions,
      'geluLab.plot.xMin': DEFAULT_CONFIG.plot.xMin,
      'geluLab.plot.xMax': DEFAULT_CONFIG.plot.xMax,
      'geluLab.plot.samplesPerPixel': DEFAULT_CONFIG.plot.samplesPerPixel,
      'geluLab.hover.enabled': DEFAULT_CONFIG.hover.enabled,
      'geluLab.hover.numbers': DEFAULT_CONFIG.hover.numbers,
      'geluLab.hover.languages': DEFAULT_CONFIG.hover.languages,
      'geluLab.hover.functions': DEFAULT_CONFIG.hover.functions,
      'geluLab.hover.maxValues': DEFAULT_CONFIG.hover.maxValues,
      'geluLab.snippets.detailedComments': DEFAULT_CONFIG.snippets.detailedComments,
    };
    assert.deepEqual(Object.keys(props).sort(), Object.keys(flat).sort());
    for (const [key, value] of Object.entries(flat)) assert.deepEqual(props[key]?.default, value, key);
  });

  it('lets each language override the hover settings except the deprecated language list', () => {
    const props = manifest.contributes.configuration.properties as Record<string, { scope?: string } | undefined>;
    for (const key of ['geluLab.hover.enabled', 'geluLab.hover.numbers', 'geluLab.hover.functions', 'geluLab.hover.maxValues']) {
      assert.equal(props[key]?.scope, 'language-overridable', key);
    }
    assert.equal(props['geluLab.hover.languages']?.scope, undefined);
  });

  it('offers exactly the registry ids in the function-list settings, described by their records', () => {
    for (const key of ['geluLab.plot.functions', 'geluLab.hover.functions']) {
      const items = manifest.contributes.configuration.properties[key]?.items;
      assert.deepEqual(items?.enum, [...FUNCTION_IDS], `${key}: enum, in registry order`);
      assert.deepEqual(items?.enumDescriptions, FUNCTION_IDS.map((id) => activations[id].summary), `${key}: enumDescriptions are the records' summaries`);
    }
  });

  it('accepts Code 1.137 and 1.139 with @types/vscode no newer than the engine', () => {
    assert.match(manifest.engines.vscode, /^\^1\.(\d+)\.0$/);
    const engineMinor = Number(/^\^1\.(\d+)/.exec(manifest.engines.vscode)?.[1]);
    assert.ok(engineMinor <= 137, 'engine accepts 1.137');
    const typesMinor = Number(/^\D*1\.(\d+)/.exec(manifest.devDependencies['@types/vscode'] ?? '')?.[1]);
    assert.ok(typesMinor <= engineMinor, '@types/vscode is not newer than engines.vscode');
  });
});
