import { closeSessionJob } from './close-session.job';
import type { JobDefinition } from './job-definition';

/** Every job type the workers run, by name. */
export const jobRegistry: ReadonlyMap<string, JobDefinition> = new Map([closeSessionJob].map((j) => [j.name, j]));
