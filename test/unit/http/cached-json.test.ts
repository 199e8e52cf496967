/**
 * The kept discovery and JWKS bodies are bounded: past 256 documents the one built longest ago is
 * dropped (and built again when asked for), so many origins or servers cannot grow memory.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CachedJson } from '../../../src-main/http/oauth/cached-json.js';

const request = { headers: {} } as FastifyRequest;
const reply = {
  header: () => reply,
  code: () => reply,
  type: () => reply,
  send: () => reply,
} as unknown as FastifyReply;

describe('CachedJson', () => {
  it('builds a document once per version, and again once 256 newer ones pushed it out', () => {
    const cache = new CachedJson();
    const builds: string[] = [];
    const send = (key: string, version = 1) =>
      cache.send(request, reply, key, version, () => {
        builds.push(key);
        return { key };
      });
    const built = (key: string) => builds.filter((k) => k === key).length;
    send('first');
    send('first');
    expect(built('first')).toBe(1);
    send('first', 2);
    expect(built('first')).toBe(2);
    for (let i = 0; i < 255; i++) send(`other ${i}`, 2);
    send('first', 2);
    expect(built('first')).toBe(2);
    // The 257th document drops the oldest built.
    send('one more', 2);
    send('other 0', 2);
    expect(built('other 0')).toBe(1);
    send('first', 2);
    expect(built('first')).toBe(3);
  });
});
