/** The participant sheet text for `n` participants (deterministic). */
export function participantSheet(n: number): string;
