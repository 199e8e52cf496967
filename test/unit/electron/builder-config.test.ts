/**
 * electron-builder.yml, checked offline: the fields packaging depends on, then electron-builder's
 * own validation (its scheme.json through the ajv it ships), without building anything.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { nativeBindingPath } from '../../../src-main/electron/lifecycle.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(`${repo}package.json`);

type Config = Record<string, unknown> & {
  directories?: { output?: string };
  files?: string[];
  asarUnpack?: string[];
  extraResources?: { from: string; to: string }[];
  linux?: { target?: string[]; category?: string; maintainer?: string };
  mac?: { target?: string; category?: string };
  win?: { target?: string };
};

interface DebugLogger {
  isEnabled: boolean;
  add(key: string, value: unknown): void;
}
type Validate = (config: unknown, debugLogger: DebugLogger) => Promise<void>;

const config = load(readFileSync(`${repo}electron-builder.yml`, 'utf8')) as Config;
const quietLogger: DebugLogger = { isEnabled: false, add: () => undefined };
let validateConfiguration: Validate;

beforeAll(() => {
  // The function electron-builder runs on its configuration before building.
  ({ validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration: Validate;
  });
});

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('dev.authbox.app');
    expect(config.productName).toBe('Authbox');
    expect(config.directories?.output).toBe('release');
  });

  it('packs only the compiled output, package.json and the example documents (builder adds production node_modules)', () => {
    const included = (config.files ?? []).filter((pattern) => !pattern.startsWith('!'));
    expect(included).toEqual(['dist/**/*', 'package.json', 'examples/*.json']);
  });

  it('ships the Electron build of better-sqlite3 as resources/native and never rebuilds node_modules', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.extraResources).toEqual([
      {
        from: 'build/electron-native/better-sqlite3/build/Release/better_sqlite3.node',
        to: 'native/better_sqlite3.node',
      },
    ]);
  });

  it('puts it where the packaged app loads it from', () => {
    expect(nativeBindingPath(true, '/opt/Authbox/resources', '/opt/Authbox/resources/app.asar')).toBe(
      join('/opt/Authbox/resources', config.extraResources![0]!.to),
    );
  });

  it('targets AppImage and deb, dmg and nsis, in the developer-tools categories', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Development' });
    expect(config.linux?.maintainer).toEqual(expect.any(String));
    expect(config.mac).toMatchObject({ target: 'dmg', category: 'public.app-category.developer-tools' });
    expect(config.win).toMatchObject({ target: 'nsis' });
  });

  it("passes electron-builder's own validation", async () => {
    await expect(validateConfiguration(structuredClone(config), quietLogger)).resolves.toBeUndefined();
  });

  it('the validation does catch a misspelled option', async () => {
    const misspelled = { ...structuredClone(config), npmRebuld: false };
    await expect(validateConfiguration(misspelled, quietLogger)).rejects.toThrow("unknown property 'npmRebuld'");
  });
});
