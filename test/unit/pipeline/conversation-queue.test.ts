import { ConversationQueue, conversationKey } from '../../../src/pipeline/conversation-queue';
import type { ChatEvent } from '../../../src/platform/chat-event';
import { chatEvent } from '../../support/chat-event';

/** A promise the test settles by hand. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Tasks whose start the test observes and whose end it decides. */
function controlledTasks() {
  const started: string[] = [];
  const gates = new Map<string, ReturnType<typeof deferred<string>>>();
  const task = (name: string) => () => {
    started.push(name);
    const gate = deferred<string>();
    gates.set(name, gate);
    return gate.promise;
  };
  const finish = (name: string) => {
    const gate = gates.get(name);
    if (!gate) throw new Error(`${name} has not started`);
    gate.resolve(name);
  };
  const fail = (name: string, error: Error) => {
    const gate = gates.get(name);
    if (!gate) throw new Error(`${name} has not started`);
    gate.reject(error);
  };
  return { started, task, finish, fail };
}

describe('ConversationQueue', () => {
  it('runs the tasks of one key one at a time in arrival order, even when the first is slow and slots are free', async () => {
    const queue = new ConversationQueue(8);
    const { started, task, finish } = controlledTasks();
    const first = queue.run('alice', task('交作业'));
    const second = queue.run('alice', task('image'));
    const third = queue.run('alice', task('我的'));
    expect(started).toEqual(['交作业']);
    finish('交作业');
    await expect(first).resolves.toBe('交作业');
    expect(started).toEqual(['交作业', 'image']);
    finish('image');
    await expect(second).resolves.toBe('image');
    expect(started).toEqual(['交作业', 'image', '我的']);
    finish('我的');
    await expect(third).resolves.toBe('我的');
  });

  it('runs different keys at the same time', async () => {
    const queue = new ConversationQueue(8);
    const { started, task, finish } = controlledTasks();
    const runs = ['a', 'b', 'c'].map((key) => queue.run(key, task(key)));
    expect(started).toEqual(['a', 'b', 'c']);
    expect(queue.active).toBe(3);
    // The last key finishes first: nothing orders different keys.
    finish('c');
    await expect(runs[2]).resolves.toBe('c');
    finish('a');
    finish('b');
    await expect(Promise.all(runs)).resolves.toEqual(['a', 'b', 'c']);
  });

  it('never runs more than the limit at once and gives a freed slot to the next key in arrival order', async () => {
    const queue = new ConversationQueue(2);
    const { started, task, finish } = controlledTasks();
    const runs = ['k1', 'k2', 'k3', 'k4'].map((key) => queue.run(key, task(key)));
    expect(started).toEqual(['k1', 'k2']);
    expect(queue.active).toBe(2);
    finish('k2');
    await runs[1];
    expect(started).toEqual(['k1', 'k2', 'k3']);
    expect(queue.active).toBe(2);
    finish('k1');
    await runs[0];
    expect(started).toEqual(['k1', 'k2', 'k3', 'k4']);
    finish('k3');
    finish('k4');
    await Promise.all(runs);
    expect(queue.active).toBe(0);
  });

  it('keeps no slot for a key waiting on its predecessor, so other chats are not blocked behind it', async () => {
    const queue = new ConversationQueue(2);
    const { started, task, finish } = controlledTasks();
    const slow = queue.run('busy', task('busy-1'));
    const queuedBehind = [queue.run('busy', task('busy-2')), queue.run('busy', task('busy-3'))];
    const other = queue.run('other', task('other-1'));
    // busy-2 and busy-3 wait for busy-1 without a slot: the second slot goes to the other chat.
    expect(started).toEqual(['busy-1', 'other-1']);
    const third = queue.run('third', task('third-1'));
    expect(started).toEqual(['busy-1', 'other-1']);
    finish('other-1');
    await other;
    // The freed slot goes to the chat that can run, not to busy-2 (busy-1 is still running).
    expect(started).toEqual(['busy-1', 'other-1', 'third-1']);
    finish('third-1');
    await third;
    expect(queue.active).toBe(1);
    finish('busy-1');
    await slow;
    expect(started).toEqual(['busy-1', 'other-1', 'third-1', 'busy-2']);
    finish('busy-2');
    await queuedBehind[0];
    finish('busy-3');
    await queuedBehind[1];
  });

  it('rejects only the failing task and runs the next task of its key', async () => {
    const queue = new ConversationQueue(2);
    const { started, task, fail, finish } = controlledTasks();
    const failing = queue.run('alice', task('boom'));
    const thrower = queue.run('alice', () => {
      started.push('sync-throw');
      throw new Error('thrown before any promise');
    });
    const next = queue.run('alice', task('next'));
    const otherKey = queue.run('bob', task('bob'));
    expect(started).toEqual(['boom', 'bob']);
    fail('boom', new Error('boom'));
    await expect(failing).rejects.toThrow('boom');
    await expect(thrower).rejects.toThrow('thrown before any promise');
    expect(started).toEqual(['boom', 'bob', 'sync-throw', 'next']);
    finish('next');
    await expect(next).resolves.toBe('next');
    finish('bob');
    await expect(otherKey).resolves.toBe('bob');
    expect(queue.active).toBe(0);
  });

  it('forgets a key once nothing of it is pending', async () => {
    const queue = new ConversationQueue(4);
    const { task, finish, fail } = controlledTasks();
    expect(queue.pendingKeys).toBe(0);
    const runs = Array.from({ length: 100 }, (_, i) => queue.run(`user-${i}`, task(`user-${i}`)));
    const again = queue.run('user-0', task('user-0-again'));
    expect(queue.pendingKeys).toBe(100);
    for (let i = 0; i < 100; i++) {
      if (i % 10 === 0) fail(`user-${i}`, new Error('failed'));
      else finish(`user-${i}`);
      await runs[i]!.catch(() => undefined);
    }
    expect(queue.pendingKeys).toBe(1);
    finish('user-0-again');
    await again;
    expect(queue.pendingKeys).toBe(0);
    expect(queue.active).toBe(0);
  });

  it('tells how long its oldest running task has run, so a task that never settles can be noticed', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    try {
      const q = new ConversationQueue(2);
      expect(q.oldestRunningMs()).toBeNull();
      const stuck = deferred();
      const quick = deferred();
      void q.run('a', () => stuck.promise);
      jest.advanceTimersByTime(5_000);
      const second = q.run('b', () => quick.promise);
      jest.advanceTimersByTime(1_000);
      expect(q.oldestRunningMs()).toBe(6_000);
      quick.resolve();
      await second;
      expect(q.oldestRunningMs()).toBe(6_000);
      stuck.resolve();
      await Promise.resolve();
      await Promise.resolve();
      expect(q.oldestRunningMs()).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses a limit below one', () => {
    expect(() => new ConversationQueue(0)).toThrow(RangeError);
  });
});

describe('conversationKey', () => {
  const event = (over: Partial<ChatEvent>): ChatEvent =>
    chatEvent({ id: 'm1', conversation: { kind: 'group', id: 'room-1' }, sender: { id: 'alice', name: '学员甲' }, text: '签到', timestamp: new Date(0), ...over });

  it('is the same for one sender in one chat and differs by sender, chat, chat kind and platform', () => {
    const base = conversationKey(event({}));
    expect(conversationKey(event({ id: 'm2', text: '交作业' }))).toBe(base);
    expect(conversationKey(event({ sender: { id: 'bob', name: '学员乙' } }))).not.toBe(base);
    expect(conversationKey(event({ conversation: { kind: 'group', id: 'room-2' } }))).not.toBe(base);
    expect(conversationKey(event({ conversation: { kind: 'private', id: 'room-1' } }))).not.toBe(base);
    expect(conversationKey(event({ platform: 'dingtalk' }))).not.toBe(base);
  });
});
