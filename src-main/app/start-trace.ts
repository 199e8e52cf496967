/**
 * `AUTHBOX_TRACE_START=1`: each step of a start prints its time since the process began (Node's
 * `performance.now()` counts from the process's start) on stderr, to see where the time to the ready
 * line goes. Off by default; nothing else changes.
 */
const tracing = process.env['AUTHBOX_TRACE_START'] === '1';

export function traceStart(step: string): void {
  if (tracing) process.stderr.write(`authbox start: ${performance.now().toFixed(1)} ms ${step}\n`);
}
