// A CSV field as RFC 4180 writes it.

/** `s` as one CSV field: quoted (with `""` for a quote) when it holds a quote, comma or line break. */
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
