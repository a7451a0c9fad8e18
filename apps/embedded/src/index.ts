// Importable API of the embedded runner (tests and benchmarks); the process entry is main.ts.
export { startSystem, type RunningSystem, type SystemOptions } from './system.js';
export { allSubgraphs } from './subgraphs.js';
export { seedFacility, type SeedOptions, type SeedReport } from './seed/facility.js';
export { DataDirInUseError } from './data-lock.js';
