// The zod schemas against AWS's model file: walk every shape a StartRunBatch request reaches,
// derive boundary values from each constraint the model states (required, lengths, patterns,
// ranges, enums, list lengths, the union, closed structures), and check that the schema accepts
// or rejects each one. Expectations come from the botocore model file (read here with this
// file's own code), not from the generated model, so a constraint the generated module or the
// schemas fail to mirror makes a test fail.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shapes } from "./model.js";
import { StartRunBatchRequestSchema } from "./schema.js";

const NS = "com.amazonaws.omics#";

interface ModelShape {
  type: string;
  members?: Record<string, { target: string; traits?: Record<string, unknown> }>;
  member?: { target: string };
  key?: { target: string };
  value?: { target: string };
  traits?: Record<string, unknown>;
}
type Bounds = { min?: number; max?: number };

interface BotoShape {
  type: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  required?: string[];
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  document?: boolean;
  union?: boolean;
}

const botocore = JSON.parse(readFileSync(new URL("../../model/aws/omics-batch.botocore-1.43.107.json", import.meta.url), "utf8")) as {
  metadata: { apiVersion: string; serviceId: string };
  shapes: Record<string, BotoShape>;
};

/** botocore patterns match anywhere in a value; the API means the whole value. */
const whole = (p: string): string => `^(?:${p})$`;

/** The botocore model in the Smithy-like form the cases below are written against. */
const model = {
  shapes: Object.fromEntries(
    Object.entries(botocore.shapes).map(([name, b]): [string, ModelShape] => {
      const traits: Record<string, unknown> = {};
      const bounds = b.min === undefined && b.max === undefined ? undefined : { ...(b.min !== undefined ? { min: b.min } : {}), ...(b.max !== undefined ? { max: b.max } : {}) };
      if (b.type === "string") {
        if (bounds !== undefined) traits["smithy.api#length"] = bounds;
        if (b.pattern !== undefined) traits["smithy.api#pattern"] = whole(b.pattern);
        if (b.enum !== undefined) traits["smithy.api#enum"] = b.enum.map((value) => ({ value }));
      } else if (b.type === "list" || b.type === "map") {
        if (bounds !== undefined) traits["smithy.api#length"] = bounds;
      }
      const type = b.document === true ? "document" : b.union === true ? "union" : b.type;
      const shape: ModelShape = { type, traits };
      if (b.members !== undefined && type !== "document") {
        shape.members = Object.fromEntries(
          Object.entries(b.members).map(([m, spec]) => {
            const target = botocore.shapes[spec.shape];
            const t: Record<string, unknown> = {};
            if ((b.required ?? []).includes(m)) t["smithy.api#required"] = {};
            if (target?.type === "integer" && (target.min !== undefined || target.max !== undefined)) t["smithy.api#range"] = { min: target.min, max: target.max };
            return [m, { target: NS + spec.shape, traits: t }];
          }),
        );
      }
      if (b.member !== undefined) shape.member = { target: NS + b.member.shape };
      if (b.key !== undefined) shape.key = { target: NS + b.key.shape };
      if (b.value !== undefined) shape.value = { target: NS + b.value.shape };
      return [NS + name, shape];
    }),
  ),
};

