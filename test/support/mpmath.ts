/**
 * The outside reference for checks beyond the shared files: Debian's /usr/bin/python3 with
 * mpmath (`apt-get install -y python3-mpmath`). Tests that need it skip, saying why, without it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export const PYTHON = '/usr/bin/python3';

let available: boolean | undefined;

/** Whether /usr/bin/python3 can import mpmath (asked once per run). */
export function hasMpmath(): boolean {
  available ??= fs.existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import mpmath'], { encoding: 'utf8' }).status === 0;
  return available;
}

/** For a mocha `before` hook: skips the suite, saying why, when mpmath is absent. */
export function skipWithoutMpmath(context: Mocha.Context): void {
  if (hasMpmath()) return;
  console.log('    (skipped: /usr/bin/python3 with mpmath not found; apt-get install -y python3-mpmath)');
  context.skip();
}
