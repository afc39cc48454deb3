// The subset of better-sqlite3's API the baseline uses. Declared here (not @types) so the root typecheck passes
// whether or not the bench package is installed.
declare module 'better-sqlite3' {
  interface RunResult {
    changes: number
    lastInsertRowid: number | bigint
  }
  interface Statement<Row = unknown> {
    run(...params: unknown[]): RunResult
    get(...params: unknown[]): Row | undefined
    all(...params: unknown[]): Row[]
    iterate(...params: unknown[]): IterableIterator<Row>
    pluck(toggle?: boolean): this
  }
  interface Database {
    prepare<Row = unknown>(sql: string): Statement<Row>
    exec(sql: string): this
    pragma(source: string, options?: { simple?: boolean }): unknown
    transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void
    close(): this
  }
  interface DatabaseConstructor {
    new (filename: string, options?: { readonly?: boolean; fileMustExist?: boolean }): Database
  }
  const Database: DatabaseConstructor
  export default Database
  export type { Database, Statement }
}
