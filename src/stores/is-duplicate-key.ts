/** True for MongoDB's duplicate-key error, which our unique indexes use to keep invariants. */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/**
 * Runs an upsert again when a concurrent upsert of the same new key won the race
 * (MongoDB and FerretDB both answer the loser with a duplicate-key error).
 */
export async function upsertRetrying<T>(op: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await op();
    } catch (err) {
      if (!isDuplicateKey(err) || i >= attempts) throw err;
    }
  }
}
