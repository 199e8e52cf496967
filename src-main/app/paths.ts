/**
 * Where Authbox keeps its data by default: the same per-user folder Electron's `userData`
 * resolves to for the product "Authbox", so the desktop app and headless mode share one database.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Authbox');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Authbox');
  return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'Authbox');
}

export const DATABASE_FILE = 'authbox.db';
export const DEFAULT_PORT = 7420;
