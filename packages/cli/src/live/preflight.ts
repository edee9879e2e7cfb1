// `--live` on check, compile and submit: the program held against the account. Today: the
// workflow's parameterTemplate (see workflow-params.ts), fetched once per distinct workflow.
// A failure of the check itself (credentials, throttling, timeouts) ends the command as an AWS
// error (exit 3), never as a finding about the program.
import type { Diagnostic, FrontEndResult } from "@batchc/language";
import { getParameterTemplate } from "@batchc/omics";
import type { Io } from "../io.js";
import { call, openOmics } from "../commands/omics-common.js";
import { WorkflowParamCheck, workflowOf } from "./workflow-params.js";

/** The live diagnostics of a program that expanded; [] when it names no workflow. */
export async function liveDiagnostics(frontEnd: FrontEndResult, options: Record<string, unknown>, io: Io): Promise<Diagnostic[]> {
  const expansion = frontEnd.expansion;
  if (expansion === undefined) return [];
  const ref = workflowOf(expansion.defaults);
  if (ref === undefined) return [];
  const check = new WorkflowParamCheck(frontEnd, expansion.defaults);
  // Without encoders every run comes with its fields and loop variables, for placing findings.
  for (const run of expansion.runs()) check.add(run);
  const session = await openOmics(options, io);
  try {
    const operation = ref.versionName !== undefined ? "GetWorkflowVersion" : "GetWorkflow";
    const template = await call(operation, () => getParameterTemplate(session.client, ref));
    const name = `workflow ${ref.workflowId}${ref.versionName !== undefined ? ` version ${ref.versionName}` : ""}`;
    return check.finish(template, name);
  } finally {
    session.close();
  }
}
