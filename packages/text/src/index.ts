// @batchc/text: text shared by every package.
export { closest, didYouMean, editDistance, meant, suggestionList } from "./suggest.js";
export { formatBytes, formatCount, plural } from "./count.js";
export { codePointLength, displayWidth } from "./width.js";
export { renderTable } from "./table.js";
export { csvField } from "./csv-field.js";
export { maskSecrets, safeCell, safeText } from "./safe-text.js";
