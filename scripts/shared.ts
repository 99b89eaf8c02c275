/** Where `../shared` (the real letters and their gold annotations) is, if present. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

export const SHARED = process.env.IMR_SHARED ?? join(root, '..', 'shared');
export const LETTERS = join(SHARED, 'letters');
export const GOLD = join(LETTERS, 'gold');
export const hasShared = (): boolean => existsSync(GOLD) && existsSync(join(LETTERS, 'dev'));
