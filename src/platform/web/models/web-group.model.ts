import { Schema, type Connection } from 'mongoose';

const webGroupSchema = new Schema(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    /** Person ids, the bot's included, in the order they joined. */
    memberIds: { type: [String], default: [] },
  },
  { timestamps: true, collection: 'webchat_groups' },
);

const buildWebGroup = (conn: Connection) => conn.model('WebChatGroup', webGroupSchema);

/** Registers the model of a group chat of the built-in web chat. */
export function webGroupModel(conn: Connection): ReturnType<typeof buildWebGroup> {
  return (conn.models.WebChatGroup as ReturnType<typeof buildWebGroup> | undefined) ?? buildWebGroup(conn);
}
