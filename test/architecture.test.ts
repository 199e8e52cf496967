/**
 * The dependency rules of DESIGN.md, checked on every import of src-main and src-renderer.
 * A violation names the edge: `src-main/core/x.ts → node:fs (core is pure: no Node, DOM or Electron)`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
type Layer = 'contracts' | 'core' | 'store' | 'http' | 'app' | 'electron' | 'renderer';

/** Which layers each layer may import, and whether it may use Node built-ins and other packages. */
const RULES: Record<Layer, { layers: Layer[]; node: boolean; packages: 'any' | string[]; why: string }> = {
  contracts: { layers: ['contracts'], node: false, packages: ['zod'], why: 'contracts are pure types and validators' },
  core: { layers: ['contracts', 'core'], node: false, packages: ['zod', 're2js'], why: 'core is pure: no Node, DOM or Electron' },
  store: { layers: ['contracts', 'core', 'store'], node: true, packages: ['better-sqlite3'], why: 'store implements core interfaces' },
  http: { layers: ['contracts', 'core', 'http'], node: true, packages: ['fastify', '@fastify/'], why: 'http reaches the domain through core' },
  app: { layers: ['contracts', 'core', 'store', 'http', 'app'], node: true, packages: ['jose'], why: 'app wires everything but the desktop shell' },
  electron: { layers: ['contracts', 'app', 'electron'], node: true, packages: ['electron'], why: 'the desktop shell starts the app' },
  renderer: { layers: ['contracts', 'renderer'], node: false, packages: ['react', 'react-dom', 'zustand'], why: 'the renderer talks HTTP only' },
};

function layerOf(file: string): Layer | undefined {
  const rel = relative(root, file).split('\\').join('/');
  if (rel.startsWith('src-renderer/')) return 'renderer';
  const match = /^src-main\/(contracts|core|store|http|app|electron)\//.exec(rel);
  return match?.[1] as Layer | undefined;
}

const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]!);

export function violationsOf(file: string, source: string): string[] {
  const layer = layerOf(file);
  if (!layer) return [];
  const rule = RULES[layer];
  const from = relative(root, file);
  const out: string[] = [];
  for (const { fileName: spec } of ts.preProcessFile(source, true, true).importedFiles) {
    const edge = (reason: string) => out.push(`${from} → ${spec} (${reason})`);
    if (spec.startsWith('.')) {
      const target = layerOf(resolve(dirname(file), spec));
      if (!target) edge(`${layer} may only import inside src-main and src-renderer`);
      else if (!rule.layers.includes(target)) edge(`${layer} may not import ${target}: ${rule.why}`);
    } else if (isNodeBuiltin(spec)) {
      if (!rule.node) edge(`${rule.why}`);
    } else if (spec === 'electron' && layer !== 'electron') {
      edge('only src-main/electron imports electron');
    } else if (rule.packages !== 'any' && !rule.packages.some((p) => spec === p || spec.startsWith(p.endsWith('/') ? p : `${p}/`))) {
      edge(`${layer} may use only ${rule.packages.join(', ')}`);
    }
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(c|m)?tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  it('every import in src-main and src-renderer follows the layer rules', () => {
    const files = [...sources(join(root, 'src-main')), ...sources(join(root, 'src-renderer'))];
    expect(files.length).toBeGreaterThan(10);
    const violations = files.flatMap((file) => violationsOf(file, readFileSync(file, 'utf8')));
    expect(violations).toEqual([]);
  });

  it.each([
    ['src-main/core/x.ts', "import { readFileSync } from 'node:fs';", 'src-main/core/x.ts → node:fs (core is pure: no Node, DOM or Electron)'],
    ['src-main/core/x.ts', "import { openDatabase } from '../store/database.js';", 'src-main/core/x.ts → ../store/database.js (core may not import store'],
    ['src-main/http/x.ts', "import type { Db } from '../store/database.js';", 'src-main/http/x.ts → ../store/database.js (http may not import store'],
    ['src-main/app/x.ts', "import { app } from 'electron';", 'src-main/app/x.ts → electron (only src-main/electron imports electron)'],
    ['src-main/app/x.ts', "export * from '../electron/main.js';", 'src-main/app/x.ts → ../electron/main.js (app may not import electron'],
    ['src-renderer/x.tsx', "import { createApp } from '../src-main/app/create-app.js';", 'src-renderer/x.tsx → ../src-main/app/create-app.js (renderer may not import app'],
    ['src-renderer/x.tsx', "const fs = await import('node:fs');", 'src-renderer/x.tsx → node:fs (the renderer talks HTTP only)'],
    ['src-main/contracts/x.ts', "import Fastify from 'fastify';", 'src-main/contracts/x.ts → fastify (contracts may use only zod)'],
  ])('names the forbidden edge in %s: %s', (file, source, expected) => {
    const [violation] = violationsOf(join(root, file), source);
    expect(violation).toBeDefined();
    expect(violation!.startsWith(expected)).toBe(true);
  });

  it('allows the edges the design allows', () => {
    expect(violationsOf(join(root, 'src-main/http/x.ts'), "import type { Clock } from '../core/ports.js';")).toEqual([]);
    expect(violationsOf(join(root, 'src-renderer/x.ts'), "import type { AuthorizationServerDto } from '../src-main/contracts/index.js';")).toEqual([]);
  });
});
