import mongoose, { type Connection } from 'mongoose';

const DEFAULT_POOL_SIZE = 10;

/**
 * Opens a dedicated MongoDB connection (no global mongoose state, so tests can hold several).
 * strictQuery drops unknown filter paths; stores coerce user text with String(), so a
 * message can never become a query operator.
 */
export async function connectMongo(uri: string): Promise<Connection> {
  mongoose.set('strictQuery', true);
  // A bounded pool unless the URI sets one: a bot needs few connections, and FerretDB's
  // PostgreSQL backend can deadlock when a client keeps 50+ updates in flight at once.
  const maxPoolSize = /[?&]maxPoolSize=/i.test(uri) ? undefined : DEFAULT_POOL_SIZE;
  return mongoose.createConnection(uri, { serverSelectionTimeoutMS: 15_000, autoIndex: false, maxPoolSize }).asPromise();
}
