// Where JSON.parse failed: the offset of the first syntax error in a text it rejected (its
// errors on Node 20 give no position), found by a small scanner of the JSON grammar.

class Stop {}

/** A scanner of one JSON text; `at` is where it stopped. */
class JsonScanner {
  at = 0;
  private readonly n: number;

  constructor(private readonly text: string) {
    this.n = text.length;
  }

  private fail(): never {
    throw new Stop();
  }

  ws(): void {
    while (this.at < this.n) {
      const c = this.text.charCodeAt(this.at);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.at++;
      else break;
    }
  }

  value(): void {
    this.ws();
    const c = this.text[this.at];
    if (c === "{") this.container("}", () => this.member());
    else if (c === "[") this.container("]", () => this.value());
    else if (c === '"') this.str();
    else if (c !== undefined && /[-0-9]/.test(c)) this.number();
    else this.word();
  }

  /** An object or array: `open`, then items separated by commas, then `close`. */
  private container(close: "}" | "]", item: () => void): void {
    this.at++;
    this.ws();
    if (this.text[this.at] === close) {
      this.at++;
      return;
    }
    for (;;) {
      item();
      this.ws();
      if (this.text[this.at] === ",") {
        this.at++;
        continue;
      }
      if (this.text[this.at] === close) {
        this.at++;
        return;
      }
      this.fail();
    }
  }

  private member(): void {
    this.ws();
    if (this.text[this.at] !== '"') this.fail();
    this.str();
    this.ws();
    if (this.text[this.at] !== ":") this.fail();
    this.at++;
    this.value();
  }

  private number(): void {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.at, this.at + 400));
    if (!m) this.fail();
    this.at += (m as RegExpExecArray)[0].length;
  }

  private word(): void {
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return;
      }
    }
    this.fail();
  }

  private str(): void {
    const text = this.text;
    this.at++;
    while (this.at < this.n) {
      const c = text.charCodeAt(this.at);
      if (c === 34) {
        this.at++;
        return;
      }
      if (c < 32) this.fail();
      if (c === 92) {
        const e = text[this.at + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.at + 2, this.at + 6))) this.fail();
          this.at += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail();
        this.at += 2;
        continue;
      }
      this.at++;
    }
    this.fail();
  }
}

/** The offset of the first syntax error in a text that JSON.parse rejected. */
export function jsonErrorOffset(text: string): number {
  const scanner = new JsonScanner(text);
  try {
    scanner.value();
    scanner.ws();
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return Math.min(scanner.at, text.length);
}
