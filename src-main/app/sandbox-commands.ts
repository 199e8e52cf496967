/**
 * `authbox export` and `authbox import` (also `npm run export` / `npm run import`): the sandbox
 * document of a data folder, without starting a server. Faults go to stderr, one per line with its
 * JSON path; the exit code is 0 on success, 1 for a refused document or an unusable folder, 2 for
 * bad flags.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocumentText, serializeDocument } from '../core/sandbox/sandbox-transfer.js';
import { NotFound } from '../core/errors.js';
import { StoreError, openDatabase } from '../store/database.js';
import { StartError, faultCount, prepareDataDir } from './create-app.js';
import { nodeNativeBinding } from './native-binding.js';
import { nodeCrypto } from './node-crypto.js';
import { DATABASE_FILE, DEFAULT_PORT, defaultDataDir } from './paths.js';
import { seedOnFirstStart } from './seed.js';
import { buildServices } from './services.js';

const EXPORT_USAGE = 'Usage: npm run export -- --data DIR [--server ID] [--with-keys] [--out FILE]';
const IMPORT_USAGE = 'Usage: npm run import -- --data DIR [--replace] [--origin URL] FILE';

/** `${AUTHBOX_ORIGIN}` in an imported document: where `npm run serve` listens by default, or --origin. */
const defaultOrigin = () => `http://127.0.0.1:${DEFAULT_PORT}`;

/** The JSON of a document file, or a StartError that names the file and what is wrong with it. */
export function readDocumentFile(file: string): unknown {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new StartError('CONFIG', `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const parsed = parseDocumentText(text);
  if (!parsed.ok) throw new StartError('CONFIG', `${file} is ${parsed.fault.message}`);
  return parsed.value;
}

export async function runDocumentCommand(
  command: 'export' | 'import',
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const usage = command === 'export' ? EXPORT_USAGE : IMPORT_USAGE;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: command === 'import',
      options: {
        data: { type: 'string' },
        server: { type: 'string' },
        'with-keys': { type: 'boolean' },
        out: { type: 'string' },
        replace: { type: 'boolean' },
        origin: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    process.stderr.write(`authbox: ${(error as Error).message.split('\n')[0]}\n${usage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const wrongFlag =
    command === 'export'
      ? (values.replace && '--replace') || (values.origin !== undefined && '--origin')
      : (values.server !== undefined && '--server') ||
        (values['with-keys'] && '--with-keys') ||
        (values.out !== undefined && '--out');
  if (wrongFlag || (command === 'import' && positionals.length !== 1)) {
    const problem = wrongFlag ? `${wrongFlag} is not an ${command} flag` : 'import needs exactly one FILE';
    process.stderr.write(`authbox: ${problem}\n${usage}\n`);
    return 2;
  }
  const dataDir = resolve(values.data ?? defaultDataDir(env));
  try {
    if (command === 'export') {
      if (!existsSync(join(dataDir, DATABASE_FILE))) throw new StartError('DATA_DIR', `no Authbox data in ${dataDir}`);
      return withServices(dataDir, async (services) => {
        const text = serializeDocument(
          services.sandbox.exportDocument({ serverId: values.server, withKeys: values['with-keys'] ?? false }),
        );
        if (values.out === undefined) process.stdout.write(text);
        else writeFileSync(values.out, text);
        return 0;
      });
    }
    const document = readDocumentFile(positionals[0] ?? '');
    return withServices(dataDir, async (services) => {
      await seedOnFirstStart(services);
      const result = await services.sandbox.importDocument(document, {
        mode: values.replace ? 'replace' : 'merge',
        origin: values.origin ?? defaultOrigin(),
      });
      if (!result.ok) {
        process.stderr.write(`authbox: the document is refused (${faultCount(result.faults.length)}):\n`);
        for (const fault of result.faults) process.stderr.write(`  ${fault.path}: ${fault.message}\n`);
        return 1;
      }
      const made = Object.entries(result.summary.create)
        .filter(([, count]) => count > 0)
        .map(([kind, count]) => `${count} ${kind}`);
      process.stdout.write(`Imported into ${dataDir} (${result.summary.mode}): ${made.join(', ') || 'nothing'}\n`);
      return 0;
    });
  } catch (error) {
    if (error instanceof StartError || error instanceof NotFound) {
      process.stderr.write(`authbox: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

async function withServices(
  dataDir: string,
  work: (services: ReturnType<typeof buildServices>) => Promise<number>,
): Promise<number> {
  prepareDataDir(dataDir);
  let db;
  try {
    const nativeBinding = nodeNativeBinding();
    db = openDatabase(join(dataDir, DATABASE_FILE), nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    if (error instanceof StoreError) throw new StartError('DATABASE', error.message);
    throw error;
  }
  try {
    const services = buildServices(db, nodeCrypto, { now: () => new Date() });
    await services.loadSandbox();
    return await work(services);
  } finally {
    db.close();
  }
}
