// Lexer tests: token kinds and exact offsets, modes for strings and interpolation, and
// every lexical diagnostic (BC1001-BC1003) with its line:column and message.
import { describe, expect, it } from "vitest";
import { SourceFile } from "../source.js";
import { tokenize } from "./lex.js";

/** `Kind:image@start` for every token, end offsets checked against the image. */
function lex(text: string): string[] {
  const { tokens } = tokenize(new SourceFile("t.batch", text));
  return tokens.map((t) => {
    expect(t.endOffset).toBe(t.startOffset + t.image.length - 1);
    return `${t.tokenType.name}:${t.image}@${t.startOffset}`;
  });
}

function diagnostics(text: string): string[] {
  const source = new SourceFile("t.batch", text);
  return tokenize(source).diagnostics.map((d) => {
    const p = source.position(d.span.start);
    return `${d.code} ${p.line}:${p.column} ${d.message}`;
  });
}

describe("comments", () => {
  it("are kept beside the tokens, from `#` to the end of the line, also after a cut string", () => {
    const text = 'let a = 1 # one\n# two "x"\nlet b = "${c\n# three\n';
    const spans = tokenize(new SourceFile("t.batch", text)).comments;
    expect(spans.map((c) => text.slice(c.start, c.end))).toEqual(["# one", '# two "x"', "# three"]);
  });
});

describe("tokenize", () => {
  const table: [string, string, string[]][] = [
    ["numbers", "42 1.5 2e3 1.5e-3 7E+2", ["NumberLiteral:42@0", "NumberLiteral:1.5@3", "NumberLiteral:2e3@7", "NumberLiteral:1.5e-3@11", "NumberLiteral:7E+2@18"]],
    ["a range is not a float", "1..4", ["NumberLiteral:1@0", "DotDot:..@1", "NumberLiteral:4@3"]],
    ["minus is not part of a number", "-3", ["Minus:-@0", "NumberLiteral:3@1"]],
    ["keywords and identifiers", "for format in_ in iffy if", ["For:for@0", "Identifier:format@4", "Identifier:in_@11", "In:in@15", "Identifier:iffy@18", "If:if@23"]],
    ["comments and newlines are skipped", "let # a comment \"x\"\nx", ["Let:let@0", "Identifier:x@20"]],
    [
      "operators, longest first",
      "== != <= >= < > = .. . + - * / % | ? : ,",
      [
        "EqualEqual:==@0", "NotEqual:!=@3", "LessEqual:<=@6", "GreaterEqual:>=@9", "Less:<@12", "Greater:>@14", "Equals:=@16",
        "DotDot:..@18", "Dot:.@21", "Plus:+@23", "Minus:-@25", "Star:*@27", "Slash:/@29", "Percent:%@31", "Pipe:|@33",
        "Question:?@35", "Colon::@37", "Comma:,@39",
      ],
    ],
    ["a plain string", '"abc"', ["StringStart:\"@0", "StringText:abc@1", "StringEnd:\"@4"]],
    ["an empty string", '""', ["StringStart:\"@0", "StringEnd:\"@1"]],
    [
      "escapes are tokens of their own",
      '"a\\"b\\$\\n"',
      ["StringStart:\"@0", "StringText:a@1", "StringEscape:\\\"@2", "StringText:b@4", "StringEscape:\\$@5", "StringEscape:\\n@7", "StringEnd:\"@9"],
    ],
    ["a `$` without `{` is text", '"$5 and $"', ["StringStart:\"@0", "StringText:$5 and $@1", "StringEnd:\"@9"]],
    [
      "interpolation switches back to the main mode",
      '"a${x + 1}b"',
      [
        "StringStart:\"@0", "StringText:a@1", "InterpolationStart:${@2", "Identifier:x@4", "Plus:+@6", "NumberLiteral:1@8",
        "RBrace:}@9", "StringText:b@10", "StringEnd:\"@11",
      ],
    ],
    [
      "braces and strings nest inside an interpolation",
      '"${ {k: "}"}.k }"',
      [
        "StringStart:\"@0", "InterpolationStart:${@1", "LBrace:{@4", "Identifier:k@5", "Colon::@6", "StringStart:\"@8",
        "StringText:}@9", "StringEnd:\"@10", "RBrace:}@11", "Dot:.@12", "Identifier:k@13", "RBrace:}@15", "StringEnd:\"@16",
      ],
    ],
    [
      "templates nest",
      '"${"${x}"}"',
      [
        "StringStart:\"@0", "InterpolationStart:${@1", "StringStart:\"@3", "InterpolationStart:${@4", "Identifier:x@6",
        "RBrace:}@7", "StringEnd:\"@8", "RBrace:}@9", "StringEnd:\"@10",
      ],
    ],
    ["offsets count UTF-16 units", '"é😀" x', ["StringStart:\"@0", "StringText:é😀@1", "StringEnd:\"@4", "Identifier:x@6"]],
    ["a `}` with nothing open is still a token", "} x", ["RBrace:}@0", "Identifier:x@2"]],
  ];
  for (const [description, input, expected] of table) {
    it(description, () => {
      expect(lex(input)).toEqual(expected);
      expect(diagnostics(input)).toEqual([]);
    });
  }

  it("turns a string cut by a line break into a closed string and goes on", () => {
    expect(lex('"ab\nx')).toEqual(["StringStart:\"@0", "StringText:ab@1", "StringEnd:@3", "Identifier:x@4"]);
  });

  it("closes a string at the end of its line when an interpolation swallowed the line break", () => {
    expect(lex('"a${x\nlet y')).toEqual([
      "StringStart:\"@0", "StringText:a@1", "InterpolationStart:${@2", "Identifier:x@4", "RBrace:@5", "StringEnd:@5",
      "Let:let@6", "Identifier:y@10",
    ]);
  });
});

