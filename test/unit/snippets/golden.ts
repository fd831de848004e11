/**
 * Golden files of generated snippets (test/golden/snippets): combinations whose exact text is
 * pinned, because no toolchain here runs them or because a reviewer should see a diff when the
 * text changes. `UPDATE_GOLDEN=1` rewrites them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateSnippet, type SnippetOptions } from '../../../src/snippets';
import { REPO } from '../../support/repo';

const GOLDEN_DIR = path.join(REPO, 'test/golden/snippets');

/** `target-variant[-grad][-fused][-module][-vec][-precision].ext`: the options that shape the text. */
export function goldenName(o: SnippetOptions): string {
  const s = generateSnippet(o);
  const tags = [o.target, o.variant, o.withDerivative ? 'grad' : '', o.fused ? 'fused' : '', o.form === 'module' ? 'module' : '', o.vectorised ? 'vec' : '', o.target === 'cuda' ? s.options.precision : ''];
  return `${tags.filter((t) => t !== '').join('-')}${s.fileExtension}`;
}

/** One test per combination: its plain code equals its golden file. */
export function describeGoldenFiles(title: string, cases: readonly SnippetOptions[]): void {
  describe(title, function () {
    const update = process.env.UPDATE_GOLDEN === '1';
    for (const o of cases) {
      const name = goldenName(o);
      it(`${name}${update ? ' (rewritten)' : ''}`, function () {
        const file = path.join(GOLDEN_DIR, name);
        const code = generateSnippet(o).plainCode;
        if (update) {
          fs.mkdirSync(GOLDEN_DIR, { recursive: true });
          fs.writeFileSync(file, code);
          return;
        }
        assert.ok(fs.existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1 to create it`);
        assert.equal(code, fs.readFileSync(file, 'utf8'), `${name} changed; if intended, run with UPDATE_GOLDEN=1 and review the diff`);
      });
    }
  });
}
