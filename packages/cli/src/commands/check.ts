// `batchc check FILE`: parse, type-check, expand and check every run (the compiler's
// `checkAllRuns`); write nothing.
import { hasErrors, sortDiagnostics } from "@batchc/language";
import type { Io } from "../io.js";
import { type DiagnosticsFormat, allowedReads, applyDenyWarnings, checkedDiagnostics, loadProgram, parseVars, reportDiagnostics } from "../load.js";
import { formatCount } from "@batchc/text";
import { s3EndpointUrl } from "./upload.js";
import { checkLiveOptions } from "../live/live-options.js";

export async function checkCommand(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const file = args[0] as string;
  const format = (options.format as DiagnosticsFormat | undefined) ?? "text";
  checkLiveOptions(options);
  const s3 = { endpointUrl: s3EndpointUrl(options, io, "s3-endpoint-url"), options };
  const loaded = await loadProgram(file, io, parseVars(options.var), allowedReads(options, io), s3);
  const checked = checkedDiagnostics(loaded, options);
  let list = checked.list;
  if (options.live === true && checked.count !== undefined && !hasErrors(list)) {
    list = sortDiagnostics([...list, ...applyDenyWarnings(await (await import("../live/preflight.js")).liveDiagnostics(loaded.frontEnd, options, io), options)]);
  }
  const failed = reportDiagnostics(list, loaded, io, format);
  const count = checked.count ?? 0;
  if (!failed && format === "text") {
    io.stdout.write(`${file}: ok, ${formatCount(count)} run${count === 1 ? "" : "s"}\n`);
  }
  return failed ? 1 : 0;
}
