import mongoose, { Types } from 'mongoose';
import { plainAttendance, type AttendanceInput } from '../../../src/stores/attendance-store';
import { plainPointEntry } from '../../../src/stores/points-store';
import { attendanceModel } from '../../../src/stores/models/attendance.model';
import { pointEntryModel } from '../../../src/stores/models/point-entry.model';
import type { PointEntry } from '../../../src/domain/types';

// Never connected: the models only build documents here.
const conn = mongoose.createConnection();
const now = new Date('2027-03-02T00:40:00.000Z');

/** What the model builds from the same fields, as the stores did before (cast, defaults, validate, toObject). */
async function byModel(model: new (fields: Record<string, unknown>) => mongoose.Document, fields: Record<string, unknown>, id: unknown): Promise<Record<string, unknown>> {
  const doc = new model({ ...fields, createdAt: now, updatedAt: now });
  await doc.validate();
  return { ...(doc.toObject({ depopulate: true }) as Record<string, unknown>), _id: id };
}

const signIn: AttendanceInput = {
  sessionId: new Types.ObjectId().toHexString(),
  cohortId: new Types.ObjectId().toHexString(),
  platform: 'wechaty',
  userId: 'wxid_1',
  name: '张桂兰',
  status: 'late',
  notEarly: true,
  minutesLate: 3,
  signedInAt: now,
  sourceEventId: 'msg-1',
};

describe('plainAttendance', () => {
  it('builds the document the attendance model builds, fields in the same order', async () => {
    const plain = plainAttendance(signIn, now)!;
    const model = await byModel(attendanceModel(conn), { ...signIn, sessionId: new Types.ObjectId(signIn.sessionId), cohortId: new Types.ObjectId(signIn.cohortId) }, plain._id);
    expect(plain._id).toBeInstanceOf(Types.ObjectId);
    expect(plain).toEqual(model);
    expect(Object.keys(plain)).toEqual(Object.keys(model));
  });

  it('fills the defaults the model fills when optional fields are left out', async () => {
    const input = { ...signIn, notEarly: undefined, minutesLate: undefined, signedInAt: undefined, sourceEventId: undefined } as unknown as AttendanceInput;
    const plain = plainAttendance(input, now)!;
    const model = await byModel(attendanceModel(conn), { ...input, sessionId: new Types.ObjectId(signIn.sessionId), cohortId: new Types.ObjectId(signIn.cohortId) }, plain._id);
    expect(plain).toEqual(model);
    expect(Object.keys(plain)).toEqual(Object.keys(model));
  });

  it.each([
    ['an empty name', { name: '' }],
    ['an unknown status', { status: 'present' }],
    ['minutes late as text', { minutesLate: '3' }],
    ['an invalid sign-in time', { signedInAt: new Date(Number.NaN) }],
    ['no platform', { platform: undefined }],
  ])('leaves %s to the model', (_what, change) => {
    expect(plainAttendance({ ...signIn, ...change } as unknown as AttendanceInput, now)).toBeNull();
  });
});

const award: PointEntry = {
  cohortId: new Types.ObjectId().toHexString(),
  platform: 'wechaty',
  userId: 'wxid_1',
  name: '张桂兰',
  points: 2,
  reason: 'attendance',
  detail: '准时签到',
  sourceKey: 'att:s:wxid_1',
  at: now,
};

describe('plainPointEntry', () => {
  it.each([
    ['with a detail', award],
    ['without a detail', { ...award, detail: undefined } as unknown as PointEntry],
  ])('builds the document the ledger model builds %s, fields in the same order', async (_what, entry) => {
    const plain = plainPointEntry(entry, now)!;
    const model = await byModel(pointEntryModel(conn), { ...entry, cohortId: new Types.ObjectId(entry.cohortId) }, plain._id);
    expect(plain._id).toBeInstanceOf(Types.ObjectId);
    expect(plain).toEqual(model);
    expect(Object.keys(plain)).toEqual(Object.keys(model));
  });

  it.each([
    ['no source key', { sourceKey: '' }],
    ['points that are not a number', { points: Number.NaN }],
    ['a time that is not a date', { at: '2027-03-02' }],
  ])('leaves %s to the model', (_what, change) => {
    expect(plainPointEntry({ ...award, ...change } as unknown as PointEntry, now)).toBeNull();
  });
});
