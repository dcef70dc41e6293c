import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Types, type mongo } from 'mongoose';
import { parseBoardCounts } from '../../../bench/sign-in/board-counts';
import { StoredWatch } from '../../../bench/sign-in/stored-watch';
import { summarize, type RunResult } from '../../../bench/sign-in.bench';
import { mergeSummaries, SUMMARY_KEYS } from '../../../bench/run-all';

describe('parseBoardCounts', () => {
  it('reads 已签到 N/M from a board in either layout, and nothing from other text', () => {
    expect(parseBoardCounts('📋 签到 03-02 09:00-12:00 直播基础\n已签到 12/50 · 未签到 38\n✅ 学员01-01')).toEqual({ present: 12, total: 50 });
    expect(parseBoardCounts('已签到 50/50\n迟到：无')).toEqual({ present: 50, total: 50 });
    expect(parseBoardCounts('你已签到，不用重复发送')).toBeNull();
  });
});

describe('StoredWatch', () => {
  const session = new Types.ObjectId();
  const started = (requestId: number, commandName: string, command: Record<string, unknown>) => ({ requestId, connectionId: 1, commandName, command });

  it('notes records when MongoDB acknowledges them, skipping failed documents and commands before start', () => {
    const client = new EventEmitter();
    const watch = new StoredWatch();
    watch.attach(client as unknown as mongo.MongoClient);
    client.emit('commandStarted', started(1, 'insert', { insert: 'attendance', documents: [{ userId: 'early', sessionId: session }] }));
    client.emit('commandSucceeded', { requestId: 1, connectionId: 1, reply: { n: 1 } });
    watch.start();
    client.emit('commandStarted', started(2, 'insert', { insert: 'attendance', documents: [{ userId: 'a', sessionId: session }, { userId: 'b', sessionId: session }] }));
    client.emit('commandStarted', started(3, 'insert', { insert: 'members', documents: [{ userId: 'c', sessionId: session }] }));
    expect(watch.stored).toEqual([]);
    client.emit('commandSucceeded', { requestId: 2, connectionId: 1, reply: { n: 1, writeErrors: [{ index: 1, code: 11000 }] } });
    client.emit('commandSucceeded', { requestId: 3, connectionId: 1, reply: { n: 1 } });
    client.emit('commandStarted', started(4, 'update', {
      update: 'attendance',
      updates: [
        { q: { sessionId: session, userId: 'd' }, u: { $setOnInsert: { status: 'absent' } }, upsert: true },
        { q: { sessionId: session, userId: 'e' }, u: { $setOnInsert: { status: 'absent' } }, upsert: true },
      ],
    }));
    client.emit('commandSucceeded', { requestId: 4, connectionId: 1, reply: { n: 2, upserted: [{ index: 1, _id: new Types.ObjectId() }] } });
    client.emit('commandStarted', started(5, 'insert', { insert: 'attendance', documents: [{ userId: 'f', sessionId: session }] }));
    client.emit('commandFailed', { requestId: 5, connectionId: 1 });
    expect(watch.stored.map((r) => [r.userId, r.sessionId, r.command])).toEqual([
      ['a', session.toHexString(), 'insert'],
      ['e', session.toHexString(), 'update'],
    ]);
    expect(watch.stored[0]!.ackAt).toBeGreaterThanOrEqual(watch.stored[0]!.issuedAt);
    expect(Object.fromEntries(watch.commands)).toEqual({ insert: 3, update: 1 });
    expect(Object.fromEntries(watch.commandsByCollection)).toEqual({ 'insert attendance': 2, 'insert members': 1, 'update attendance': 1 });
  });
});

describe('summarize', () => {
  const run = (kind: RunResult['kind'], offered: number, drained: number, p99: number, keptUp: boolean): RunResult =>
    ({ kind, offeredPerSec: offered, drainedPerSec: drained, drained: true, keptUp, error: null, toStoredMs: { samples: 1000, p50: p99 / 2, p95: p99, p99, max: p99 } }) as RunResult;

  it('takes the drained rate at 500 offered with history, or a higher rate it kept up with, and the p99s at 500', () => {
    const results = [
      run('floor', 500, 480, 40, false),
      run('history', 100, 99, 30, true),
      run('history', 500, 180, 9000, false),
      run('empty', 1000, 950, 60, true),
    ];
    expect(summarize(results)).toEqual({ signinDrainedMsgPerSecWithHistory: 180, signinP99ToStoredMs: 9000, signinFloorP99Ms: 40 });
    expect(summarize([...results, run('history', 1000, 960, 80, true)]).signinDrainedMsgPerSecWithHistory).toBe(960);
  });

  it('leaves a figure out when its run is missing or failed', () => {
    const failed = { ...run('history', 500, 0, 0, false), error: 'setup timed out' } as RunResult;
    expect(summarize([run('floor', 100, 99, 30, true), failed])).toEqual({ signinDrainedMsgPerSecWithHistory: null, signinP99ToStoredMs: null, signinFloorP99Ms: null });
  });
});

describe('mergeSummaries', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-summary-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, json: unknown, mtime?: Date) => {
    fs.writeFileSync(path.join(dir, file), JSON.stringify(json));
    if (mtime) fs.utimesSync(path.join(dir, file), mtime, mtime);
  };

  it('keeps exactly the summary keys, names the missing ones and ignores a file the run did not rewrite', () => {
    write('sign-in.json', { summary: { signinDrainedMsgPerSecWithHistory: 510.2, signinP99ToStoredMs: 80, signinFloorP99Ms: 35, extra: 1 } });
    write('digest.json', { summary: { digestSeconds: 8.5, digestPeakRssMb: null } });
    write('reminders.json', { summary: { remindersVsFloor: 2.1 } }, new Date(Date.now() - 3_600_000));
    write('moderation.json', { summary: { moderationVsMintFilter: 2.4 } });
    write('summary.json', { digestPeakRssMb: 1 });
    const ranSince = new Map([
      ['reminders.json', Date.now() - 60_000],
      ['sign-in.json', Date.now() - 60_000],
    ]);
    const merged = mergeSummaries(dir, ranSince);
    expect(merged.summary).toEqual({ signinDrainedMsgPerSecWithHistory: 510.2, signinP99ToStoredMs: 80, signinFloorP99Ms: 35, digestSeconds: 8.5, moderationVsMintFilter: 2.4 });
    expect(merged.missing).toEqual(['digestPeakRssMb', 'remindersVsFloor']);
    expect(merged.stale).toEqual(['reminders.json']);
    expect(merged.sources.get('digestSeconds')).toEqual({ file: 'digest.json', thisRun: false });
    expect(merged.sources.get('signinP99ToStoredMs')).toEqual({ file: 'sign-in.json', thisRun: true });
    expect(SUMMARY_KEYS.map((k) => k.key)).toHaveLength(7);
  });
});
