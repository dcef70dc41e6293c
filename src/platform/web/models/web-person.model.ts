import { Schema, type Connection } from 'mongoose';

const webPersonSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    /** What the persona switcher shows beside the name (工作人员, 讲师, 学员); display only. */
    label: { type: String, default: '' },
  },
  { timestamps: true, collection: 'webchat_people' },
);

const buildWebPerson = (conn: Connection) => conn.model('WebChatPerson', webPersonSchema);

/** Registers the model of a person of the built-in web chat (the platform's own user list). */
export function webPersonModel(conn: Connection): ReturnType<typeof buildWebPerson> {
  return (conn.models.WebChatPerson as ReturnType<typeof buildWebPerson> | undefined) ?? buildWebPerson(conn);
}
