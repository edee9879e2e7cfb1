// `--live` on check, compile and submit: the program held against the account. The workflow's
// parameterTemplate (see workflow-params.ts), fetched once per distinct workflow; the S3 inputs
// and output buckets (see s3-checks.ts). The runs are expanded once for all of them. A failure
// of a check itself (credentials, throttling, timeouts) ends the command as an AWS error
// (exit 3), never as a finding about the program.
import type { Diagnostic, FrontEndResult } from "@batchc/language";
import { getParameterTemplate } from "@batchc/omics";
import { CommandError, type Io } from "../io.js";
import { call, openOmics } from "../commands/omics-common.js";
import { WorkflowParamCheck, workflowOf } from "./workflow-params.js";
import { InputCollector, inputNames } from "./inputs.js";
import { OutputCollector } from "./outputs.js";
import { s3Diagnostics } from "./s3-checks.js";

export { checkLiveOptions } from "./live-options.js";

/** The live diagnostics of a program that expanded. */
export async function liveDiagnostics(frontEnd: FrontEndResult, options: Record<string, unknown>, io: Io): Promise<Diagnostic[]> {
  const expansion = frontEnd.expansion;
  if (expansion === undefined) return [];
  const ref = workflowOf(expansion.defaults);
  const params = ref !== undefined ? new WorkflowParamCheck(frontEnd, expansion.defaults) : undefined;
  const inputs = new InputCollector(frontEnd, expansion.defaults, inputNames(options.inputs));
  const outputs = new OutputCollector(expansion.defaults);
  // Without encoders every run comes with its fields and loop variables, for placing findings.
  for (const run of expansion.runs()) {
    params?.add(run);
    inputs.add(run);
    outputs.add(run);
  }
  const list: Diagnostic[] = [];
  if (ref !== undefined && params !== undefined) {
    const session = await openOmics(options, io);
    try {
      const operation = ref.versionName !== undefined ? "GetWorkflowVersion" : "GetWorkflow";
      const template = await call(operation, () => getParameterTemplate(session.client, ref));
      const name = `workflow ${ref.workflowId}${ref.versionName !== undefined ? ` version ${ref.versionName}` : ""}`;
      list.push(...params.finish(template, name));
    } finally {
      session.close();
    }
  }
  list.push(...(await s3Diagnostics(frontEnd, inputs, outputs, options, io)));
  return list;
}
