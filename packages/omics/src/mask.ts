// Text that came from outside (a service's error message, an endpoint URL the user typed) made
// safe to print with the one sanitiser of @batchc/text: secrets masked, control characters
// escaped, length bounded.
import { maskSecrets, safeText } from "@batchc/text";

/** The longest service message printed; the rest is cut with a note. */
export const MAX_SERVICE_TEXT = 1000;

/** A URL with its user name and password masked, so `http://user:pass@host` never prints the password. */
export function maskUrl(url: string): string {
  return safeText(maskSecrets(url), { max: MAX_SERVICE_TEXT });
}

/** A service message as one printable line: secrets masked, control characters escaped, cut after {@link MAX_SERVICE_TEXT} characters. */
export function serviceText(text: string): string {
  return safeText(text, { max: MAX_SERVICE_TEXT });
}