describe("lexical diagnostics", () => {
  it("BC1001 reports a run of unknown characters once, and lexing goes on", () => {
    expect(diagnostics("let x = 1 @@ + 2\nlet y = 'a'")).toEqual([
      'BC1001 1:11 unexpected characters "@@"',
      "BC1001 2:9 unexpected character \"'\"",
      "BC1001 2:11 unexpected character \"'\"",
    ]);
    expect(lex("x @ y")).toEqual(["Identifier:x@0", "Identifier:y@4"]);
  });

  it("BC1001 suggests a fix for characters from other languages", () => {
    const helps = (text: string): (string | undefined)[] => tokenize(new SourceFile("t", text)).diagnostics.map((d) => d.help);
    expect(helps("'a'")[0]).toBe('strings are written in double quotes: "..."');
    expect(helps("a & b")).toEqual(["use `and`"]);
    expect(helps("!a")).toEqual(["use `not` (or `!=` to compare)"]);
    expect(helps("a ~ b")).toEqual(["remove it, or put it inside a string"]);
  });

  it("BC1002 reports a string without its closing quote on the line", () => {
    expect(diagnostics('let a = "abc\nlet b = "ok"\nlet c = "x')).toEqual(["BC1002 1:9 unterminated string", "BC1002 3:9 unterminated string"]);
    const d = tokenize(new SourceFile("t", 'x = "abc\n')).diagnostics[0];
    expect(d?.span).toEqual({ start: 4, end: 8 });
    expect(d?.help).toBe('close it with `"`; a string cannot span lines (write a line break as `\\n`)');
  });

  it("BC1002 is reported once for a string whose interpolation runs over the line", () => {
    expect(diagnostics('name = "x ${s.a\nuri = "s3://b/"\n}\n')).toEqual(["BC1002 1:8 unterminated string"]);
  });

  it("BC1003 reports an unknown escape at its place", () => {
    expect(diagnostics('"ok \\t \\q \\u0041"')).toEqual(["BC1003 1:8 unknown escape `\\q` in a string", "BC1003 1:11 unknown escape `\\u` in a string"]);
    expect(tokenize(new SourceFile("t", '"\\q"')).diagnostics[0]?.help).toBe('the escapes are `\\"`, `\\\\`, `\\n`, `\\t` and `\\$`');
  });

  it("does not report a lone backslash before the line break twice", () => {
    expect(diagnostics('"abc\\\nx')).toEqual(["BC1002 1:1 unterminated string"]);
  });
});
