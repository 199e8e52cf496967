/** Helpers shared by the event log tests: a sample event, Okta error checks and an SSE reader. */
import type { NewProtocolEvent } from '../../../src-main/core/ports/events.js';
export { expectOktaError } from '../../support/okta.js';

export const SAMPLE: NewProtocolEvent = {
  endpoint: 'token',
  serverId: 'default',
  clientId: 'client1',
  userId: null,
  grantType: 'client_credentials',
  outcome: 'success',
  error: null,
  errorDescription: null,
  detail: null,
  trace: null,
};

export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** Reads a text/event-stream body message by message (blank-line separated blocks). */
export class SseReader {
  private buffer = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();

  constructor(response: Response) {
    this.reader = response.body!.getReader();
  }

  /** The next message, or undefined when the server ended the stream. */
  async next(): Promise<SseMessage | undefined> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        return parseBlock(block);
      }
      const { done, value } = await this.reader.read();
      if (done) return undefined;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** The next message that carries an event (skipping keep-alive comments). */
  async nextEvent(): Promise<SseMessage | undefined> {
    for (;;) {
      const message = await this.next();
      if (!message || message.comment === undefined) return message;
    }
  }

  async cancel(): Promise<void> {
    await this.reader.cancel();
  }
}

function parseBlock(block: string): SseMessage {
  const message: SseMessage = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) message.comment = line.slice(1).trim();
    const at = line.indexOf(': ');
    if (at < 0 || line.startsWith(':')) continue;
    const field = line.slice(0, at) as 'id' | 'event' | 'data';
    message[field] = line.slice(at + 2);
  }
  return message;
}
