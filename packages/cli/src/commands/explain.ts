// `batchc explain CODE`: what a diagnostic code means, a minimal program that yields it (or, for
// BC5xxx, a command that fails with it), and the fix. docs/errors.md has every page.
import { didYouMean } from "@batchc/text";
import { explainPage, pageCodes, pageText } from "../explain/page.js";
import { CommandError, type Io } from "../io.js";

export async function explainCommand(args: string[], _options: Record<string, unknown>, io: Io): Promise<number> {
  const code = (args[0] as string).trim().toUpperCase();
  const page = explainPage(code);
  if (page === undefined) {
    const hint = /^BC\d{4}$/.test(code) ? undefined : didYouMean(code, pageCodes());
    throw new CommandError(`\`${args[0] as string}\` is not a batchc diagnostic code`, 2, hint ?? "codes look like `BC2003`; docs/errors.md lists them all");
  }
  io.stdout.write(pageText(page));
  return 0;
}
