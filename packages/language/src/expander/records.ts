// Building record values safely: a key named `__proto__` must become an own property.
import type { RecordValue, Value } from "../values.js";

/** Sets `r[key] = v` as an own data property, even for the key `__proto__`. */
export function setKey(r: RecordValue, key: string, v: Value): void {
  if (key === "__proto__") Object.defineProperty(r, key, { value: v, enumerable: true, writable: true, configurable: true });
  else r[key] = v;
}

