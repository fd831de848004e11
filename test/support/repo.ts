/**
 * The repository root, found from this file's folder upwards (the package.json named
 * gelu-lab), so that it is right whether the tests run from source or from a bundle.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRepo(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'gelu-lab') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no gelu-lab package.json above ${from}`);
  }
}

export const REPO = findRepo(__dirname);
