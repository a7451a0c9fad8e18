/**
 * ONT barcoding kits and the barcodes each contains (lims-landscape.md §4.3, dorado's barcode_kits.cpp).
 * A barcode has the kit's tube label (NB05, RB05, BP05: what staff read off the plate) and the name
 * MinKNOW and dorado use in sample sheets and output folders (barcode05). Input accepts either;
 * the label is stored. Kit codes are normalised to ONT's product form (SQK-NBD114.24; MinKNOW writes
 * SQK-NBD114-24). An expansion kit (EXP-…) only adds barcodes: it is sequenced with a ligation or
 * PCR-cDNA kit, which the sample sheet's `kit` column names first ("SQK-LSK114 EXP-NBD114").
 */
export interface BarcodeKit {
  code: string;
  description: string;
  /** The tube-label prefix: NB (native), RB (rapid), BP (PCR-cDNA barcode primers). */
  prefix: string;
  count: number;
  /** The number of its first barcode (EXP-NBD114 holds NB13-NB24); default 1. */
  first?: number;
  /** For an expansion kit, the sequencing kits it is used with; absent for a kit that sequences. */
  sequencingKits?: string[];
}

// The ligation kits (Kit 9/10 and V14) the native and PCR barcoding expansions are used with.
const LIGATION = ['SQK-LSK114', 'SQK-LSK114-XL', 'SQK-LSK110', 'SQK-LSK109'];

const kits: BarcodeKit[] = [
  { code: 'SQK-NBD114.24', description: 'Native Barcoding Kit 24 V14 (ligation)', prefix: 'NB', count: 24 },
  { code: 'SQK-NBD114.96', description: 'Native Barcoding Kit 96 V14 (ligation)', prefix: 'NB', count: 96 },
  { code: 'SQK-RBK114.24', description: 'Rapid Barcoding Kit 24 V14 (transposase)', prefix: 'RB', count: 24 },
  { code: 'SQK-RBK114.96', description: 'Rapid Barcoding Kit 96 V14 (transposase)', prefix: 'RB', count: 96 },
  { code: 'SQK-PCB114.24', description: 'PCR-cDNA Barcoding Kit V14', prefix: 'BP', count: 24 },
  { code: 'EXP-NBD104', description: 'Native Barcoding Expansion 1-12 (legacy, with a ligation kit)', prefix: 'NB', count: 12, sequencingKits: LIGATION },
  { code: 'EXP-NBD114', description: 'Native Barcoding Expansion 13-24 (legacy, with a ligation kit)', prefix: 'NB', count: 12, first: 13, sequencingKits: LIGATION },
  { code: 'EXP-NBD196', description: 'Native Barcoding Expansion 96 (legacy, with a ligation kit)', prefix: 'NB', count: 96, sequencingKits: LIGATION },
  { code: 'EXP-PBC001', description: 'PCR Barcoding Expansion 1-12 (with a ligation or PCR-cDNA kit)', prefix: 'BC', count: 12, sequencingKits: [...LIGATION, 'SQK-PCS114', 'SQK-PCS111', 'SQK-PCS109'] },
  { code: 'EXP-PBC096', description: 'PCR Barcoding Expansion 1-96 (with a ligation or PCR-cDNA kit)', prefix: 'BC', count: 96, sequencingKits: [...LIGATION, 'SQK-PCS114', 'SQK-PCS111', 'SQK-PCS109'] },
];

export const BarcodeKits: ReadonlyMap<string, BarcodeKit> = new Map(kits.map((k) => [k.code, k]));

/** `SQK-NBD114-24` / `sqk-nbd114.24` → `SQK-NBD114.24`. */
export function normaliseKitCode(raw: string): string {
  return raw.trim().toUpperCase().replace(/-(\d{2,3})(?=(-XL)?$)/, '.$1');
}

/** The kit's code as MinKNOW and dorado write it (`SQK-NBD114-24`). */
export const minknowKitCode = (code: string) => code.replace(/\.(\d{2,3})/, '-$1');

const pad = (n: number) => String(n).padStart(2, '0');

/** The MinKNOW sample sheet's `kit` column: the sequencing kit first, then an expansion kit. */
export function sampleSheetKit(barcodeKit: string, sequencingKit: string | null): string {
  return [sequencingKit, barcodeKit].filter((k): k is string => !!k).map(minknowKitCode).join(' ');
}

const firstOf = (kit: BarcodeKit) => kit.first ?? 1;

/** Every barcode of the kit, in order, as tube labels (NB01 … NB24; NB13 … NB24 for EXP-NBD114). */
export function barcodesOf(kit: BarcodeKit): string[] {
  return Array.from({ length: kit.count }, (_, i) => `${kit.prefix}${pad(firstOf(kit) + i)}`);
}

/** `barcode05` for NB05. */
export function sampleSheetName(label: string): string {
  return `barcode${label.replace(/^[A-Z]+/, '')}`;
}

/**
 * The kit's label for what was typed (`NB05`, `nb5`, `barcode05`, `barcode5`), or null when it is
 * not a barcode of this kit (another kit's prefix, or a number past the kit's count).
 */
export function normaliseBarcode(kit: BarcodeKit, raw: string): string | null {
  const m = /^(?:([A-Z]{2})|BARCODE)0*(\d{1,3})$/.exec(raw.trim().toUpperCase());
  if (!m) return null;
  if (m[1] && m[1] !== kit.prefix) return null;
  const n = Number(m[2]);
  return n >= firstOf(kit) && n < firstOf(kit) + kit.count ? `${kit.prefix}${pad(n)}` : null;
}
