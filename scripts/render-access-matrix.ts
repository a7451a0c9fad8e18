/** Writes docs/access-matrix.md from the matrix the gateway test enforces. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAccessMatrix } from '../schema/render-access-matrix.js';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'access-matrix.md'), renderAccessMatrix());
console.log('wrote docs/access-matrix.md');
