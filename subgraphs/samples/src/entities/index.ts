import { Project } from './project.entity.js';
import { Sample } from './sample.entity.js';
import { Submission } from './submission.entity.js';

export { Project, Sample, Submission };
/** Every entity of this subgraph, listed explicitly for the ORM. */
export const entities = [Project, Submission, Sample];
