/**
 * When an event happened, in the reader's locale: the time to the second (the date too when asked),
 * the full date and time on hover, machine-readable in `dateTime`.
 */
export function EventTime({ iso, withDate = false }: { iso: string; withDate?: boolean }) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <time dateTime={iso}>{iso}</time>;
  const full = date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <time dateTime={iso} title={full}>
      {withDate ? full : date.toLocaleTimeString(undefined, { timeStyle: 'medium' })}
    </time>
  );
}
