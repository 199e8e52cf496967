/**
 * A span of time in words ("3 minutes 20 seconds", "2 days 4 hours"): the two largest units, so a
 * verdict on the server and a countdown in the renderer say a time the same way.
 */
const UNITS: [name: string, seconds: number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

export function describeDuration(milliseconds: number): string {
  let rest = Math.floor(Math.abs(milliseconds) / 1000);
  if (rest === 0) return 'less than a second';
  const words: string[] = [];
  for (const [name, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) words.push(`${count} ${name}${count === 1 ? '' : 's'}`);
    else if (words.length > 0) break;
    if (words.length === 2) break;
  }
  return words.join(' ');
}
