// `batchc check FILE`: parse, type-check, expand and validate every run; write nothing.
import { hasErrors, sortDiagnostics } from "@batchc/language";
import { runCountDiagnostics } from "../run-count.js";
import type { Io } from "../io.js";
import { type DiagnosticsFormat, RunValidator, allDiagnostics, allowedReads, applyDenyWarnings, loadProgram, parseVars, reportDiagnostics, validatedRuns } from "../load.js";
import { formatCount } from "../format.js";
import { s3EndpointUrl } from "./upload.js";
import { liveDiagnostics } from "../live/preflight.js";

export async function checkCommand(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const file = args[0] as string;
  const format = (options.format as DiagnosticsFormat | undefined) ?? "text";
  const s3 = { endpointUrl: s3EndpointUrl(options, io, "s3-endpoint-url"), options };
  const loaded = await loadProgram(file, io, parseVars(options.var), allowedReads(options, io), s3);
  let count = 0;
  let validator: RunValidator | undefined;
  if (loaded.frontEnd.expansion) {
    validator = new RunValidator(loaded.frontEnd);
    for (const _ of validatedRuns(loaded.frontEnd, validator)) count++;
  }
  let list = applyDenyWarnings(allDiagnostics(loaded, validator), options);
  if (options.live === true && loaded.frontEnd.expansion && !hasErrors(list)) {
    list = sortDiagnostics([...list, ...(await liveDiagnostics(loaded.frontEnd, options, io))]);
  }
  if (loaded.frontEnd.expansion && !hasErrors(list)) {
    list = sortDiagnostics([...list, ...runCountDiagnostics(count, loaded.frontEnd)]);
  }
  const failed = reportDiagnostics(list, loaded, io, format);
  if (!failed && format === "text") {
    io.stdout.write(`${file}: ok, ${formatCount(count)} run${count === 1 ? "" : "s"}\n`);
  }
  return failed ? 1 : 0;
}