const shortName = (id: string): string => (id.startsWith(NS) ? id.slice(NS.length) : id.replace(/^smithy\.api#/, ""));

function shapeOf(id: string): ModelShape {
  const s = model.shapes[id];
  if (s !== undefined) return s;
  if (id === "smithy.api#Integer") return { type: "integer" };
  throw new Error(`not in the model: ${id}`);
}

const ROOT = `${NS}StartRunBatchRequest`;

function reachable(): string[] {
  const seen: string[] = [];
  const walk = (id: string): void => {
    if (seen.includes(id) || model.shapes[id] === undefined) return;
    seen.push(id);
    const s = model.shapes[id]!;
    for (const m of Object.values(s.members ?? {})) walk(m.target);
    for (const k of ["member", "key", "value"] as const) if (s[k] !== undefined) walk(s[k].target);
  };
  walk(ROOT);
  return seen;
}

const trait = <T>(traits: Record<string, unknown> | undefined, name: string): T | undefined =>
  traits?.[`smithy.api#${name}`] as T | undefined;

// ---------------------------------------------------------------------------------------------
// Strings of a given length (in code points) that match, or do not match, a pattern.

const matching: ((n: number) => string)[] = [
  (n) => "a".repeat(n),
  (n) => "1".repeat(n),
  (n) => (n >= 5 ? `arn:${"a".repeat(n - 4)}` : "arn:a"),
];
const notMatching: ((n: number) => string)[] = [(n) => "\n".repeat(n), (n) => "\u0000".repeat(n), (n) => "a".repeat(n), (n) => "-".repeat(n)];

const cp = (s: string): number => [...s].length;

function matchingString(n: number, pattern: string | undefined): string | undefined {
  const re = pattern === undefined ? undefined : new RegExp(pattern, "u");
  for (const f of matching) {
    const s = f(n);
    if (cp(s) === n && (re === undefined || re.test(s))) return s;
  }
  return undefined;
}

function nonMatchingString(n: number, pattern: string): string {
  const re = new RegExp(pattern, "u");
  for (const f of notMatching) {
    const s = f(n);
    if (!re.test(s)) return s;
  }
  throw new Error(`no non-matching string for ${pattern}`);
}

/** A string that satisfies a string shape (length and pattern), or the first enum value. */
function validString(s: ModelShape): string {
  const en = trait<{ value: string }[]>(s.traits, "enum");
  if (en !== undefined) return en[0]!.value;
  const len = trait<Bounds>(s.traits, "length");
  const pattern = trait<string>(s.traits, "pattern");
  const v = matchingString(Math.max(len?.min ?? 1, 1), pattern) ?? matchingString(12, pattern);
  if (v === undefined) throw new Error(`cannot build a value for ${pattern}`);
  return v;
}

/** A minimal valid value of a shape: required members only, the smallest list. */
function validValue(id: string, range?: Bounds): unknown {
  const s = shapeOf(id);
  switch (s.type) {
    case "string":
      return validString(s);
    case "integer":
      return range?.min ?? 0;
    case "document":
      return {};
    case "structure":
      return Object.fromEntries(
        Object.entries(s.members ?? {})
          .filter(([, m]) => trait(m.traits, "required") !== undefined)
          .map(([name, m]) => [name, validValue(m.target, trait<Bounds>(m.traits, "range"))]),
      );
    case "union": {
      const [name, m] = Object.entries(s.members ?? {})[0]!;
      return { [name]: validValue(m.target) };
    }
    case "list": {
      const min = trait<Bounds>(s.traits, "length")?.min ?? 0;
      return Array.from({ length: min }, () => validValue(s.member!.target));
    }
    case "map":
      return {};
    default:
      throw new Error(`unhandled shape type ${s.type}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Where a value can be placed in a request, and what to put there.

type Step = { kind: "member"; name: string; parentIsUnion: boolean } | { kind: "index" } | { kind: "mapKey" } | { kind: "mapValue" };

interface Case {
  where: string;
  label: string;
  steps: Step[];
  value: unknown;
  /** Remove the member instead of setting it. */
  remove?: boolean;
  accept: boolean;
}

const clone = <T>(v: T): T => structuredClone(v);

/** The base request with `value` placed at `steps` (creating the containers on the way). */
function place(steps: Step[], value: unknown, remove = false): unknown {
  if (steps.length === 0) return value;
  const base = clone(validValue(ROOT)) as Record<string, unknown>;
  let holder: Record<string, unknown> | unknown[] = base;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const last = i === steps.length - 1;
    if (step.kind === "member") {
      const h = holder as Record<string, unknown>;
      if (step.parentIsUnion && !(step.name in h)) {
        for (const k of Object.keys(h)) delete h[k];
      }
      if (last) {
        if (remove) delete h[step.name];
        else h[step.name] = value;
        return base;
      }
      const next = steps[i + 1]!;
      if (h[step.name] === undefined) h[step.name] = next.kind === "index" ? [] : {};
      holder = h[step.name] as Record<string, unknown> | unknown[];
    } else if (step.kind === "index") {
      const h = holder as unknown as unknown[];
      if (last) {
        h[0] = value;
        return base;
      }
      holder = h[0] as Record<string, unknown>;
    } else if (step.kind === "mapKey") {
      // `value` is the key; the entry's value comes from `steps` context (a valid tag value).
      (holder as Record<string, unknown>)[value as string] = "v";
      return base;
    } else {
      (holder as Record<string, unknown>)["k"] = value;
      return base;
    }
  }
  return base;
}

const show = (v: unknown): string => {
  const s = typeof v === "string" ? `${JSON.stringify(v.slice(0, 12))}${v.length > 12 ? `… (${cp(v)} code points)` : ""}` : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

function stringCases(where: string, steps: Step[], s: ModelShape, out: Case[]): void {
  const en = trait<{ value: string }[]>(s.traits, "enum");
  const len = trait<Bounds>(s.traits, "length");
  const pattern = trait<string>(s.traits, "pattern");
  const add = (label: string, value: unknown, accept: boolean): void => {
    out.push({ where, label: `${label}: ${show(value)}`, steps, value, accept });
  };
  if (en !== undefined) {
    for (const e of en) add("enum value", e.value, true);
    add("not a member", "NOT_A_MEMBER", false);
    add("member in lower case", en[0]!.value.toLowerCase(), false);
    if (len?.max !== undefined) add("longer than the length trait", "A".repeat(len.max + 1), false);
  } else {
    if (len !== undefined) {
      const min = len.min ?? 0;
      const max = len.max;
      if (min > 0) add("length min-1", matchingString(min - 1, pattern) ?? "a".repeat(min - 1), false);
      // (`^arn:.+$` has no 1-character match: then the minimum cannot be probed on its own.)
      const atMin = matchingString(min, pattern);
      if (atMin !== undefined) add("length min", atMin, true);
      if (max !== undefined) {
        add("length max", matchingString(max, pattern)!, true);
        add("length max+1", matchingString(max + 1, pattern)!, false);
        if (pattern === undefined || new RegExp(pattern, "u").test("😀")) {
          // Code points, not UTF-16 units: max emoji are `max` long though `.length` is 2 * max.
          add("max code points (2 units each)", "😀".repeat(max), true);
          add("max+1 code points", "😀".repeat(max + 1), false);
        }
      }
    }
    if (pattern !== undefined) {
      const n = Math.max(len?.min ?? 1, 1);
      add("matches the pattern", matchingString(n, pattern) ?? matchingString(12, pattern)!, true);
      add("does not match the pattern", nonMatchingString(n === 1 && len?.min === undefined ? 12 : n, pattern), false);
    }
  }
  add("not a string", 1, false);
}

function casesFor(id: string, where: string, steps: Step[], range: Bounds | undefined, out: Case[], depth: number): void {
  const s = shapeOf(id);
  switch (s.type) {
    case "string":
      stringCases(where, steps, s, out);
      return;
    case "integer": {
      const add = (label: string, value: unknown, accept: boolean): void => {
        out.push({ where, label: `${label}: ${show(value)}`, steps, value, accept });
      };
      if (range?.min !== undefined) {
        add("range min-1", range.min - 1, false);
        add("range min", range.min, true);
        add("fraction", range.min + 0.5, false);
      }
      if (range?.max !== undefined) {
        add("range max", range.max, true);
        add("range max+1", range.max + 1, false);
      }
      add("a string", "1", false);
      return;
    }
    case "document":
      for (const [label, v] of [
        ["object", { a: [1, "x", null, true, { b: 2.5 }] }],
        ["list", [1, 2]],
        ["string", "x"],
        ["number", 3],
        ["null", null],
      ] as const) {
        out.push({ where, label: `document ${label}`, steps, value: v, accept: true });
      }
      out.push({ where, label: "document holding NaN", steps, value: { a: Number.NaN }, accept: false });
      return;
    case "structure": {
      for (const [name, m] of Object.entries(s.members ?? {})) {
        const childSteps: Step[] = [...steps, { kind: "member", name, parentIsUnion: false }];
        const childWhere = `${where}.${name}`;
        const required = trait(m.traits, "required") !== undefined;
        out.push({ where: childWhere, label: required ? "required: missing" : "optional: missing", steps: childSteps, value: undefined, remove: true, accept: !required });
        if (depth < 6) casesFor(m.target, childWhere, childSteps, trait<Bounds>(m.traits, "range"), out, depth + 1);
      }
      out.push({ where, label: "unknown member", steps: [...steps, { kind: "member", name: "notAMember", parentIsUnion: false }], value: "x", accept: false });
      out.push({ where, label: "not an object", steps, value: "x", accept: false });
      return;
    }
    case "union": {
      const members = Object.entries(s.members ?? {});
      for (const [name, m] of members) {
        const childSteps: Step[] = [...steps, { kind: "member", name, parentIsUnion: true }];
        out.push({ where: `${where}.${name}`, label: "union: this member alone", steps: childSteps, value: validValue(m.target), accept: true });
        casesFor(m.target, `${where}.${name}`, childSteps, undefined, out, depth + 1);
      }
      out.push({
        where,
        label: "union: every member at once",
        steps,
        value: Object.fromEntries(members.map(([name, m]) => [name, validValue(m.target)])),
        accept: false,
      });
      out.push({ where, label: "union: no member", steps, value: {}, accept: false });
      return;
    }
    case "list": {
      const len = trait<Bounds>(s.traits, "length");
      const item = validValue(s.member!.target);
      const items = (n: number): unknown[] => Array.from({ length: n }, () => clone(item));
      if (len?.min !== undefined) {
        if (len.min > 0) out.push({ where, label: `list length min-1 (${len.min - 1})`, steps, value: items(len.min - 1), accept: false });
        out.push({ where, label: `list length min (${len.min})`, steps, value: items(len.min), accept: true });
      }
      if (len?.max !== undefined) {
        out.push({ where, label: `list length max (${len.max})`, steps, value: items(len.max), accept: true });
        out.push({ where, label: `list length max+1 (${len.max + 1})`, steps, value: items(len.max + 1), accept: false });
      }
      out.push({ where, label: "not a list", steps, value: {}, accept: false });
      casesFor(s.member!.target, `${where}[0]`, [...steps, { kind: "index" }], undefined, out, depth + 1);
      return;
    }
    case "map": {
      const len = trait<Bounds>(s.traits, "length");
      const entries = (n: number): Record<string, string> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
      if (len?.min !== undefined && len.min > 0) out.push({ where, label: "map size min-1", steps, value: entries(len.min - 1), accept: false });
      if (len?.max !== undefined) {
        out.push({ where, label: "map size max", steps, value: entries(len.max), accept: true });
        out.push({ where, label: "map size max+1", steps, value: entries(len.max + 1), accept: false });
      }
      out.push({ where, label: "not a map", steps, value: ["v"], accept: false });
      // Keys: place each generated key string as a key; values: under key `k`.
      const keyCases: Case[] = [];
      stringCases(`${where}{key}`, [...steps, { kind: "mapKey" }], shapeOf(s.key!.target), keyCases);
      out.push(...keyCases.filter((c) => typeof c.value === "string"));
      casesFor(s.value!.target, `${where}{value}`, [...steps, { kind: "mapValue" }], undefined, out, depth + 1);
      return;
    }
    default:
      throw new Error(`unhandled shape type ${s.type} (${id})`);
  }
}

const cases: Case[] = [];
casesFor(ROOT, "request", [], undefined, cases, 0);

describe("the generated model says what the model file says", () => {
  it("is HealthOmics 2022-11-28", () => {
    expect(botocore.metadata).toMatchObject({ apiVersion: "2022-11-28", serviceId: "Omics" });
  });

  const ids = reachable();
  it("covers every shape reachable from StartRunBatchRequest, and nothing else", () => {
    expect(Object.keys(shapes).sort()).toEqual(ids.map(shortName).sort());
  });

  it.each(ids.map((id) => [shortName(id)]))("%s", (name) => {
    const b = botocore.shapes[name]!;
    const t = (shapes as Record<string, Record<string, unknown>>)[name]!;
    const bounds = b.min === undefined && b.max === undefined ? undefined : { ...(b.min !== undefined ? { min: b.min } : {}), ...(b.max !== undefined ? { max: b.max } : {}) };
    const type = b.document === true ? "document" : b.union === true ? "union" : b.type;
    const expected: Record<string, unknown> = { type };
    if (bounds !== undefined) expected[type === "integer" ? "range" : "length"] = bounds;
    if (b.enum !== undefined) expected.enum = b.enum;
    if (b.member !== undefined) expected.member = b.member.shape;
    if (b.key !== undefined) expected.key = b.key.shape;
    if (b.value !== undefined) expected.value = b.value.shape;
    if (b.members !== undefined && type !== "document") {
      expected.members = Object.entries(b.members).map(([memberName, m]) => ({
        name: memberName,
        target: m.shape,
        ...((b.required ?? []).includes(memberName) ? { required: true } : {}),
      }));
    }
    const { pattern, ...rest } = t;
    expect(rest).toEqual(expected);
    if (b.pattern === undefined) expect(pattern).toBeUndefined();
    else {
      // The same language as the whole-value form of the model's pattern.
      expect([`^${b.pattern}$`, whole(b.pattern)]).toContain(pattern);
    }
  });
});

describe("StartRunBatchRequestSchema against the model's constraints", () => {
  it("accepts the minimal valid request built from the model", () => {
    expect(StartRunBatchRequestSchema.safeParse(validValue(ROOT)).success).toBe(true);
  });

  it("derives a case for every kind of constraint", () => {
    const labels = new Set(cases.map((c) => c.label.replace(/:.*$/, "").replace(/ \(\d+\)$/, "")));
    for (const l of [
      "required",
      "optional",
      "length min-1",
      "length max+1",
      "does not match the pattern",
      "range max+1",
      "fraction",
      "not a member",
      "list length max+1",
      "union",
      "unknown member",
    ]) {
      expect([...labels].some((x) => x.startsWith(l))).toBe(true);
    }
    expect(cases.length).toBeGreaterThan(250);
  });

  it.each(cases.map((c) => [`${c.where} — ${c.label} → ${c.accept ? "accepted" : "rejected"}`, c] as const))("%s", (_, c) => {
    const request = place(c.steps, c.value, c.remove);
    const result = StartRunBatchRequestSchema.safeParse(request);
    expect(result.success).toBe(c.accept);
  });
});
