import type { Express } from 'express';
import type { AuthenticateMiddleware } from '@app/common';
import { excel } from '../parsers/excel.js';
import { COLUMNS } from '../services/columns.js';
import { SAMPLE_ENUMS } from '../services/sample-enums.js';

const EXAMPLE: Record<string, string> = {
  name: 'S-001', sampleType: 'DNA', materialType: 'HMW_GDNA', organism: 'Homo sapiens', buffer: 'TE', qubitConcentration: '45.2',
  volume: '20', flowCellDevice: 'PROMETHION', poreChemistry: 'R10_4_1', flowCellCount: '1', priority: 'NORMAL',
};
/** The template's columns: every current one (the legacy flow_cell_type stays an alias, not a template column). */
const TEMPLATE = COLUMNS.filter((c) => c.key !== 'flowCellType' && c.key !== 'libraryPrepBy');
const ENUM_COLUMNS: Record<string, readonly string[]> = { ...SAMPLE_ENUMS, isControl: ['yes', 'no'] };

export function templateCsv(): string {
  const line = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  return `\uFEFF${line(TEMPLATE.map((c) => c.header))}\r\n${line(TEMPLATE.map((c) => EXAMPLE[c.key] ?? ''))}\r\n`;
}

/** The template workbook: a Samples sheet with drop-downs, and a Lists sheet naming every allowed value. */
export async function templateXlsx(): Promise<Buffer> {
  const Excel = await excel();
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet('Samples');
  const lists = workbook.addWorksheet('Lists');
  sheet.addRow(TEMPLATE.map((c) => c.header)).font = { bold: true };
  sheet.addRow(TEMPLATE.map((c) => EXAMPLE[c.key] ?? ''));
  TEMPLATE.forEach((c, i) => { sheet.getColumn(i + 1).width = Math.max(12, c.header.length + 2); });
  Object.entries(ENUM_COLUMNS).forEach(([key, values], i) => {
    const column = TEMPLATE.findIndex((c) => c.key === key);
    if (column < 0) return;
    lists.getCell(1, i + 1).value = TEMPLATE[column]!.header;
    values.forEach((v, j) => { lists.getCell(j + 2, i + 1).value = v; });
    const letter = lists.getColumn(i + 1).letter;
    const target = sheet.getColumn(column + 1).letter;
    for (let row = 2; row <= 1001; row++) {
      sheet.getCell(`${target}${row}`).dataValidation = {
        type: 'list', allowBlank: true, formulae: [`Lists!$${letter}$2:$${letter}$${values.length + 1}`],
        showErrorMessage: true, errorTitle: TEMPLATE[column]!.header, error: `Use one of ${values.join(', ')}`,
      };
    }
  });
  const help = workbook.addWorksheet('Columns');
  help.addRow(['column', 'required', 'also accepted', 'meaning']).font = { bold: true };
  for (const c of COLUMNS) help.addRow([c.header, c.required ? 'yes' : 'no', c.aliases.join(', '), c.hint]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `GET /intake/templates/samples.csv|.xlsx`, behind the internal-token check like every route (the gateway forwards with the caller). */
export function mountTemplateRoutes(app: Express, authenticate: AuthenticateMiddleware): void {
  let xlsx: Promise<Buffer> | null = null;
  app.get('/intake/templates/samples.csv', authenticate, (_req, res) => {
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="samples.csv"');
    res.send(templateCsv());
  });
  app.get('/intake/templates/samples.xlsx', authenticate, async (_req, res) => {
    xlsx ??= templateXlsx();
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', 'attachment; filename="samples.xlsx"');
    res.send(await xlsx);
  });
}
