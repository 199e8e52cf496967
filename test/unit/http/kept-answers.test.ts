/**
 * The table of kept discovery and JWKS answers (`http/oauth/kept-answers.ts`): an answer is given
 * only for the path and Host it was kept for, at the configuration version it was kept at, before it
 * falls due; past 256 answers the one kept longest ago is dropped, so many paths cannot grow memory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { KeptAnswers } from '../../../src-main/http/oauth/kept-answers.js';

let version = 1;
let now = 0;
let kept: KeptAnswers;

const HOST = '127.0.0.1:3000';
const reply = { getHeaders: () => ({ 'access-control-allow-origin': '*', etag: '"e"' }) } as unknown as FastifyReply;

function keep(url: string, options: { dueAt?: Date } = {}) {
  const request = { raw: { url, headers: { host: HOST } } } as unknown as FastifyRequest;
  kept.keep(request, reply, { version, etag: '"e"', body: '{"a":1}', ...options });
}

/** What `answer` wrote: the status and headers, or undefined when it handed the request on. */
function ask(url: string, headers: Record<string, string> = {}, method = 'GET') {
  let written: { status: number; headers: string[]; body?: Buffer } | undefined;
  const response = {
    writeHead: (status: number, list: string[]) => (written = { status, headers: list }),
    end: (body?: Buffer) => {
      if (written && body) written.body = body;
    },
  } as unknown as ServerResponse;
  const request = { method, url, headers: { host: HOST, ...headers } } as unknown as IncomingMessage;
  return kept.answer(request, response) ? written : undefined;
}

beforeEach(() => {
  version = 1;
  now = 0;
  kept = new KeptAnswers({ version: () => version, now: () => now, hostAllowed: (host) => host === HOST });
});

describe('KeptAnswers', () => {
  it('answers a kept path with the reply’s headers, the JSON type and the length, and 304 to its ETag', () => {
    keep('/doc');
    expect(ask('/doc')).toEqual({
      status: 200,
      headers: [
        'access-control-allow-origin',
        '*',
        'etag',
        '"e"',
        'content-type',
        'application/json; charset=utf-8',
        'content-length',
        '7',
      ],
      body: Buffer.from('{"a":1}'),
    });
    expect(ask('/doc', { 'if-none-match': '"e"' })).toEqual({
      status: 304,
      headers: ['access-control-allow-origin', '*', 'etag', '"e"'],
    });
    expect(ask('/doc', { 'if-none-match': '"e"' }, 'HEAD')?.headers.slice(-2)).toEqual(['content-length', '0']);
  });

  it('hands on another path, Host or method, a body, a newer version and a due answer', () => {
    keep('/doc');
    keep('/keys', { dueAt: new Date(1000) });
    expect(ask('/other')).toBeUndefined();
    expect(ask('/doc', { host: 'localhost:3000' })).toBeUndefined();
    expect(ask('/doc', {}, 'POST')).toBeUndefined();
    expect(ask('/doc', { 'content-length': '0' })).toBeUndefined();
    now = 999;
    expect(ask('/keys')).toBeDefined();
    now = 1000;
    expect(ask('/keys')).toBeUndefined();
    version = 2;
    expect(ask('/doc')).toBeUndefined();
  });

  it('keeps at most 256 answers, the one kept longest ago dropped first', () => {
    for (let i = 0; i < 300; i++) keep(`/doc/${i}`);
    expect(ask('/doc/43')).toBeUndefined();
    expect(ask('/doc/44')).toBeDefined();
    expect(ask('/doc/299')).toBeDefined();
  });
});
