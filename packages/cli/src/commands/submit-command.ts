// `batchc submit FILE.batch|REQUEST.json|FOLDER`: the command. One request is sent as
// submit.ts describes; the parts of a program with `maxRunsPerBatch`, or a folder of parts
// written by `compile -o`, are sent in order by submit-parts.ts.
import { stringSchemas } from "@batchc/omics";
import { CommandError, type Io } from "../io.js";
import { checkSubmitOptions, prepareRequests, printDryRun, reportAndWait, uploadAndStart, type PreparedRequest } from "./submit.js";
import { submitParts } from "./submit-parts.js";

/** Submits a batch; see the file header. */
export async function submitCommand(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const file = args[0] as string;
  const intervalMs = checkSubmitOptions(options);
  const requestId = options["request-id"] as string | undefined;
  if (requestId !== undefined && !stringSchemas.BatchRequestId.safeParse(requestId).success) {
    throw new CommandError(`\`--request-id\` must be 1 to 128 printable characters`, 2);
  }
  const requests = await prepareRequests(file, options, io);
  if (typeof requests === "number") return requests;
  if (requests.parts) return submitParts(requests.prepared, options, io, intervalMs);
  const prepared = requests.prepared[0] as PreparedRequest;
  try {
    if (options["dry-run"] === true) {
      printDryRun(prepared, options, io);
      return 0;
    }
    const started = await uploadAndStart(prepared, options, io, true);
    return await reportAndWait(started, options, io, intervalMs);
  } finally {
    await prepared.dispose();
  }
}

