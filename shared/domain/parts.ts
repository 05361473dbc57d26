/** One part of the catalog an admin maintains; technicians pick from it on site. */
export interface PartDto {
  id: string;
  sku: string;
  name: string;
  /** How the part is counted or measured: "each", "pcs", "m", "kg"… */
  unit: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export const MAX_SKU_LENGTH = 40;
export const MAX_PART_NAME_LENGTH = 200;
export const MAX_UNIT_LENGTH = 20;
/** A parts CSV of at most 5 million characters (about 5 MB): tens of thousands of lines. */
export const MAX_CSV_CHARS = 5_000_000;
export const MAX_CSV_ROWS = 50_000;

/**
 * Units of measure: quantities in these may be fractions (2.5 m of cable, 0.75 kg of grease).
 * Every other unit counts whole things ("each", "pcs", "box", "pack"…), so its quantities must be
 * whole numbers. An unknown unit is a count on purpose: nobody installs half a switch.
 */
export const measuredUnits: readonly string[] = [
  'm',
  'metre',
  'metres',
  'meter',
  'meters',
  'cm',
  'mm',
  'km',
  'ft',
  'foot',
  'feet',
  'in',
  'inch',
  'inches',
  'yd',
  'kg',
  'g',
  'lb',
  'lbs',
  'oz',
  'l',
  'litre',
  'litres',
  'liter',
  'liters',
  'ml',
  'h',
  'hour',
  'hours',
];

/** Whether quantities in this unit must be whole numbers (see measuredUnits). */
export function isCountUnit(unit: string): boolean {
  return !measuredUnits.includes(unit.trim().toLowerCase());
}

/** Units offered in the catalog's editor; any other short unit may be typed. */
export const suggestedUnits = ['each', 'pcs', 'pack', 'box', 'set', 'pair', 'roll', 'm', 'ft', 'kg', 'l'] as const;

/** The key that makes a SKU unique regardless of case ("ab-1" and "AB-1" are one part). */
export function skuKey(sku: string): string {
  return sku.trim().toUpperCase();
}

export const SKU_PATTERN = /^[\p{L}\p{N}._\-/+#]+$/u;
export const SKU_RULE = 'Letters, digits and . _ - / + # only, no spaces';

export interface PartsImportSummary {
  /** Data lines read (the header and blank lines not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}
