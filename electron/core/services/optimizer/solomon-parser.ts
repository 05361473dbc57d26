import { buildTravelMatrix, type VrptwProblem } from './vrptw-model';

/** One Solomon customer row; id 0 is the depot. */
export interface SolomonCustomer {
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** customers[0] is the depot; customers[i].id === i. */
  customers: SolomonCustomer[];
}

export type SolomonParseResult = { ok: true; instance: SolomonInstance } | { ok: false; line: number; message: string };

const numberToken = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a Solomon-format VRPTW instance. Tokens are split on whitespace (CRLF, padding and
 * trailing spaces are fine); any structural or numeric problem is refused with its 1-based line.
 */
export function parseSolomon(text: string): SolomonParseResult {
  const lines = text.split(/\r\n|\r|\n/);
  // Non-blank lines with their 1-based numbers.
  const rows: { line: number; tokens: string[] }[] = [];
  lines.forEach((raw, index) => {
    const tokens = raw.trim().split(/\s+/).filter(Boolean);
    if (tokens.length > 0) rows.push({ line: index + 1, tokens });
  });
  const fail = (line: number, message: string): SolomonParseResult => ({ ok: false, line, message });
  const endLine = lines.length;

  let cursor = 0;
  const next = () => rows[cursor++];

  const nameRow = next();
  if (!nameRow) return fail(1, 'empty file: expected the instance name');
  if (nameRow.tokens.length !== 1) return fail(nameRow.line, 'expected the instance name alone on its line');
  const name = nameRow.tokens[0] ?? '';

  const vehicleHeader = next();
  if (vehicleHeader?.tokens.join(' ').toUpperCase() !== 'VEHICLE') {
    return fail(vehicleHeader?.line ?? endLine, 'expected the line "VEHICLE"');
  }
  const fleetHeader = next();
  if (fleetHeader?.tokens.join(' ').toUpperCase() !== 'NUMBER CAPACITY') {
    return fail(fleetHeader?.line ?? endLine, 'expected the line "NUMBER CAPACITY"');
  }
  const fleetRow = next();
  if (!fleetRow) return fail(endLine, 'expected the vehicle number and capacity');
  if (fleetRow.tokens.length !== 2) return fail(fleetRow.line, 'expected 2 numbers: vehicle number and capacity');
  const [vehiclesText = '', capacityText = ''] = fleetRow.tokens;
  if (!/^\d+$/.test(vehiclesText) || Number(vehiclesText) < 1) {
    return fail(fleetRow.line, `vehicle number must be a positive integer, got "${vehiclesText}"`);
  }
  if (!numberToken.test(capacityText) || !(Number(capacityText) > 0)) {
    return fail(fleetRow.line, `capacity must be a positive number, got "${capacityText}"`);
  }

  const customerHeader = next();
  if (customerHeader?.tokens.join(' ').toUpperCase() !== 'CUSTOMER') {
    return fail(customerHeader?.line ?? endLine, 'expected the line "CUSTOMER"');
  }
  const columnHeader = next();
  if (columnHeader?.tokens[0]?.toUpperCase() !== 'CUST') {
    return fail(columnHeader?.line ?? endLine, 'expected the column header line starting with "CUST NO."');
  }

  const customers: SolomonCustomer[] = [];
  for (let row = next(); row; row = next()) {
    if (row.tokens.length !== 7) {
      return fail(row.line, `expected 7 numbers (id x y demand ready due service), got ${row.tokens.length} fields`);
    }
    const bad = row.tokens.find((token) => !numberToken.test(token));
    if (bad !== undefined) return fail(row.line, `"${bad}" is not a number`);
    const [id = 0, x = 0, y = 0, demand = 0, ready = 0, due = 0, service = 0] = row.tokens.map(Number);
    if (id !== customers.length) {
      return fail(row.line, `expected customer number ${customers.length}, got ${row.tokens[0] ?? ''}`);
    }
    if (demand < 0 || service < 0 || ready < 0) {
      return fail(row.line, 'demand, ready time and service time must not be negative');
    }
    if (due < ready) return fail(row.line, `due date ${due} is before ready time ${ready}`);
    if (demand > Number(capacityText)) return fail(row.line, `demand ${demand} exceeds the vehicle capacity`);
    if (id === 0 && (demand !== 0 || service !== 0)) {
      return fail(row.line, 'the depot (customer 0) must have demand 0 and service time 0');
    }
    customers.push({ id, x, y, demand, ready, due, service });
  }
  if (customers.length < 2) return fail(endLine, 'expected the depot row and at least one customer row');

  return { ok: true, instance: { name, vehicles: Number(vehiclesText), capacity: Number(capacityText), customers } };
}

/** Euclidean distance in double precision, the benchmark's travel time and cost. */
export function euclidean(a: SolomonCustomer, b: SolomonCustomer): number {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return Math.sqrt(dx * dx + dy * dy);
}

/** The optimizer's view of a Solomon instance: node i is customer i, node 0 the depot. */
export function solomonToProblem(instance: SolomonInstance): VrptwProblem {
  const { customers } = instance;
  const size = customers.length;
  const column = (pick: (c: SolomonCustomer) => number) => Float64Array.from(customers, pick);
  return {
    size,
    travel: buildTravelMatrix(size, (i, j) =>
      euclidean(customers[i] as SolomonCustomer, customers[j] as SolomonCustomer),
    ),
    demand: column((c) => c.demand),
    ready: column((c) => c.ready),
    due: column((c) => c.due),
    service: column((c) => c.service),
    capacity: instance.capacity,
    maxVehicles: instance.vehicles,
  };
}
