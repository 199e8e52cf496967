/**
 * A Server-Sent Events parser (WHATWG HTML §9.2.6 "Interpreting an event stream") for streams read
 * with fetch: EventSource cannot send the `Authorization: SSWS` header the sandbox API needs.
 * Feed it decoded text in any chunking; it returns the messages each chunk completes.
 */
export interface SseMessage {
  /** The `event:` field; 'message' when the server named none. */
  event: string;
  data: string;
  /** The last `id:` seen so far (it carries over to later messages, as EventSource's lastEventId). */
  id: string;
}

export interface SseParser {
  push(chunk: string): SseMessage[];
}

export function createSseParser(): SseParser {
  let buffer = '';
  let lastId = '';
  let event = '';
  let data: string[] = [];
  let hasData = false;

  /** One line: a blank one dispatches, `:` starts a comment, else `field: value` (one leading space dropped). */
  const line = (text: string, out: SseMessage[]) => {
    if (text === '') {
      if (hasData) out.push({ event: event || 'message', data: data.join('\n'), id: lastId });
      event = '';
      data = [];
      hasData = false;
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      data.push(value);
      hasData = true;
    } else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) lastId = value;
  };

  return {
    push(chunk) {
      buffer += chunk;
      const out: SseMessage[] = [];
      // Lines end in CRLF, LF or CR; a trailing CR may be the first half of a CRLF, so it waits.
      const pattern = /\r\n|\n|\r(?!$)/g;
      let start = 0;
      for (let match = pattern.exec(buffer); match; match = pattern.exec(buffer)) {
        line(buffer.slice(start, match.index), out);
        start = match.index + match[0].length;
      }
      buffer = buffer.slice(start);
      return out;
    },
  };
}
