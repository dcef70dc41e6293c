import { Types, type Connection } from 'mongoose';
import { createStores, type Stores } from '../../src/stores/create-stores';
import { toSummaryVersion } from '../../src/stores/homework-summary-store';
import { homeworkSummaryDocument } from '../../src/stores/homework-summary-store';
import { homeworkSummaryModel } from '../../src/stores/models/homework-summary.model';
import { submissionModel } from '../../src/stores/models/submission.model';
import { assignHomework } from '../../src/features/homework/homework-service';
import type { Cohort, Homework } from '../../src/domain/types';
import { startPipeline, type Pipeline } from '../support/pipeline';

const at = (hhmm: string) => new Date(`2027-03-01T${hhmm}:00+08:00`);

describe('homework summaries kept by the submission writes', () => {
  let p: Pipeline;
  let other: Connection;
  /** A second writer with its own stores (its own turn-taking), as another process would be. */
  let otherStores: Stores;

  const newHomework = async (stores: Stores, cohortId: string, key: string): Promise<Homework> =>
    (await stores.homework.add({ cohortId, day: '2027-03-01', content: '拍一条商品短视频', deadline: at('19:00'), assignedBy: 'u-lecturer', assignedByName: '张老师', assignedAt: at('17:05'), sourceEventId: key })).homework;
  const submit = (stores: Stores, hw: Homework, n: number, version: 1 | 2) =>
    stores.submissions.add({
      homeworkId: hw.id, cohortId: hw.cohortId, platform: 'wechaty', userId: `u-${n}`, name: `学员${n}`, text: '交了', imageIds: [],
      submittedAt: new Date(at('18:00').getTime() + n * 1000 + version * 60_000), late: version === 2 && n % 2 === 0, sourceEventId: `sub-${hw.id}-${n}-${version}`,
    });
  /** The versions as stored, as a summary holds them. */
  const raw = async (hw: Homework) => (await p.deps.stores.submissions.listByHomework(hw.id)).map((s) => toSummaryVersion(hw.id, s));
  const summaryOf = async (hw: Homework) => (await p.deps.stores.homeworkSummaries.readByCohorts([hw.cohortId])).get(hw.id);

  beforeAll(async () => {
    p = await startPipeline('hwsummaries');
    other = p.conn.useDb(p.conn.name, { useCache: false });
    otherStores = await createStores(other);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await p?.stop();
  });

  it('holds every version and review when 30 trainees hand in at once through two writers', async () => {
    const hw = await newHomework(p.deps.stores, new Types.ObjectId().toHexString(), 'hw-burst');
    const writers = [p.deps.stores, otherStores];
    const firsts = await Promise.all(Array.from({ length: 30 }, (_, n) => submit(writers[n % 2]!, hw, n, 1)));
    // A third resubmit while the others' reviews go in.
    await Promise.all([
      ...Array.from({ length: 10 }, (_, k) => submit(writers[(k + 1) % 2]!, hw, k * 3, 2)),
      ...firsts
        .filter((_, n) => n % 3 !== 0)
        .map((f, n) => writers[n % 2]!.submissions.setReview(f.submission.id, { score: 80 + (n % 20), comment: '不错', reviewedBy: 'u-lecturer', reviewedAt: at('19:30') })),
    ]);

    const stored = await raw(hw);
    expect(stored).toHaveLength(40);
    expect(stored.filter((v) => v.review)).toHaveLength(20);
    expect(await summaryOf(hw)).toEqual(stored);
    // Each write replaced the revision it built on: one document is left.
    expect(await homeworkSummaryModel(p.conn).countDocuments({ homeworkId: new Types.ObjectId(hw.id) })).toBe(1);
  });

  it('puts in a version its summary missed when the handler runs again (a crash between the two writes)', async () => {
    const hw = await newHomework(p.deps.stores, new Types.ObjectId().toHexString(), 'hw-crash');
    await submit(p.deps.stores, hw, 1, 1);
    const lost = await submit(p.deps.stores, hw, 2, 1);
    // The summary as a writer that died before recording 2's version would have left it.
    const docs = await homeworkSummaryModel(p.conn).find({ homeworkId: new Types.ObjectId(hw.id) }).lean();
    const rev = Math.max(...docs.map((d) => d.rev)) + 1;
    const without = (await raw(hw)).filter((v) => v.userId !== 'u-2');
    await homeworkSummaryModel(p.conn).collection.insertOne(homeworkSummaryDocument(hw.id, hw.cohortId, rev, without, new Date()) as never);
    expect((await summaryOf(hw))!.map((v) => v.userId)).toEqual(['u-1']);

    const again = await submit(p.deps.stores, hw, 2, 1);
    expect(again).toMatchObject({ created: false, submission: { id: lost.submission.id } });
    expect(await summaryOf(hw)).toEqual(await raw(hw));
  });

  it('builds the summary of a homework from before summaries once, from its versions, when the digest reads it', async () => {
    const cohortId = new Types.ObjectId().toHexString();
    const hw = await newHomework(p.deps.stores, cohortId, 'hw-legacy');
    await submit(p.deps.stores, hw, 1, 1);
    await submit(p.deps.stores, hw, 2, 1);
    await homeworkSummaryModel(p.conn).deleteMany({ homeworkId: new Types.ObjectId(hw.id) });

    const first = (await p.deps.stores.digestReads.readCohorts([cohortId])).get(cohortId)!;
    expect(first.submissions).toEqual(await raw(hw));
    expect(await summaryOf(hw)).toEqual(await raw(hw));

    const versionsRead = jest.spyOn(submissionModel(p.conn), 'find');
    const second = (await p.deps.stores.digestReads.readCohorts([cohortId])).get(cohortId)!;
    expect(versionsRead).not.toHaveBeenCalled();
    versionsRead.mockRestore();
    expect(second.submissions).toEqual(first.submissions);
  });

  it('gives a homework its empty summary when it is assigned', async () => {
    const cohort = { id: new Types.ObjectId().toHexString(), timezone: 'Asia/Shanghai' } as Cohort;
    const { homework } = await assignHomework(p.deps.stores, { cohort, lecturer: { id: 'u-lecturer', name: '张老师' }, content: '写开场白', deadline: at('22:00'), at: at('17:00'), eventId: 'hw-assigned' });
    expect(await summaryOf(homework)).toEqual([]);
  });
});
