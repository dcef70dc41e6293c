import type { Connection } from 'mongoose';
import type { Logger } from '../kernel/logger';

/**
 * The parts of the MongoDB driver's topology this watch reads. They are internal to the driver
 * (mongodb 7.x: Topology.s.servers → Server.monitor → Monitor.connection.socket), so each is
 * optional: when a later driver lays them out differently the watch finds nothing and does nothing.
 */
interface DriverInternals {
  topology?: { s?: { servers?: Map<string, { monitor?: MonitorInternals | null }> } };
}
interface MonitorInternals {
  s?: { state?: string };
  connection?: { closed?: boolean; socket?: { emit(event: 'error', err: Error): boolean } } | null;
}

/** A running watch over the driver's server monitors. */
export interface MongoMonitorWatch {
  stop(): void;
}

/** How often the watch looks at the monitors. */
const CHECK_EVERY_MS = 1_000;

/**
 * Keeps the driver's server monitor from staying stuck after the database went away.
 *
 * The driver (mongodb 7.x) checks a server by sending `hello` on its monitoring connection.
 * When the server closes that connection at the moment a check begins, the socket is already
 * destroyed when the driver writes to it: Node's `write` then returns false and emits neither
 * `error` nor `drain`, and the driver waits for `drain` with no timeout. The check never ends,
 * so the monitor never checks again, the server stays Unknown although the database is back,
 * and every operation fails server selection: the process is up and deaf. Whether a check
 * begins in that instant is a race (about one restart of the database in two, in the
 * reliability test).
 *
 * The watch looks for a monitor that is checking on a connection that is already closed, on two
 * looks in a row, and fails that check with an error on the dead socket, which is what Node
 * would have done: the driver then runs its own failure path (heartbeat failed, server
 * Unknown) and its next check opens a fresh connection, so the process recovers within a
 * second or two of the database's return.
 */
export function watchMongoMonitor(conn: Connection, log: Logger, checkEveryMs = CHECK_EVERY_MS): MongoMonitorWatch {
  const suspects = new Map<string, unknown>();
  const timer = setInterval(() => {
    const client = conn.getClient() as unknown as DriverInternals;
    const servers = client.topology?.s?.servers;
    if (!servers) return;
    for (const [address, server] of servers) {
      const monitor = server.monitor;
      const stuck = monitor?.s?.state === 'monitoring' && monitor.connection?.closed === true ? monitor.connection : null;
      if (!stuck) {
        suspects.delete(address);
        continue;
      }
      if (suspects.get(address) !== stuck) {
        suspects.set(address, stuck);
        continue;
      }
      suspects.delete(address);
      log.warn({ server: address }, 'MongoDB server monitor stuck on a closed connection; failing its check so it reconnects');
      stuck.socket?.emit('error', new Error(`monitoring connection to ${address} was closed during a check`));
    }
  }, checkEveryMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
