import path from 'node:path';

/** The repository's root, wherever a test file sits below test/. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The shared material beside the repository (../shared): lexicon, corpus, seed rules. */
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
