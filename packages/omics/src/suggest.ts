// Did-you-mean for enum values and field names (a small copy of the idea in graphql-js
// `suggestionList`: edit distance with a budget that grows with the name's length).

/** Damerau-free Levenshtein distance, case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[y.length]!;
}

/** The closest candidate within a budget of about 40% of the input's length, if any. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const budget = Math.max(1, Math.floor(input.length * 0.4));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === input.toLowerCase() ? 0 : distance(input, c);
    if (d <= budget && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
