// Did-you-mean, the one implementation every package uses (names in programs, enum values
// and fields of requests, commands and options): candidates within an edit distance that grows
// with the input's length, 40% of it plus one, case-insensitive (after graphql-js `suggestionList`).

/** Candidates close to `input`, best first (ties in alphabetical order). */
export function suggestionList(input: string, candidates: Iterable<string>): string[] {
  const scored: [string, number][] = [];
  const threshold = Math.floor(input.length * 0.4) + 1;
  const lower = input.toLowerCase();
  for (const c of candidates) {
    if (c === input) continue;
    const d = lower === c.toLowerCase() ? 1 : editDistance(lower, c.toLowerCase(), threshold);
    if (d <= threshold) scored.push([c, d]);
  }
  scored.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return scored.map((s) => s[0]);
}

/** The best candidate, or undefined. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  return suggestionList(input, candidates)[0];
}

/** `did you mean `x`?` for the best candidate, or undefined. */
export function didYouMean(input: string, candidates: Iterable<string>, quote = (s: string) => `\`${s}\``): string | undefined {
  const best = suggestionList(input, candidates)[0];
  return best === undefined ? undefined : meant(best, quote);
}

/** `did you mean `x`?` for a suggestion found otherwise (a file name that differs only by spaces around it). */
export function meant(suggestion: string, quote = (s: string) => `\`${s}\``): string {
  return `did you mean ${quote(suggestion)}?`;
}

/** Optimal string alignment distance, giving up (returning threshold + 1) past `threshold`. */
export function editDistance(a: string, b: string, threshold = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > threshold) return threshold + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2: number[] = new Array<number>(cols).fill(0);
  let prev: number[] = Array.from({ length: cols }, (_, j) => j);
  let cur: number[] = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > threshold) return threshold + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[cols - 1] as number;
}
