/**
 * The flow-cell products the inventory accepts (lims-landscape.md §4.2: the current R10.4.1 and
 * RNA004 cells; legacy R9.4.1/R10.4 codes are refused, dorado ≥ 1.0 no longer basecalls them) and the
 * warranty pore count of each: a platform check of an unused cell below it is a warranty return.
 * MinION/GridION 800, PromethION 5,000, Flongle 50 are the commonly cited minimums (§4.2, flagged
 * there as to be checked against ONT's current terms; WORKFLOW_FLOWCELL_WARRANTY_PORES overrides them).
 */
export const FlowCellProducts = {
  'FLO-MIN114': { family: 'MINION', description: 'MinION/GridION R10.4.1', warrantyPores: 800 },
  'FLO-MIN114HD': { family: 'MINION', description: 'MinION/GridION R10.4.1 HD', warrantyPores: 800 },
  'FLO-MIN004RA': { family: 'MINION', description: 'MinION/GridION RNA004', warrantyPores: 800 },
  'FLO-PRO114M': { family: 'PROMETHION', description: 'PromethION R10.4.1', warrantyPores: 5000 },
  'FLO-PRO114': { family: 'PROMETHION', description: 'PromethION R10.4.1 (earlier code)', warrantyPores: 5000 },
  'FLO-PRO114HD': { family: 'PROMETHION', description: 'PromethION R10.4.1 HD', warrantyPores: 5000 },
  'FLO-PRO004RA': { family: 'PROMETHION', description: 'PromethION RNA004', warrantyPores: 5000 },
  'FLO-FLG114': { family: 'FLONGLE', description: 'Flongle R10.4.1', warrantyPores: 50 },
  'FLO-FLG114HD': { family: 'FLONGLE', description: 'Flongle R10.4.1 HD', warrantyPores: 50 },
} as const satisfies Record<string, { family: string; description: string; warrantyPores: number }>;

export type FlowCellProductCode = keyof typeof FlowCellProducts;
export const FlowCellProductCodes = Object.keys(FlowCellProducts) as FlowCellProductCode[];

/** Default low-stock threshold of every product: an alert when fewer usable cells than this remain. */
export const DEFAULT_LOW_STOCK = 2;

export const isFlowCellProduct = (code: string): code is FlowCellProductCode => Object.hasOwn(FlowCellProducts, code);

/** ONT's wash kits (EXP-WSH004, its XL pack, and the older EXP-WSH003). */
export const WASH_KIT = /^EXP-WSH00[34](-XL)?$/;
/** Flow-cell ids as printed on the cell and reported by MinKNOW (FAW12345, PAW12345, AQL123). */
export const FLOW_CELL_SERIAL = /^[A-Z0-9]{5,12}$/;
