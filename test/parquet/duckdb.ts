/**
 * DuckDB for the Parquet tests, an independent reader (its own Parquet
 * implementation, in C++), from the npm registry as a development dependency.
 * Where it cannot be installed or loaded, `duckdb` is null and the tests that
 * need it are skipped with a note saying why.
 */
export type Row = Record<string, unknown>;

export interface Query {
  /** Runs one statement; its rows as JSON-like objects (a DATE as `YYYY-MM-DD`, a LIST as an array). */
  rows(sql: string): Promise<Row[]>;
  /** Each column of a statement's result with its DuckDB type. */
  types(sql: string): Promise<Record<string, string>>;
}

async function open(): Promise<Query> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    rows: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Row[],
    types: async (sql) => {
      const result = await connection.runAndReadAll(sql);
      return Object.fromEntries(result.columnNames().map((name, i) => [name, String(result.columnTypes()[i])]));
    },
  };
}

export const duckdb: Query | null = await open().catch((error: unknown) => {
  console.warn(`NOTE: DuckDB could not be loaded (${error instanceof Error ? error.message : String(error)}); the tests that read the Parquet files back with it are skipped.`);
  return null;
});
