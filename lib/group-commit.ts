// Group commit: callers that each want to store one thing wait together, and one transaction
// stores them all. While a batch is being stored, new arrivals queue; when it ends, everything
// queued (up to `maxBatch`) goes as the next batch. An idle system adds no delay (a lone caller's
// batch starts at once); a busy one pays one BEGIN/COMMIT, one audit-chain lock and one insert
// per table for many callers instead of per caller.
//
// A batch is all or nothing. When it fails, each of its items is stored again on its own, so one
// item's error (a duplicate submission token, say) reaches that caller only and the others are
// still stored. Nobody is answered before the transaction holding their item has committed.

export type TGroupCommit<TIn, TOut> = {
  /** Stores `item` in the next batch; resolves once that batch has committed. */
  submit(item: TIn): Promise<TOut>;
  /** Items waiting and the batch in flight (for tests and metrics). */
  readonly pending: number;
};

type TWaiting<TIn, TOut> = { item: TIn; resolve: (out: TOut) => void; reject: (err: unknown) => void };

/**
 * `store(items)` must store every item in ONE transaction and answer one result per item, in order.
 * `maxBatch` caps a batch (a transaction holds its locks for longer with more rows).
 */
export function groupCommit<TIn, TOut>(store: (items: TIn[]) => Promise<TOut[]>, { maxBatch = 32 }: { maxBatch?: number } = {}): TGroupCommit<TIn, TOut> {
  const queue: TWaiting<TIn, TOut>[] = [];
  let inFlight = 0;
  let running = false;

  async function storeAlone(w: TWaiting<TIn, TOut>): Promise<void> {
    try {
      const [out] = await store([w.item]);
      w.resolve(out!);
    } catch (err) {
      w.reject(err);
    }
  }

  async function runBatches(): Promise<void> {
    running = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, maxBatch);
        inFlight = batch.length;
        if (batch.length === 1) {
          await storeAlone(batch[0]!);
          continue;
        }
        let outs: TOut[] | null = null;
        try {
          outs = await store(batch.map((w) => w.item));
          if (outs.length !== batch.length) throw new Error(`group commit: ${outs.length} results for ${batch.length} items`);
        } catch {
          outs = null;
        }
        if (outs) batch.forEach((w, i) => w.resolve(outs[i]!));
        // The batch rolled back as a whole: each item on its own, so an error reaches its caller only.
        else for (const w of batch) await storeAlone(w);
      }
    } finally {
      inFlight = 0;
      running = false;
    }
  }

  return {
    submit(item: TIn): Promise<TOut> {
      return new Promise<TOut>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!running) void runBatches();
      });
    },
    get pending() {
      return queue.length + inFlight;
    },
  };
}
