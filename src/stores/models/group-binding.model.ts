import { Schema, type Connection } from 'mongoose';

const groupBindingSchema = new Schema(
  {
    platform: { type: String, required: true },
    groupId: { type: String, required: true },
    cohortId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, default: '' },
    boundBy: { type: String, required: true },
    /** The bot account that serves the group (src/platform/bot-account.ts); absent on bindings made before it was recorded. */
    account: { type: String },
  },
  { timestamps: true, collection: 'group_bindings' },
);
groupBindingSchema.index({ platform: 1, groupId: 1 }, { unique: true });
groupBindingSchema.index({ cohortId: 1 });
// The outbox finds a group's account by its id alone (a queued message names no platform).
groupBindingSchema.index({ groupId: 1 });

const buildGroupBinding = (conn: Connection) => conn.model('GroupBinding', groupBindingSchema);

/** Registers the model that ties one platform group to one cohort. */
export function groupBindingModel(conn: Connection): ReturnType<typeof buildGroupBinding> {
  return (conn.models.GroupBinding as ReturnType<typeof buildGroupBinding> | undefined) ?? buildGroupBinding(conn);
}
