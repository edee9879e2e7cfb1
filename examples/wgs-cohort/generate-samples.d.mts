/** The sample sheet text for `n` samples (deterministic). */
export function sampleSheet(n: number): string;
