/**
 * `AUTHBOX_TRACE_START=1`: each step of a start prints its time since the process began (Node's
 * `performance.now()` counts from the process's start) on stderr, to see where the time to the ready
 * line goes, beside the CPU time the process has used (which, unlike the time, does not grow with
 * what else the machine runs). Off by default; nothing else changes.
 */
const tracing = process.env['AUTHBOX_TRACE_START'] === '1';

export function traceStart(step: string): void {
  if (!tracing) return;
  const { user, system } = process.cpuUsage();
  process.stderr.write(
    `authbox start: ${performance.now().toFixed(1)} ms, CPU ${((user + system) / 1000).toFixed(1)} ms: ${step}\n`,
  );
}
