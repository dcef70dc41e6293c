import mongoose, { type Connection } from 'mongoose';

/**
 * Opens a dedicated MongoDB connection (no global mongoose state, so tests can hold several).
 * strictQuery drops unknown filter paths; stores coerce user text with String(), so a
 * message can never become a query operator.
 */
export async function connectMongo(uri: string): Promise<Connection> {
  mongoose.set('strictQuery', true);
  return mongoose.createConnection(uri, { serverSelectionTimeoutMS: 15_000, autoIndex: false }).asPromise();
}
