/**
 * A Redis Cluster of three masters on loopback ports, started from the machine's redis-server
 * and redis-cli (`--cluster-enabled yes`, then `redis-cli --cluster create`), for tests that
 * must show the queues and keys work on a cluster. Data lives in a temporary directory and
 * nothing is saved; stop() kills the servers and removes it.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Runs a command to completion; its standard output. */
function run(command: string, args: string[]): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => execFile(command, args, (err, stdout) => (err ? reject(err instanceof Error ? err : new Error(`${command} failed`)) : resolve({ stdout }))));
}

/** A running three-master cluster: its seed nodes (`127.0.0.1:port`) and how to stop it. */
export interface RedisClusterHandle {
  nodes: string[];
  stop(): Promise<void>;
}

/** A loopback port free now, whose cluster bus port (port + 10000) is free too. */
async function freeClusterPort(): Promise<number> {
  const listen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const bound = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(bound));
      });
    });
  for (let i = 0; i < 50; i++) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if ((await listen(port)) !== null && (await listen(port + 10_000)) !== null) return port;
  }
  throw new Error('no free pair of ports for a Redis Cluster node');
}

async function clusterState(port: number): Promise<string> {
  const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'cluster', 'info']);
  return /cluster_state:(\w+)/.exec(stdout)?.[1] ?? 'unknown';
}

/** Starts three cluster-enabled redis-server processes and joins them into one cluster (no replicas). */
export async function startRedisCluster(): Promise<RedisClusterHandle> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-bot-redis-cluster-'));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  const stop = async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : Promise.resolve())));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < 3; i++) {
      const port = await freeClusterPort();
      ports.push(port);
      const child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '5000', '--dir', dir, '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      children.push(child);
    }
    const deadline = Date.now() + 10_000;
    for (const port of ports) {
      while ((await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping']).catch(() => ({ stdout: '' }))).stdout.trim() !== 'PONG') {
        if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
    for (const port of ports) {
      while ((await clusterState(port)) !== 'ok') {
        if (Date.now() > deadline + 20_000) throw new Error(`the cluster did not reach state ok (node ${port})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return { nodes: ports.map((p) => `127.0.0.1:${p}`), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
