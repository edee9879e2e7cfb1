// @batchc/text: text shared by every package.
export { closest, didYouMean, editDistance, suggestionList } from "./suggest.js";
export { formatBytes, formatCount, plural } from "./count.js";
export { clipToWidth, codePointLength, displayWidth, padToWidth } from "./width.js";
export { MAX_CELL, renderTable } from "./table.js";
export { csvField } from "./csv-field.js";
export { maskSecrets, safeCell, safeText, type SafeTextOptions } from "./safe-text.js";
