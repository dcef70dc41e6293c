import { Schema, type Connection } from 'mongoose';

const counterSchema = new Schema({ _id: { type: String, required: true }, seq: { type: Number, default: 0 } }, { collection: 'counters' });

const buildCounter = (conn: Connection) => conn.model('Counter', counterSchema);

/** Registers the model of named counters (short sequential numbers staff can type). */
export function counterModel(conn: Connection): ReturnType<typeof buildCounter> {
  return (conn.models.Counter as ReturnType<typeof buildCounter> | undefined) ?? buildCounter(conn);
}
