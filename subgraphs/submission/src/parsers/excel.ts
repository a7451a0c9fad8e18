import { loadOnce } from '@app/common';

/** exceljs, loaded by the first XLSX read or template: ~7 MB of heap every process would hold otherwise (bench/README.md, memory). */
export const excel = loadOnce(async () => (await import('exceljs')).default);
