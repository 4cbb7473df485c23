// The embedded libSQL file as a `@libsql/client` Client with ONE connection and statements
// compiled once (issue #19). `@libsql/client`'s local client is a pool of up to 20
// connections that prepares every statement on every call: PRAGMAs reached one connection
// only (the others ran with synchronous=FULL and busy_timeout=0), and compiling the SQL was
// 15% of a booking's CPU. Every libSQL call is synchronous on the event loop, so a pool buys
// no parallelism in one process; one connection, configured once, is exactly as fast and
// has one set of settings. Write batches commit in groups (src/db/group-commit.ts): each
// runs inside the group's transaction without yielding, so no other request's statement can
// land inside it.
import Database from "libsql";
import { groupCommit } from "./group-commit";
import { LibsqlError, LibsqlBatchError, type Client, type InArgs, type InStatement, type ResultSet, type Transaction, type TransactionMode } from "@libsql/client";

type Statement = ReturnType<Database.Database["prepare"]>;

/** Settings every statement runs under; `openLibsqlFile` checks they took (tests read them back). */
export const CONNECTION_PRAGMAS = [
  // WAL lets readers proceed while a booking batch writes.
  "journal_mode = WAL",
  // Writers from another process (a second core, a script) queue for the lock instead of failing.
  "busy_timeout = 10000",
  "foreign_keys = ON",
  // Durable at every checkpoint, without an fsync per commit (WAL makes this safe from corruption).
  "synchronous = NORMAL",
  // 64 MB of page cache: the booking path touches several indexes of a table that grows to
  // millions of rows; with the 2 MB default its p99 grew with the table, not with the load.
  "cache_size = -65536",
] as const;

/** How many distinct SQL texts keep their compiled statement (the app has a few hundred). */
const STATEMENT_CACHE_SIZE = 1000;

interface Compiled {
  stmt: Statement;
  reader: boolean;
  columns: string[];
  Row: RowClass;
}

type RowClass = new (values: unknown[]) => Record<string, unknown>;

const VALUES = Symbol("values");

/**
 * The Row shape `@libsql/client` returns (named properties enumerable, positions and length
 * not) without defining 2n properties per row: names are plain fields, positions are getters
 * on a prototype shared by every row of the statement. drizzle reads rows both ways.
 */
function rowClass(columns: string[]): RowClass {
  const names = new Map<string, number>();
  columns.forEach((c, i) => names.has(c) || names.set(c, i));
  const entries = [...names];
  class Row {
    [key: string]: unknown;
    constructor(values: unknown[]) {
      Object.defineProperty(this, VALUES, { value: values });
      for (const [name, i] of entries) this[name] = values[i];
    }
  }
  const proto = Row.prototype as unknown as Record<string | symbol, unknown>;
  Object.defineProperty(proto, "length", { value: columns.length });
  for (let i = 0; i < columns.length; i++) {
    Object.defineProperty(proto, i, {
      get(this: { [VALUES]: unknown[] }) {
        return this[VALUES][i];
      },
    });
  }
  return Row as unknown as RowClass;
}

function toSqlValue(value: unknown): unknown {
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) throw new RangeError("Only finite numbers (not Infinity or NaN) can be passed as arguments");
      return value;
    case "boolean":
      return value ? 1 : 0;
    case "undefined":
      throw new TypeError("undefined cannot be passed as argument to the database");
    default:
      if (value instanceof Date) return value.valueOf();
      if (value instanceof ArrayBuffer) return Buffer.from(value);
      return value;
  }
}

function toLibsqlError(e: unknown): unknown {
  if (e instanceof Database.SqliteError) {
    const err = e as Error & { code: string; rawCode?: number };
    return new LibsqlError(err.message, err.code.replace(/^(SQLITE_[A-Z]+)_.*$/, "$1"), err.code, err.rawCode, err);
  }
  return e;
}

export interface LocalClient extends Client {
  /** The one connection, for tests that check its settings. */
  readonly connection: Database.Database;
  /** How many statements have been compiled (a test checks the hot path reuses them). */
  readonly compiledCount: number;
  /** Write transactions committed (a test checks that concurrent batches share them). */
  readonly commitCount: number;
  /**
   * Changes whenever the file's data may have changed: rows written on this connection
   * (total_changes) or a commit by any other connection or process (data_version).
   */
  dataVersion(): string;
}

