// The fast path of `compile`: for each `run` statement, an encoder that evaluates the
// statement's compiled field expressions and writes the run's request text straight away,
// with `runEncoder`'s checks (those of `encodeRun`, specialised to the statement's keys),
// instead of building the run's objects to check and encode them afterwards. Whatever it does
// not take (an unset value, a list or record, text that needs escaping, a failed check, an
// evaluation error) falls back to the expander's run objects and the full checks, which stay
// the reference and report the problems at their source.
import type { DefaultSettings, RunEncoderFactory } from "@batchc/language";
import { runEncoder, type RunScalar } from "@batchc/omics";

/** What `Expansion.runs` takes: a fast encoder per `run` statement. */
export type RunEncoders = RunEncoderFactory;

/** A statement's encoder gives up after this many runs it did not take, if it took almost none. */
const GIVE_UP_AFTER = 256;

/** The fast encoders of a program's run statements, against its evaluated `defaults`. */
export function fastEncoders(defaults: DefaultSettings): RunEncoders {
  return (plan) => {
    // A run's engine settings (any JSON value) take the full way.
    if (plan.engineSettings !== undefined) return undefined;
    const params = plan.parameters ?? [];
    const tags = plan.runTags ?? [];
    const encode = runEncoder(
      defaults,
      {
        scalars: plan.scalars.map((x) => x.key as RunScalar),
        ...(plan.parameters !== undefined ? { parameters: params.map((p) => p.key) } : {}),
        ...(plan.runTags !== undefined ? { runTags: tags.map((t) => t.key) } : {}),
        outputUriIsS3Uri: plan.scalars.some((x) => x.key === "outputUri" && x.s3uri),
      },
      [...plan.scalars, ...params, ...tags].map((x) => x.value),
    );
    if (encode === undefined) return undefined;
    // A run the encoder does not take is evaluated twice; when a statement's runs (say, all
    // with non-ASCII names) mostly go the full way, the encoder stops trying.
    let taken = 0;
    let missed = 0;
    return (id, env) => {
      if (missed >= GIVE_UP_AFTER && missed > 8 * taken) return undefined;
      const json = encode(id, env);
      if (json === undefined) missed++;
      else taken++;
      return json;
    };
  };
}
