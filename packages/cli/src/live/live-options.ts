// The options of `--live`, checked before anything runs. A module of its own so that `check`
// and `compile` without `--live` do not load the live checks (and with them the HealthOmics
// client and zod, about 12 ms at start-up).
import { CommandError } from "../io.js";

/** The options that only `--live` takes. */
const LIVE_ONLY = ["inputs", "inputs-lock", "write-inputs-lock"] as const;

/** Refuses `--inputs`, `--inputs-lock` and `--write-inputs-lock` without `--live` (exit 2). */
export function checkLiveOptions(options: Record<string, unknown>): void {
  if (options.live === true) return;
  for (const name of LIVE_ONLY) {
    if (options[name] !== undefined) throw new CommandError(`\`--${name}\` goes with \`--live\``, 2, "add `--live` to check the inputs in S3");
  }
}
