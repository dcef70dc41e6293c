/**
 * The configuration a user reads is the configuration that runs: every variable the program
 * reads is in the README's table, and every variable in that table reaches the containers
 * (docker-compose.yml passes it) and is in .env.example. Reads files only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configSchema } from '../../../src/kernel/load-config';
import { REPO_ROOT } from '../../support/paths';

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');

/** Variable names in the first column of the README's "## Configuration" table. */
function readmeVariables(readme: string): string[] {
  const start = readme.indexOf('\n## Configuration');
  expect(start).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const names: string[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const firstCell = line.split(' | ')[0] ?? '';
    for (const m of firstCell.matchAll(/`([^`]+)`/g)) names.push(m[1]!);
  }
  return names;
}

/** Keys of `environment:` mappings in docker-compose.yml (`    NAME: value`). */
function composeVariables(compose: string): Set<string> {
  return new Set([...compose.matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!));
}

/** Names assigned in .env.example (`NAME=`), comments ignored. */
function envExampleVariables(example: string): Set<string> {
  return new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
}

describe('configuration documented = configuration passed = configuration read', () => {
  const readme = readmeVariables(read('README.md'));
  const compose = composeVariables(read('docker-compose.yml'));
  const example = envExampleVariables(read('.env.example'));
  const schema = Object.keys(configSchema.shape);

  it('the README table names variables in full (no abbreviations a reader cannot copy)', () => {
    expect(readme.length).toBeGreaterThan(30);
    expect(readme.filter((name) => !/^[A-Z][A-Z0-9_]*$/.test(name))).toEqual([]);
  });

  it('every variable src/kernel/load-config.ts reads is in the README table', () => {
    expect(schema.filter((name) => !readme.includes(name))).toEqual([]);
  });

  it('every README variable is something the program reads', () => {
    expect(readme.filter((name) => !schema.includes(name))).toEqual([]);
  });

  it('every README variable reaches the containers through docker-compose.yml', () => {
    expect(readme.filter((name) => !compose.has(name))).toEqual([]);
  });

  it('every README variable is in .env.example', () => {
    expect(readme.filter((name) => !example.has(name))).toEqual([]);
  });
});
