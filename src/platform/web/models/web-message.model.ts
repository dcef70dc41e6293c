import { Schema, type Connection } from 'mongoose';

const webMessageSchema = new Schema(
  {
    conversationKind: { type: String, enum: ['group', 'private'], required: true },
    /** The group's id, or for a private chat with the bot the person's id. */
    conversationId: { type: String, required: true },
    senderId: { type: String, required: true },
    senderName: { type: String, required: true },
    text: { type: String, default: '' },
    mentionIds: { type: [String], default: [] },
    file: {
      type: new Schema({ id: String, name: String, kind: { type: String, enum: ['image', 'file'] }, mimeType: String }, { _id: false }),
      default: undefined,
    },
    /** A line the chat itself shows (someone joined, was removed); not said by anyone. */
    notice: { type: Boolean, default: false },
    /** When it was said, on the chat's clock (the simulated one in a fast demo). */
    at: { type: Date, required: true },
    fromBot: { type: Boolean, default: false },
    recalled: { type: Boolean, default: false },
    editedAt: { type: Date },
    /** First line of a board message the bot keeps re-sending (the sign-in board); the latest replaces it in place. */
    boardKey: { type: String },
  },
  { timestamps: true, collection: 'webchat_messages' },
);
webMessageSchema.index({ conversationKind: 1, conversationId: 1, _id: -1 });

const buildWebMessage = (conn: Connection) => conn.model('WebChatMessage', webMessageSchema);

/** Registers the model of one message of the built-in web chat. */
export function webMessageModel(conn: Connection): ReturnType<typeof buildWebMessage> {
  return (conn.models.WebChatMessage as ReturnType<typeof buildWebMessage> | undefined) ?? buildWebMessage(conn);
}
