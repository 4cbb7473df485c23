// Group commit for the embedded file (issue #19). A booking's statements take tens of
// microseconds; its COMMIT took about 240 (appending every page it touched to the WAL, and
// its share of the checkpoints), over half of SQLite's time per booking. Write batches that
// arrive in the same turn of the event loop now commit together, as a server database's
// group commit does: one BEGIN IMMEDIATE, each batch inside its own SAVEPOINT, one COMMIT.
//
// What each caller sees is unchanged: its batch is all or nothing (a failing statement rolls
// back its own savepoint only, and its promise rejects with the statement's index), and no
// promise settles before the COMMIT that made its batch durable. Every libSQL call is
// synchronous on this thread, so the group runs without interleaving: the batches are
// serialised in arrival order exactly as if each had its own transaction.

/** The part of a libSQL connection a group needs. */
export interface Connection {
  exec(sql: string): void;
  readonly inTransaction: boolean;
}

export interface GroupCommit<B, R> {
  /** Queues a write batch for this turn's group; settles after its group's COMMIT. */
  submit(batch: B): Promise<R>;
  /** Commits what is queued now (before the connection closes). */
  flush(): void;
  /** Transactions committed so far (a test checks that batches share them under load). */
  readonly commits: number;
}

interface Waiting<B, R> {
  batch: B;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * `apply` runs one batch's statements on the connection and returns its results, throwing on
 * the first statement that fails; `toError` turns SQLite's errors for BEGIN and COMMIT into
 * the client's.
 */
export function groupCommit<B, R>(conn: Connection, apply: (batch: B) => R, toError: (e: unknown) => unknown): GroupCommit<B, R> {
  let queue: Waiting<B, R>[] = [];
  let commits = 0;

  function flush() {
    let group = queue;
    queue = [];
    while (group.length > 0) group = commitGroup(group);
  }

  /** Commits a group; returns the batches to run again when SQLite lost the whole transaction. */
  function commitGroup(group: Waiting<B, R>[]): Waiting<B, R>[] {
    try {
      conn.exec("BEGIN IMMEDIATE");
    } catch (e) {
      for (const w of group) w.reject(toError(e));
      return [];
    }
    // A batch alone needs no savepoint: its failure rolls back the transaction.
    const alone = group.length === 1;
    const done: Array<[Waiting<B, R>, R]> = [];
    for (let i = 0; i < group.length; i++) {
      const w = group[i]!;
      try {
        if (!alone) conn.exec("SAVEPOINT batch");
        const result = apply(w.batch);
        if (!alone) conn.exec("RELEASE batch");
        done.push([w, result]);
      } catch (e) {
        w.reject(e);
        if (!alone && conn.inTransaction && undoSavepoint()) continue;
        // SQLite ended the transaction itself (an I/O error, a full disk, RAISE(ROLLBACK)),
        // or this batch was alone: nothing of the group was kept, so the others run again.
        if (conn.inTransaction) conn.exec("ROLLBACK");
        return [...done.map(([d]) => d), ...group.slice(i + 1)];
      }
    }
    try {
      conn.exec("COMMIT");
      commits++;
    } catch (e) {
      if (conn.inTransaction) conn.exec("ROLLBACK");
      for (const [w] of done) w.reject(toError(e));
      return [];
    }
    for (const [w, result] of done) w.resolve(result);
    return [];
  }

  function undoSavepoint(): boolean {
    try {
      conn.exec("ROLLBACK TO batch");
      conn.exec("RELEASE batch");
      return true;
    } catch {
      return false;
    }
  }

  return {
    submit(batch) {
      return new Promise<R>((resolve, reject) => {
        // setImmediate runs after the poll phase has taken every request that was ready, so
        // the batches of all of them meet in one group; one waiting batch costs one turn.
        if (queue.length === 0) setImmediate(flush);
        queue.push({ batch, resolve, reject });
      });
    },
    flush,
    get commits() {
      return commits;
    },
  };
}
