/**
 * The documents in `examples/` (the demo among them), found from the compiled or the source module
 * alike by walking up to the folder that holds both `package.json` and `examples/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function examplesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'examples'))) return join(dir, 'examples');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the examples folder is missing from this installation');
    dir = parent;
  }
}

export const DEMO_FILE = 'demo.json';

export function readDemo(): string {
  return readFileSync(join(examplesDir(), DEMO_FILE), 'utf8');
}
