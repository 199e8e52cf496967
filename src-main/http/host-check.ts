/**
 * DNS-rebinding guard: answer only requests whose Host is this server's own loopback address and
 * port (127.0.0.1, localhost, [::1]), or the explicitly allowed remote host.
 */
import type { FastifyInstance } from 'fastify';

let last: { key: string; hosts: ReadonlySet<string> } | undefined;

/** The set for a port and extra hosts; asked on every request, so the last one is kept. */
export function allowedHosts(port: number, extraHosts: string[] = []): ReadonlySet<string> {
  const key = `${port} ${extraHosts.join(' ')}`;
  if (last?.key === key) return last.hosts;
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  for (const extra of extraHosts) hosts.add(`${extra.includes(':') ? `[${extra}]` : extra}:${port}`.toLowerCase());
  last = { key, hosts };
  return hosts;
}

export function registerHostCheck(app: FastifyInstance, hosts: () => ReadonlySet<string>): void {
  // A callback hook: an async one costs every request a promise and a turn of the microtask queue.
  app.addHook('onRequest', (request, reply, done) => {
    const host = (request.headers.host ?? '').toLowerCase();
    if (hosts().has(host)) return done();
    // Answered here: the other hooks and the handler do not run (fastify "Respond to a request from a hook").
    void reply
      .code(421)
      .type('application/json')
      .send({
        error: 'invalid_host',
        error_description: `This Authbox server does not answer for the host '${host}'.`,
      });
  });
}
