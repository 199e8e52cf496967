/**
 * The event log end to end: a real /token request is recorded by the endpoint and shows up both
 * on an open stream and in the filtered list, with the private detail beside the wire error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProtocolEventDto } from '../../../src-main/contracts/events.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { basic, postToken, refusal } from '../token/fixtures.js';
import { SseReader } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('events recorded by /token', () => {
  it('reach an open stream and the list, filtered by client and outcome', async () => {
    const stream = await t.api('/api/sandbox/v1/events/stream?endpoint=token&outcome=failure');
    const sse = new SseReader(stream);
    const refused = await refusal(
      postToken(
        t,
        { grant_type: 'client_credentials', scope: 'x' },
        { authorization: basic('0oaNOSUCHCLIENT00000', 'secret') },
      ),
    );
    expect(refused.error).toBe('invalid_client');

    const message = await sse.nextEvent();
    const streamed = JSON.parse(message!.data!) as ProtocolEventDto;
    expect(streamed).toMatchObject({
      endpoint: 'token',
      serverId: 'default',
      outcome: 'failure',
      error: 'invalid_client',
      errorDescription: refused.error_description,
    });
    expect(message!.id).toBe(streamed.id);
    await sse.cancel();

    const listed = (await (
      await t.api(`/api/sandbox/v1/events?clientId=${streamed.clientId}&outcome=failure`)
    ).json()) as ProtocolEventDto[];
    expect(listed.map((e) => e.id)).toEqual([streamed.id]);
    expect(listed[0]).toEqual(streamed);
  });
});
