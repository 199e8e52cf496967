import { describe, expect, it } from 'vitest';
import { createSseParser } from '../../../src-renderer/api/sse-parser.js';

describe('SSE parser', () => {
  it('reads the sandbox stream’s id / event / data messages', () => {
    const parser = createSseParser();
    const messages = parser.push(
      'id: evt1\nevent: protocol\ndata: {"id":"evt1"}\n\nid: evt2\nevent: protocol\ndata: {"id":"evt2"}\n\n',
    );
    expect(messages).toEqual([
      { id: 'evt1', event: 'protocol', data: '{"id":"evt1"}' },
      { id: 'evt2', event: 'protocol', data: '{"id":"evt2"}' },
    ]);
  });

  it('waits for the blank line, however the text is split into chunks', () => {
    const text = 'id: evt1\nevent: protocol\ndata: {"a":1}\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      const parser = createSseParser();
      const messages = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(messages, `cut at ${cut}`).toEqual([{ id: 'evt1', event: 'protocol', data: '{"a":1}' }]);
    }
  });

  it('ignores keep-alive comments and dispatches nothing for a message without data', () => {
    const parser = createSseParser();
    expect(parser.push(': keep-alive\n\n')).toEqual([]);
    expect(parser.push('event: protocol\n\n')).toEqual([]);
    expect(parser.push('data: x\n\n')).toEqual([{ id: '', event: 'message', data: 'x' }]);
  });

  it('joins multi-line data with newlines and drops only one leading space', () => {
    const parser = createSseParser();
    expect(parser.push('data:first\ndata:  second\ndata\n\n')).toEqual([
      { id: '', event: 'message', data: 'first\n second\n' },
    ]);
  });

  it('accepts CRLF and CR line endings, even a CRLF split across chunks', () => {
    const parser = createSseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\n\r\ndata: b\r\r\n')).toEqual([
      { id: '', event: 'message', data: 'a' },
      { id: '', event: 'message', data: 'b' },
    ]);
  });

  it('carries the last id over to later messages, as EventSource does', () => {
    const parser = createSseParser();
    expect(parser.push('id: evt9\ndata: a\n\ndata: b\n\n').map((m) => m.id)).toEqual(['evt9', 'evt9']);
  });

  it('ignores unknown fields', () => {
    const parser = createSseParser();
    expect(parser.push('retry: 1000\nfoo: bar\ndata: x\n\n')).toEqual([{ id: '', event: 'message', data: 'x' }]);
  });
});
