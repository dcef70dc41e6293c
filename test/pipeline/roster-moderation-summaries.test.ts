import type { Connection } from 'mongoose';
import type { Stores } from '../../src/stores/create-stores';
import { moderationSummaryModel, rosterSummaryModel } from '../../src/stores/models/cohort-summary.model';
import type { ModerationRecord, Role } from '../../src/domain/types';
import type { Pipeline } from '../support/pipeline';
import { cohortFilter, holdNextInsert, keptSummary, markedRows, newCohortId, summaryWriters } from '../support/summary-writers';

const at = (hhmm: string) => new Date(`2027-03-01T${hhmm}:00+08:00`);
const trainee = (n: number) => ({ id: `u-${n}`, name: `学员${n}` });

describe('roster and moderation summaries kept by the member and moderation writes', () => {
  const w = summaryWriters('rostermod', (s) => [s.rosterSummaries.settled(), s.moderationSummaries.settled()]);
  let p: Pipeline;
  let other: Connection;
  let otherStores: Stores;
  let writers: Stores[];
  beforeAll(() => ({ p, other, otherStores, writers } = w));

  const markedMembers = (cohortId: string) => markedRows(p.conn, 'members', cohortId);
  const markedActions = (cohortId: string) => markedRows(p.conn, 'moderation_actions', cohortId);

  /** The roster as the members collection holds it: active trainees and staff, in order of joining. */
  const rawRoster = async (cohortId: string) => {
    const members = await p.deps.stores.members.listByCohort(cohortId);
    return members
      .filter((m) => m.active && m.roles.some((r) => r === 'trainee' || r === 'staff'))
      .map((m) => ({ platform: m.platform, userId: m.userId, name: m.name, roles: m.roles, joinedAt: m.joinedAt }));
  };
  /** The actions as the moderation log holds them, oldest first. */
  const rawActions = async (cohortId: string) =>
    (await p.deps.stores.moderation.listByCohort(cohortId)).map((r) => ({ no: r.no, kind: r.kind, at: r.at, undoneAt: r.undoneAt }));

  const keptRoster = (cohortId: string) => keptSummary(p.deps.stores.rosterSummaries, cohortId);
  const keptActions = (cohortId: string) => keptSummary(p.deps.stores.moderationSummaries, cohortId);

  const logAction = (stores: Stores, cohortId: string, n: number, kind: ModerationRecord['kind'], hhmm: string) =>
    stores.moderation.log({
      cohortId, platform: 'wechaty', groupId: 'g@chatroom', userId: `u-${n % 10}`, name: `学员${n % 10}`, kind, rule: '广告:加微信', categories: ['广告'],
      matches: [{ word: '加微信', category: '广告', start: 0, end: 3 }], messageId: `m-${cohortId}-${n}`, text: '加微信领优惠', recalled: false, staffTodo: '', by: 'bot',
      at: at(hhmm), expiresAt: new Date(at(hhmm).getTime() + 86_400_000), sourceKey: `mod:${cohortId}:${n}`,
    });

  it('holds the roster as stored after two processes enrol, change roles and mark leavers at once', async () => {
    const cohortId = newCohortId();
    const staff = { id: 'u-staff', name: '刘干事' };
    // First 签到s of 40 trainees through both writers, a role or two given and some leaving meanwhile.
    await Promise.all([
      ...Array.from({ length: 40 }, (_, n) => writers[n % 2]!.members.enrolTrainees(cohortId, 'wechaty', [trainee(n)], new Date(at('08:30').getTime() + n * 1000))),
      writers[1]!.members.setRole(cohortId, 'wechaty', staff, 'staff', at('08:00')),
      writers[0]!.members.addRole(cohortId, 'wechaty', { id: 'u-lecturer', name: '张老师' }, 'lecturer', at('08:00')),
    ]);
    await Promise.all([
      ...[3, 7, 11, 15].map((n, k) => writers[k % 2]!.members.markLeft(cohortId, 'wechaty', `u-${n}`, at('10:00'))),
      writers[0]!.members.setRole(cohortId, 'wechaty', trainee(20), 'staff', at('10:00')),
      writers[1]!.members.setRole(cohortId, 'wechaty', trainee(21), 'lecturer', at('10:00')),
      ...Array.from({ length: 10 }, (_, k) => writers[k % 2]!.members.enrolTrainees(cohortId, 'wechaty', [trainee(40 + k)], at('10:05'))),
    ]);
    await w.settled();

    expect(await markedMembers(cohortId)).toBe(0);
    const raw = await rawRoster(cohortId);
    expect(raw).toHaveLength(1 + 50 - 4 - 1);
    expect(raw.find((m) => m.userId === 'u-20')?.roles).toEqual(['staff'] as Role[]);
    expect(await keptRoster(cohortId)).toEqual({ entries: raw, rebuilt: 0 });
    // Each revision replaced the one it built on: one document is left.
    expect(await rosterSummaryModel(p.conn).countDocuments(cohortFilter(cohortId))).toBe(1);
  });

  it('holds every action and undo as logged after two processes moderate at once', async () => {
    const cohortId = newCohortId();
    const logged = await Promise.all(Array.from({ length: 30 }, (_, n) => logAction(writers[n % 2]!, cohortId, n, n % 3 === 0 ? 'flood' : 'warn', `1${n % 10}:${String(n).padStart(2, '0')}`)));
    expect(new Set(logged.map((l) => l.record.no)).size).toBe(30);
    await Promise.all([
      ...[2, 5, 8].map((no, k) => writers[k % 2]!.moderation.undoOne(cohortId, no, 'u-staff', at('18:00'))),
      writers[1]!.moderation.undoActive(cohortId, 'wechaty', 'u-4', 'u-staff', at('18:00')),
      ...Array.from({ length: 10 }, (_, k) => logAction(writers[(k + 1) % 2]!, cohortId, 30 + k, 'mute', '18:01')),
    ]);
    await w.settled();

    expect(await markedActions(cohortId)).toBe(0);
    const raw = await rawActions(cohortId);
    expect(raw).toHaveLength(40);
    expect(raw.filter((a) => a.undoneAt).length).toBeGreaterThanOrEqual(3);
    expect(await keptActions(cohortId)).toEqual({ entries: raw, rebuilt: 0 });
    expect(await moderationSummaryModel(p.conn).countDocuments(cohortFilter(cohortId))).toBe(1);
  });

  it('keeps a write that went in while another process was writing the summary from rows read before it', async () => {
    const cohortId = newCohortId();
    await p.deps.stores.members.enrolTrainees(cohortId, 'wechaty', [trainee(1), trainee(2)], at('08:30'));
    await w.settled();
    // The other process reads the rows with u-3 and stops before writing the next revision.
    const held = holdNextInsert(rosterSummaryModel(other));
    await otherStores.members.enrolTrainees(cohortId, 'wechaty', [trainee(3)], at('08:31'));
    await held.reached;
    // Meanwhile u-4 enrols here, and this process writes that revision first.
    await p.deps.stores.members.enrolTrainees(cohortId, 'wechaty', [trainee(4)], at('08:32'));
    await p.deps.stores.rosterSummaries.settled();
    held.release();
    await w.settled();
    expect(held.spy).toHaveBeenCalled();
    expect(await markedMembers(cohortId)).toBe(0);
    expect((await keptRoster(cohortId)).entries?.map((m) => m.userId)).toEqual(['u-1', 'u-2', 'u-3', 'u-4']);
  });

  it('keeps an undo that went in while another process was writing the summary from actions read before it', async () => {
    const cohortId = newCohortId();
    await logAction(p.deps.stores, cohortId, 1, 'warn', '10:00');
    await w.settled();
    const held = holdNextInsert(moderationSummaryModel(other));
    await logAction(otherStores, cohortId, 2, 'warn', '10:01');
    await held.reached;
    await p.deps.stores.moderation.undoOne(cohortId, 1, 'u-staff', at('10:02'));
    held.release();
    await w.settled();
    expect(await markedActions(cohortId)).toBe(0);
    const actions = (await keptActions(cohortId)).entries ?? [];
    expect(actions.map((a) => [a.no, a.undoneAt?.getTime() ?? null])).toEqual([
      [1, at('10:02').getTime()],
      [2, null],
    ]);
  });

  it('leaves a member marked when its summary write fails (a crash in between), and the digest read rebuilds that roster', async () => {
    const cohortId = newCohortId();
    await p.deps.stores.members.enrolTrainees(cohortId, 'wechaty', [trainee(1), trainee(2)], at('08:30'));
    await w.settled();
    const insert = jest.spyOn(rosterSummaryModel(p.conn).collection, 'insertOne').mockRejectedValueOnce(new Error('process killed'));
    await p.deps.stores.members.enrolTrainees(cohortId, 'wechaty', [trainee(3)], at('08:40'));
    await w.settled();
    expect(insert).toHaveBeenCalledTimes(1);
    insert.mockRestore();
    // The summary misses u-3; the mark says so.
    const summary = await rosterSummaryModel(p.conn).find(cohortFilter(cohortId)).lean();
    expect(summary).toHaveLength(1);
    expect(summary[0]!.entries).not.toContain('u-3');
    expect(await markedMembers(cohortId)).toBe(1);

    const read = (await p.deps.stores.digestReads.readCohorts([cohortId])).get(cohortId)!;
    expect(read.members.map((m) => m.userId)).toEqual(['u-1', 'u-2', 'u-3']);
    await w.settled();
    expect(await markedMembers(cohortId)).toBe(0);
    expect(await keptRoster(cohortId)).toEqual({ entries: await rawRoster(cohortId), rebuilt: 0 });
  });

  it('leaves an action marked when its summary write fails, and the digest read rebuilds that cohort', async () => {
    const cohortId = newCohortId();
    await logAction(p.deps.stores, cohortId, 1, 'warn', '10:00');
    await w.settled();
    const insert = jest.spyOn(moderationSummaryModel(p.conn).collection, 'insertOne').mockRejectedValueOnce(new Error('process killed'));
    await logAction(p.deps.stores, cohortId, 2, 'flood', '10:05');
    await w.settled();
    expect(insert).toHaveBeenCalledTimes(1);
    insert.mockRestore();
    expect(await markedActions(cohortId)).toBe(1);

    const read = (await p.deps.stores.digestReads.readCohorts([cohortId])).get(cohortId)!;
    expect(read.moderation.map((m) => m.kind)).toEqual(['warn', 'flood']);
    await w.settled();
    expect(await markedActions(cohortId)).toBe(0);
    expect(await keptActions(cohortId)).toEqual({ entries: await rawActions(cohortId), rebuilt: 0 });
  });

  it('writes the summary a replayed message missed when it logs the same action again', async () => {
    const cohortId = newCohortId();
    const insert = jest.spyOn(moderationSummaryModel(p.conn).collection, 'insertOne').mockRejectedValueOnce(new Error('process killed'));
    const first = await logAction(p.deps.stores, cohortId, 1, 'warn', '10:00');
    await w.settled();
    insert.mockRestore();
    expect(await markedActions(cohortId)).toBe(1);
    const again = await logAction(p.deps.stores, cohortId, 1, 'warn', '10:00');
    expect(again).toMatchObject({ created: false, record: { id: first.record.id } });
    await w.settled();
    expect(await markedActions(cohortId)).toBe(0);
    expect(await keptActions(cohortId)).toEqual({ entries: await rawActions(cohortId), rebuilt: 0 });
  });

  it('builds the summaries of a cohort from before summaries once, from its rows, when the digest reads it', async () => {
    const cohortId = newCohortId();
    await p.deps.stores.members.enrolTrainees(cohortId, 'wechaty', [trainee(1), trainee(2)], at('08:30'));
    await logAction(p.deps.stores, cohortId, 1, 'warn', '10:00');
    await w.settled();
    // As rows written before summaries existed: no summary, no mark.
    await rosterSummaryModel(p.conn).deleteMany(cohortFilter(cohortId));
    await moderationSummaryModel(p.conn).deleteMany(cohortFilter(cohortId));

    const first = (await p.deps.stores.digestReads.readCohorts([cohortId])).get(cohortId)!;
    expect(first.members.map((m) => m.userId)).toEqual(['u-1', 'u-2']);
    expect(first.moderation).toHaveLength(1);

    const seen: Record<string, number> = {};
    const second = (await p.deps.stores.digestReads.readCohorts([cohortId], (collection, docs) => void (seen[collection] = docs))).get(cohortId)!;
    expect(second).toEqual(first);
    expect(seen).toMatchObject({ 'members (marked)': 0, roster_summaries: 1, 'moderation_actions (marked)': 0, moderation_summaries: 1 });
    expect(Object.keys(seen).filter((c) => c.includes('rebuilt'))).toEqual([]);
  });
});
