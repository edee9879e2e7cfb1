// Whether this is the shipped executable. scripts/bundle.mjs defines `BATCHC_SHIPPED_BUILD` as
// `true`: the lexer's and the grammar's own validations (token patterns, ambiguities, left
// recursion) run in the tests, so the executable skips them at start-up.
declare const BATCHC_SHIPPED_BUILD: boolean | undefined;

export const shipped = typeof BATCHC_SHIPPED_BUILD !== "undefined" && BATCHC_SHIPPED_BUILD;
