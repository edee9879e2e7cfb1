// Small text helpers shared by the commands.

/**
 * `100,000`: a whole number with thousands separated, as `toLocaleString("en-US")` writes it,
 * without loading ICU's number formats (their first use costs about 10 ms).
 */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
