import { Types, type Connection } from 'mongoose';
import type { Stores } from '../../src/stores/create-stores';
import { homeworkListSummaryModel, leaveSummaryModel, summaryMarkModel, timetableSummaryModel } from '../../src/stores/models/cohort-summary.model';
import { ORPHAN_MARK_AFTER_MS } from '../../src/stores/roster-summary-store';
import type { SessionInput } from '../../src/stores/session-store';
import type { Pipeline } from '../support/pipeline';
import { cohortFilter, holdNextInsert, holdNextMarkDeletion, keptSummary, markedRows, newCohortId, summaryWriters } from '../support/summary-writers';

const at = (hhmm: string, day = '2027-03-01') => new Date(`${day}T${hhmm}:00+08:00`);
/** Timetable line n: day 1 + n/4, four sessions a day, an hour and a half each. */
const line = (n: number): SessionInput => {
  const day = `2027-03-${String(1 + Math.floor(n / 4)).padStart(2, '0')}`;
  const hh = String(8 + 2 * (n % 4)).padStart(2, '0');
  return { day, startsAt: at(`${hh}:00`, day), endsAt: at(`${hh}:30`, day), title: `第${n + 1}讲`, lecturerName: n % 2 === 0 ? '张老师' : '李老师' };
};

describe('timetable, leave and homework list summaries kept by the session, leave and homework writes', () => {
  const w = summaryWriters('sessionleave', (s) => [s.timetableSummaries.settled(), s.leaveSummaries.settled(), s.homeworkLists.settled()]);
  let p: Pipeline;
  let other: Connection;
  let otherStores: Stores;
  let writers: Stores[];
  beforeAll(() => ({ p, other, otherStores, writers } = w));

  const markedSessions = (cohortId: string) => markedRows(p.conn, 'sessions', cohortId);
  const markedHomework = (cohortId: string) => markedRows(p.conn, 'homework', cohortId);
  const markedLeave = (cohortId: string) => markedRows(p.conn, 'leave_requests', cohortId);

  /** Every session as the sessions collection holds it (cancelled ones too), in order of start. */
  const rawSessions = (cohortId: string) => p.deps.stores.sessions.listByCohort(cohortId, true);
  /** Every request as the leave collection holds it, by number, with the fields the digest reads. */
  const rawLeave = async (cohortId: string) =>
    (await p.deps.stores.leave.listByCohort(cohortId)).map((l) => ({ no: l.no, platform: l.platform, userId: l.userId, name: l.name, day: l.day, sessionId: l.sessionId, status: l.status, decidedAt: l.decidedAt }));

  const keptSessions = (cohortId: string) => keptSummary(p.deps.stores.timetableSummaries, cohortId);
  const keptLeave = (cohortId: string) => keptSummary(p.deps.stores.leaveSummaries, cohortId);
  const keptHomework = (cohortId: string) => keptSummary(p.deps.stores.homeworkLists, cohortId);
  /** Every homework as the homework collection holds it, by day and number, with the fields the digest reads. */
  const rawHomework = async (cohortId: string) => (await p.deps.stores.homework.listByCohort(cohortId)).map((h) => ({ id: h.id, day: h.day, seq: h.seq, deadline: h.deadline }));
  const assign = (stores: Stores, cohortId: string, n: number, day = '2027-03-01') =>
    stores.homework.add({
      cohortId, day, content: `作业${n}`, deadline: at('22:00', day), assignedBy: 'u-lecturer', assignedByName: '张老师', assignedAt: at('17:00', day), sourceEventId: `hw:${cohortId}:${n}`,
    });

  const ask = (stores: Stores, cohortId: string, n: number, sessionId?: string) =>
    stores.leave.create({
      cohortId, platform: 'wechaty', userId: `u-${n % 12}`, name: `学员${n % 12}`, day: '2027-03-02', sessionId, reason: '家里有事', requestedAt: at('07:00'), sourceEventId: `leave:${cohortId}:${n}`,
    });

  it('holds the timetable as stored after two processes write it, change it, mark teaching and close sessions at once', async () => {
    const cohortId = newCohortId();
    // Two staff members send timetable lines through both writers at once.
    await Promise.all(Array.from({ length: 16 }, (_, n) => writers[n % 2]!.sessions.upsertMany(cohortId, [line(n)])));
    const sessions = await rawSessions(cohortId);
    expect(sessions).toHaveLength(16);
    // 上课 in the chat (not waited for), closing by the worker, a change and a cancellation by staff, new lines.
    await Promise.all([
      ...sessions.slice(0, 6).map((s, k) => writers[k % 2]!.sessions.markActualStart(s.id, s.startsAt)),
      ...sessions.slice(6, 10).map((s, k) => writers[k % 2]!.sessions.markClosed(s.id, s.endsAt)),
      writers[0]!.sessions.update(sessions[10]!.id, { ...line(10), title: '改了题目', lecturerName: '王老师' }),
      writers[1]!.sessions.cancel(sessions[11]!.id),
      ...Array.from({ length: 4 }, (_, k) => writers[k % 2]!.sessions.upsertMany(cohortId, [line(16 + k)])),
    ]);
    // Then 下课 of those sessions, through the other writer, while more sessions close.
    await Promise.all([
      ...sessions.slice(0, 6).map((s, k) => writers[(k + 1) % 2]!.sessions.markActualEnd(s.id, s.endsAt)),
      ...sessions.slice(12, 14).map((s, k) => writers[k % 2]!.sessions.markClosed(s.id, s.endsAt)),
    ]);
    await w.settled();

    expect(await markedSessions(cohortId)).toBe(0);
    const raw = await rawSessions(cohortId);
    expect(raw).toHaveLength(20);
    expect(raw.filter((s) => s.closedAt)).toHaveLength(6);
    expect(raw.filter((s) => s.actualStart && s.actualEnd)).toHaveLength(6);
    expect(raw.find((s) => s.id === sessions[10]!.id)).toMatchObject({ title: '改了题目', lecturerName: '王老师' });
    expect(raw.find((s) => s.id === sessions[11]!.id)?.cancelled).toBe(true);
    expect(await keptSessions(cohortId)).toEqual({ entries: raw, rebuilt: 0 });
    // Each revision replaced the one it built on: one document is left.
    expect(await timetableSummaryModel(p.conn).countDocuments(cohortFilter(cohortId))).toBe(1);
  });

  it('holds every request and decision as stored after two processes file and decide leave at once', async () => {
    const cohortId = newCohortId();
    const filed = await Promise.all(Array.from({ length: 30 }, (_, n) => ask(writers[n % 2]!, cohortId, n, n % 5 === 0 ? new Types.ObjectId().toHexString() : undefined)));
    expect(new Set(filed.map((f) => f.request.no)).size).toBe(30);
    await Promise.all([
      ...[1, 4, 9, 16, 25].map((no, k) => writers[k % 2]!.leave.decide(cohortId, no, k % 2 === 0 ? 'approved' : 'rejected', 'u-staff', at(`08:0${k}`), '')),
      ...Array.from({ length: 10 }, (_, k) => ask(writers[(k + 1) % 2]!, cohortId, 30 + k)),
    ]);
    await w.settled();

    expect(await markedLeave(cohortId)).toBe(0);
    const raw = await rawLeave(cohortId);
    expect(raw).toHaveLength(40);
    expect(raw.filter((l) => l.status === 'approved').map((l) => l.no)).toEqual([1, 9, 25]);
    expect(raw.filter((l) => l.sessionId)).toHaveLength(6);
    expect(await keptLeave(cohortId)).toEqual({ entries: raw, rebuilt: 0 });
    expect(await leaveSummaryModel(p.conn).countDocuments(cohortFilter(cohortId))).toBe(1);
  });

  /** Spies on every way `conn`'s stores could write a row of `collection`. */
  const rowWrites = (conn: Connection, collection: string) => {
    const rows = conn.collection(collection);
    return (['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'bulkWrite', 'insertOne', 'insertMany'] as const).map((m) => jest.spyOn(rows, m));
  };

  it('never writes a row itself: a decision another process makes while this one finishes the filing\'s summary stays', async () => {
    const cohortId = newCohortId();
    const held = holdNextMarkDeletion(p.conn);
    const { request } = await ask(p.deps.stores, cohortId, 1);
    // The filing's rebuild (not waited for by the chat) has written its revision and is about to delete its mark.
    await held.reached;
    const writes = rowWrites(p.conn, 'leave_requests');
    // Staff approve it in the console, another process, at that moment.
    expect(await otherStores.leave.decide(cohortId, request.no, 'approved', 'u-staff', at('08:00'), '')).toMatchObject({ status: 'approved' });
    held.release();
    await w.settled();
    for (const write of writes) expect(write).not.toHaveBeenCalled();
    const raw = await rawLeave(cohortId);
    expect(raw.map((l) => l.status)).toEqual(['approved']);
    expect(await markedLeave(cohortId)).toBe(0);
    expect(await keptLeave(cohortId)).toEqual({ entries: raw, rebuilt: 0 });
  });

  it('lets a session change go in while a rebuild deletes its marks, and keeps it in the summary', async () => {
    const cohortId = newCohortId();
    const [session] = await p.deps.stores.sessions.upsertMany(cohortId, [line(0)]);
    await w.settled();
    const held = holdNextMarkDeletion(p.conn);
    await p.deps.stores.sessions.markActualStart(session!.id, at('08:00'));
    await held.reached;
    // The session moved while the 上课's rebuild is between its revision and its marks: nothing holds the write back
    // (its own rebuild waits for that one's turn).
    const change = p.deps.stores.sessions.update(session!.id, { ...line(0), title: '改期后的第1讲' });
    const stored = async () => (await p.conn.collection('sessions').findOne({ _id: new Types.ObjectId(session!.id) }))?.title;
    for (let i = 0; i < 100 && (await stored()) !== '改期后的第1讲'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await stored()).toBe('改期后的第1讲');
    held.release();
    await change;
    await w.settled();
    const raw = await rawSessions(cohortId);
    expect(raw.map((s) => [s.title, s.actualStart?.getTime()])).toEqual([['改期后的第1讲', at('08:00').getTime()]]);
    expect(await markedSessions(cohortId)).toBe(0);
    expect(await keptSessions(cohortId)).toEqual({ entries: raw, rebuilt: 0 });
  });

  it('leaves no mark and rebuilds nothing for a write that changed nothing (a request decided already)', async () => {
    const cohortId = newCohortId();
    await ask(p.deps.stores, cohortId, 1);
    expect(await p.deps.stores.leave.decide(cohortId, 1, 'approved', 'u-staff', at('08:00'), '')).toMatchObject({ status: 'approved' });
    await w.settled();
    const rebuild = jest.spyOn(p.deps.stores.leaveSummaries, 'record');
    expect(await p.deps.stores.leave.decide(cohortId, 1, 'rejected', 'u-staff', at('08:05'), '')).toBeNull();
    expect(rebuild).not.toHaveBeenCalled();
    expect(await markedLeave(cohortId)).toBe(0);
    expect((await rawLeave(cohortId)).map((l) => l.status)).toEqual(['approved']);
  });

  it('deletes a mark another process left only once it is old, after reading the rows', async () => {
    const cohortId = newCohortId();
    await ask(p.deps.stores, cohortId, 1);
    await w.settled();
    // The other process marks a write and dies before it writes (or before its rebuild).
    const marks = summaryMarkModel(p.conn).collection;
    await marks.insertOne({ _id: new Types.ObjectId(), rows: 'leave_requests', cohortId: new Types.ObjectId(cohortId) });
    const read = () => p.deps.stores.digestReads.readCohorts([cohortId]);
    // A young mark may be a write still under way: the digest rebuilds the cohort, and leaves the mark.
    expect((await keptLeave(cohortId)).rebuilt).toBe(1);
    expect(await markedLeave(cohortId)).toBe(1);
    await marks.deleteMany({ rows: 'leave_requests', cohortId: new Types.ObjectId(cohortId) });
    const old = Types.ObjectId.createFromTime(Math.floor((Date.now() - ORPHAN_MARK_AFTER_MS) / 1000) - 1);
    await marks.insertOne({ _id: old, rows: 'leave_requests', cohortId: new Types.ObjectId(cohortId) });
    expect((await read()).get(cohortId)!.leave.map((l) => l.no)).toEqual([1]);
    expect(await markedLeave(cohortId)).toBe(0);
    expect(await keptLeave(cohortId)).toEqual({ entries: await rawLeave(cohortId), rebuilt: 0 });
  });

  it('holds every homework as stored after two processes assign and edit at once, and repairs a failed summary write', async () => {
    const cohortId = newCohortId();
    // Lecturers assign through both writers at once (the chat does not wait for the summary), staff edit deadlines.
    const assigned = await Promise.all(Array.from({ length: 12 }, (_, n) => assign(writers[n % 2]!, cohortId, n, `2027-03-0${1 + (n % 3)}`)));
    expect(new Set(assigned.map((a) => `${a.homework.day}:${a.homework.seq}`)).size).toBe(12);
    await Promise.all([
      ...assigned.slice(0, 4).map((a, k) => writers[k % 2]!.homework.edit(a.homework.id, '改了', at('23:00', a.homework.day), at('18:00'))),
      ...Array.from({ length: 4 }, (_, k) => assign(writers[(k + 1) % 2]!, cohortId, 12 + k, '2027-03-04')),
    ]);
    await w.settled();
    expect(await markedHomework(cohortId)).toBe(0);
    const raw = await rawHomework(cohortId);
    expect(raw).toHaveLength(16);
    expect(raw.filter((h) => h.deadline.getTime() === at('23:00', h.day).getTime())).toHaveLength(4);
    expect(await keptHomework(cohortId)).toEqual({ entries: raw, rebuilt: 0 });
    expect(await homeworkListSummaryModel(p.conn).countDocuments(cohortFilter(cohortId))).toBe(1);

    // A summary write that fails leaves the homework marked; the digest read rebuilds the list.
    const insert = jest.spyOn(homeworkListSummaryModel(p.conn).collection, 'insertOne').mockRejectedValueOnce(new Error('process killed'));
    await assign(p.deps.stores, cohortId, 16, '2027-03-05');
    await w.settled();
    expect(insert).toHaveBeenCalledTimes(1);
    insert.mockRestore();
    expect(await markedHomework(cohortId)).toBe(1);
    const read = (await p.deps.stores.digestReads.readCohorts([cohortId])).get(cohortId)!;
    expect(read.homework).toEqual(await rawHomework(cohortId));
    expect(read.homework).toHaveLength(17);
    await w.settled();
    expect(await markedHomework(cohortId)).toBe(0);
    expect(await keptHomework(cohortId)).toEqual({ entries: await rawHomework(cohortId), rebuilt: 0 });
  });

  it('keeps a session write that went in while another process was writing the summary from rows read before it', async () => {
    const cohortId = newCohortId();
    const [first, second] = await p.deps.stores.sessions.upsertMany(cohortId, [line(0), line(1)]);
    // The other process reads the rows with the first 上课 and stops before writing the next revision.
    const held = holdNextInsert(timetableSummaryModel(other));
    await otherStores.sessions.markActualStart(first!.id, at('08:00'));
    await held.reached;
    // Meanwhile the worker closes the second session here, and this process writes that revision first.
    await p.deps.stores.sessions.markClosed(second!.id, at('10:30'));
    held.release();
    await w.settled();
    expect(held.spy).toHaveBeenCalled();
    expect(await markedSessions(cohortId)).toBe(0);
    const sessions = (await keptSessions(cohortId)).entries ?? [];
    expect(sessions.map((s) => [s.id, s.actualStart?.getTime() ?? null, s.closedAt?.getTime() ?? null])).toEqual([
      [first!.id, at('08:00').getTime(), null],
      [second!.id, null, at('10:30').getTime()],
    ]);
    // The held revision lost its number to the one written meanwhile and was built again: one document is left.
    expect(await timetableSummaryModel(p.conn).countDocuments(cohortFilter(cohortId))).toBe(1);
  });

  it('keeps a decision that went in while another process was writing the summary from requests read before it', async () => {
    const cohortId = newCohortId();
    await ask(p.deps.stores, cohortId, 1);
    await w.settled();
    const held = holdNextInsert(leaveSummaryModel(other));
    await ask(otherStores, cohortId, 2);
    await held.reached;
    await p.deps.stores.leave.decide(cohortId, 1, 'approved', 'u-staff', at('08:00'), '');
    held.release();
    await w.settled();
    expect(held.spy).toHaveBeenCalled();
    expect(await markedLeave(cohortId)).toBe(0);
    const leave = (await keptLeave(cohortId)).entries ?? [];
    expect(leave.map((l) => [l.no, l.status, l.decidedAt?.getTime() ?? null])).toEqual([
      [1, 'approved', at('08:00').getTime()],
      [2, 'pending', null],
    ]);
    expect(await leaveSummaryModel(p.conn).countDocuments(cohortFilter(cohortId))).toBe(1);
  });

  it('leaves a session marked when its summary write fails (a crash in between), and the digest read rebuilds that timetable', async () => {
    const cohortId = newCohortId();
    const [s] = await p.deps.stores.sessions.upsertMany(cohortId, [line(0), line(1)]);
    await w.settled();
    const insert = jest.spyOn(timetableSummaryModel(p.conn).collection, 'insertOne').mockRejectedValueOnce(new Error('process killed'));
    await p.deps.stores.sessions.markActualEnd(s!.id, at('09:40'));
    await w.settled();
    expect(insert).toHaveBeenCalledTimes(1);
    insert.mockRestore();
    // The summary misses the 下课; the mark says so.
    const summary = await timetableSummaryModel(p.conn).find(cohortFilter(cohortId)).lean();
    expect(summary).toHaveLength(1);
    expect(summary[0]!.entries).not.toContain(String(at('09:40').getTime()));
    expect(await markedSessions(cohortId)).toBe(1);

    const read = (await p.deps.stores.digestReads.readCohorts([cohortId])).get(cohortId)!;
    expect(read.sessions.map((x) => x.actualEnd?.getTime() ?? null)).toEqual([at('09:40').getTime(), null]);
    expect(read.sessions).toEqual(await rawSessions(cohortId));
    await w.settled();
    expect(await markedSessions(cohortId)).toBe(0);
    expect(await keptSessions(cohortId)).toEqual({ entries: await rawSessions(cohortId), rebuilt: 0 });
  });

  it('leaves a request marked when its summary write fails, and the digest read rebuilds that cohort', async () => {
    const cohortId = newCohortId();
    await ask(p.deps.stores, cohortId, 1);
    await w.settled();
    const insert = jest.spyOn(leaveSummaryModel(p.conn).collection, 'insertOne').mockRejectedValueOnce(new Error('process killed'));
    await p.deps.stores.leave.decide(cohortId, 1, 'approved', 'u-staff', at('08:00'), '');
    expect(insert).toHaveBeenCalledTimes(1);
    insert.mockRestore();
    expect(await markedLeave(cohortId)).toBe(1);

    const read = (await p.deps.stores.digestReads.readCohorts([cohortId])).get(cohortId)!;
    expect(read.leave.map((l) => [l.no, l.status])).toEqual([[1, 'approved']]);
    await w.settled();
    expect(await markedLeave(cohortId)).toBe(0);
    expect(await keptLeave(cohortId)).toEqual({ entries: await rawLeave(cohortId), rebuilt: 0 });
  });

  it('writes the summary a replayed 请假 missed when it files the same request again', async () => {
    const cohortId = newCohortId();
    const insert = jest.spyOn(leaveSummaryModel(p.conn).collection, 'insertOne').mockRejectedValueOnce(new Error('process killed'));
    const first = await ask(p.deps.stores, cohortId, 1);
    await w.settled();
    insert.mockRestore();
    expect(await markedLeave(cohortId)).toBe(1);
    const again = await ask(p.deps.stores, cohortId, 1);
    expect(again).toMatchObject({ created: false, request: { id: first.request.id } });
    await w.settled();
    expect(await markedLeave(cohortId)).toBe(0);
    expect(await keptLeave(cohortId)).toEqual({ entries: await rawLeave(cohortId), rebuilt: 0 });
  });

  it('builds the summaries of a cohort from before summaries once, from its rows, when the digest reads it', async () => {
    const cohortId = newCohortId();
    await p.deps.stores.sessions.upsertMany(cohortId, [line(0), line(1)]);
    await ask(p.deps.stores, cohortId, 1);
    await w.settled();
    // As rows written before summaries existed: no summary, no mark.
    await timetableSummaryModel(p.conn).deleteMany(cohortFilter(cohortId));
    await leaveSummaryModel(p.conn).deleteMany(cohortFilter(cohortId));

    const first = (await p.deps.stores.digestReads.readCohorts([cohortId])).get(cohortId)!;
    expect(first.sessions).toEqual(await rawSessions(cohortId));
    expect(first.leave).toEqual(await rawLeave(cohortId));

    const seen: Record<string, number> = {};
    const second = (await p.deps.stores.digestReads.readCohorts([cohortId], (collection, docs) => void (seen[collection] = docs))).get(cohortId)!;
    expect(second).toEqual(first);
    expect(seen).toMatchObject({ 'sessions (marked)': 0, timetable_summaries: 1, 'leave_requests (marked)': 0, leave_summaries: 1 });
    expect(Object.keys(seen).filter((c) => c.includes('rebuilt') || c === 'sessions' || c === 'leave_requests')).toEqual([]);
  });
});
