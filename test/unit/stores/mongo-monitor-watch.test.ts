import { EventEmitter } from 'node:events';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { watchMongoMonitor } from '../../../src/stores/mongo-monitor-watch';

/** A connection whose driver has one server monitor in the given state, shaped as mongodb 7 lays it out. */
function connectionWithMonitor(monitor: { s: { state: string }; connection: { closed: boolean; socket: EventEmitter } | null }): Connection {
  const servers = new Map([['127.0.0.1:27017', { monitor }]]);
  return { getClient: () => ({ topology: { s: { servers } } }) } as unknown as Connection;
}

describe('watchMongoMonitor', () => {
  const log = pino({ level: 'silent' });

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('fails a check stuck on a closed monitoring connection, on the second look, with an error on its socket', () => {
    const socket = new EventEmitter();
    const errors: Error[] = [];
    socket.on('error', (err: Error) => errors.push(err));
    const watch = watchMongoMonitor(connectionWithMonitor({ s: { state: 'monitoring' }, connection: { closed: true, socket } }), log, 1_000);
    jest.advanceTimersByTime(1_000);
    expect(errors).toHaveLength(0);
    jest.advanceTimersByTime(1_000);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('127.0.0.1:27017');
    watch.stop();
  });

  it('leaves a monitor alone that checks on an open connection or waits between checks', () => {
    const socket = new EventEmitter();
    const emit = jest.spyOn(socket, 'emit');
    const open = watchMongoMonitor(connectionWithMonitor({ s: { state: 'monitoring' }, connection: { closed: false, socket } }), log, 1_000);
    const idle = watchMongoMonitor(connectionWithMonitor({ s: { state: 'idle' }, connection: { closed: true, socket } }), log, 1_000);
    jest.advanceTimersByTime(10_000);
    expect(emit).not.toHaveBeenCalled();
    open.stop();
    idle.stop();
  });
});
