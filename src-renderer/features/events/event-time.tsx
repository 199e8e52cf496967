/** When an event happened, in the reader's locale to the second, machine-readable in `dateTime`. */
export function EventTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
  return <time dateTime={iso}>{text}</time>;
}
