/** A count with its noun in the right number: "1 server", "2 servers", "0 policies". */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
