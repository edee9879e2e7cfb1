// Where a value came from: maps a field of an effective run (or of the batch or the defaults)
// back to the source expression that produced it: the run block's own entry if it set the
// field, else the defaults block, else the parameter's declared default, else the `run` keyword.
import type {
  BlockEntry,
  CheckedProgram,
  DefaultsBlock,
  FieldAssignment,
  MapBlock,
  Program,
  RunStatement,
  Span,
  BatchBlock,
} from "@batchc/language";

interface BlockIndex {
  fields: Map<string, FieldAssignment>;
  maps: Map<string, MapBlock>;
}

function indexEntries(entries: readonly BlockEntry[]): BlockIndex {
  const fields = new Map<string, FieldAssignment>();
  const maps = new Map<string, MapBlock>();
  for (const e of entries) {
    if (e.kind === "FieldAssignment") {
      if (!fields.has(e.key.name)) fields.set(e.key.name, e);
    } else if (!maps.has(e.key.name)) maps.set(e.key.name, e);
  }
  return { fields, maps };
}

/** Finds source spans for API field paths (`["name"]`, `["parameters", "caller"]`, `["runTags"]`). */
export class SourceLocator {
  private readonly runs = new WeakMap<RunStatement, BlockIndex>();
  private readonly defaults: BlockIndex | undefined;
  private readonly defaultsBlock: DefaultsBlock | undefined;
  private readonly batch: BlockIndex | undefined;
  readonly batchBlock: BatchBlock | undefined;

  constructor(private readonly checked: CheckedProgram) {
    const program: Program = checked.program;
    this.defaultsBlock = program.statements.find((s): s is DefaultsBlock => s.kind === "DefaultsBlock");
    this.defaults = this.defaultsBlock ? indexEntries(this.defaultsBlock.entries) : undefined;
    this.batchBlock = program.statements.find((s): s is BatchBlock => s.kind === "BatchBlock");
    this.batch = this.batchBlock ? indexEntries(this.batchBlock.entries) : undefined;
  }

  private runIndex(run: RunStatement): BlockIndex {
    let index = this.runs.get(run);
    if (!index) {
      index = indexEntries(run.entries);
      this.runs.set(run, index);
    }
    return index;
  }

  /** The span for a path of an effective run's field. */
  forRun(run: RunStatement, path: readonly (string | number)[]): Span {
    return this.lookup(this.runIndex(run), path) ?? this.forDefaults(path, run.keyword) ?? run.keyword;
  }

  /** The span for a path of `defaultRunSetting`; `fallback` when the defaults do not set it. */
  forDefaults(path: readonly (string | number)[], fallback?: Span): Span | undefined {
    const found = this.defaults ? this.lookup(this.defaults, path) : undefined;
    if (found) return found;
    const [head, key] = path;
    if (head === "parameters" && typeof key === "string") {
      const declared = this.checked.params?.params.get(key);
      if (declared?.default) return declared.default.span;
    }
    return fallback ?? this.defaultsBlock?.keyword;
  }

  /** The span for a path of the batch-level fields (`batchName`, `requestId`, `tags`, `settings`). */
  forBatch(path: readonly (string | number)[]): Span | undefined {
    const [head] = path;
    if (head === "batchName" && this.batchBlock?.name) return this.batchBlock.name.span;
    const found = this.batch ? this.lookup(this.batch, path) : undefined;
    return found ?? this.batchBlock?.keyword;
  }

  private lookup(index: BlockIndex, path: readonly (string | number)[]): Span | undefined {
    const [head, key] = path;
    if (typeof head !== "string") return undefined;
    const block = index.maps.get(head === "parameters" ? "params" : head);
    if (block) {
      if (typeof key === "string") {
        const entry = block.entries.find((e) => e.key.name === key);
        if (entry) return entry.value.span;
      }
      return block.key.span;
    }
    const field = index.fields.get(head);
    return field ? field.value.span : undefined;
  }
}
