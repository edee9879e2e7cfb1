// Numbers in messages: counts with thousands separated, plurals, byte sizes.

/**
 * `100,000`: a whole number with thousands separated, as `toLocaleString("en-US")` writes it,
 * without loading ICU's number formats (their first use costs about 10 ms).
 */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `1 run`, `2 runs`, `1,000 entries` (with `many` given). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** `512 B`, `1.5 KiB`, `3.2 MiB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
