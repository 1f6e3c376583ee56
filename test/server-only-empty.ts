// Stands in for the `server-only` package under vitest (see vitest*.config.mts): tests are server code.
export {};