export function openLocalClient(path: string): LocalClient {
  const db = new Database(path);
  for (const pragma of CONNECTION_PRAGMAS) db.exec(`PRAGMA ${pragma}`);
  const cache = new Map<string, Compiled>();
  let compiledCount = 0;
  let closed = false;
  const versionOfData = db.prepare("select total_changes(), (select data_version from pragma_data_version)").raw(true);

  function compile(sql: string): Compiled {
    const hit = cache.get(sql);
    if (hit) return hit;
    const stmt = db.prepare(sql);
    compiledCount++;
    const reader = stmt.reader;
    if (reader) stmt.raw(true);
    const columns = reader ? stmt.columns().map((c) => c.name) : [];
    const compiled = { stmt, reader, columns, Row: rowClass(columns) };
    // Oldest out first: a bounded cache for a bounded set of query shapes.
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(sql, compiled);
    return compiled;
  }

  function run(input: InStatement | string, extra?: InArgs): ResultSet {
    const sql = typeof input === "string" ? input : input.sql;
    const rawArgs = typeof input === "string" ? (extra ?? []) : (input.args ?? []);
    let args: unknown[] | Record<string, unknown>;
    if (Array.isArray(rawArgs)) args = rawArgs.map(toSqlValue);
    else {
      const named: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(rawArgs)) named[/^[@$:]/.test(k) ? k.slice(1) : k] = toSqlValue(v);
      args = named;
    }
    try {
      const { stmt, reader, columns, Row } = compile(sql);
      if (reader) {
        const values = stmt.all(args) as unknown[][];
        const rows = values.map((v) => new Row(v));
        return result(columns, rows as never, 0, undefined);
      }
      const info = stmt.run(args);
      return result([], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (e) {
      throw toLibsqlError(e);
    }
  }

  type Batch = Array<InStatement | [string, InArgs?]>;

  /** A batch's statements in order, inside a transaction the caller holds. */
  function runAll(stmts: Batch): ResultSet[] {
    const results: ResultSet[] = [];
    stmts.forEach((s, i) => {
      try {
        results.push(Array.isArray(s) ? run(s[0], s[1]) : run(s));
      } catch (e) {
        if (e instanceof LibsqlError) throw new LibsqlBatchError(e.message, i, e.code, e.extendedCode, e.rawCode, e.cause as Error);
        throw e;
      }
    });
    return results;
  }

  const writes = groupCommit<Batch, ResultSet[]>(db, runAll, toLibsqlError);

  function inBatch(stmts: Batch, begin: string): ResultSet[] {
    db.exec(begin);
    try {
      const results = runAll(stmts);
      db.exec("COMMIT");
      return results;
    } finally {
      if (db.inTransaction) db.exec("ROLLBACK");
    }
  }

  const check = () => {
    if (closed) throw new LibsqlError("The client is closed", "CLIENT_CLOSED");
  };

  const client: LocalClient = {
    get connection() {
      return db;
    },
    get compiledCount() {
      return compiledCount;
    },
    get commitCount() {
      return writes.commits;
    },
    dataVersion() {
      check();
      return (versionOfData.get() as unknown[]).join(".");
    },
    get closed() {
      return closed;
    },
    protocol: "file",
    async execute(stmtOrSql: InStatement | string, args?: InArgs) {
      check();
      return run(stmtOrSql, args);
    },
    async batch(stmts: Array<InStatement | [string, InArgs?]>, mode: TransactionMode = "deferred") {
      check();
      // Reads in a batch need no group; writes share one COMMIT with this turn's others.
      return mode === "write" ? writes.submit(stmts) : inBatch(stmts, "BEGIN DEFERRED");
    },
    async migrate(stmts: InStatement[]) {
      check();
      db.exec("PRAGMA foreign_keys = OFF");
      try {
        return inBatch(stmts, "BEGIN DEFERRED");
      } finally {
        db.exec("PRAGMA foreign_keys = ON");
      }
    },
    async transaction(): Promise<Transaction> {
      // An interactive transaction would hold the one connection across awaits, and every
      // other request's statements would run inside it. The app writes with batches (as D1
      // must), so this is never needed.
      throw new LibsqlError("Interactive transactions are not supported on the local client: use batch()", "TRANSACTION_UNSUPPORTED");
    },
    async executeMultiple(sql: string) {
      check();
      try {
        db.exec(sql);
      } catch (e) {
        throw toLibsqlError(e);
      }
    },
    async sync() {
      return undefined;
    },
    async reconnect() {},
    close() {
      if (closed) return;
      // Batches already accepted are committed, not dropped.
      writes.flush();
      closed = true;
      cache.clear();
      db.close();
    },
  } as unknown as LocalClient;
  return client;
}

function result(columns: string[], rows: ResultSet["rows"], rowsAffected: number, lastInsertRowid: bigint | undefined): ResultSet {
  return {
    columns,
    columnTypes: columns.map(() => ""),
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON() {
      return { columns, rows: rows.map((r) => Array.prototype.slice.call(r)), rowsAffected, lastInsertRowid: lastInsertRowid?.toString() ?? null };
    },
  };
}
