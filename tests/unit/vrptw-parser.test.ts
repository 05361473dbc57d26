import { describe, expect, it } from 'vitest';
import { parseSolomon, solomonToProblem } from '../../electron/core/services/optimizer/solomon-parser';

// A Solomon file as stored upstream: CRLF line ends, padding and trailing spaces, a line holding one space.
const good = [
  'TINY1 ',
  '',
  'VEHICLE',
  'NUMBER     CAPACITY',
  '  2         10   ',
  '',
  'CUSTOMER',
  'CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME',
  ' ',
  '    0      0         0          0          0       1000          0   ',
  '    1      3         4          5         10        50          2   ',
  '    2      6         8          4          0        80          2',
  '',
].join('\r\n');

function withLine(lineNumber: number, replacement: string): string {
  const lines = good.split('\r\n');
  lines[lineNumber - 1] = replacement;
  return lines.join('\r\n');
}

describe('Solomon instance parser', () => {
  it('reads a file with CRLF line ends, padding spaces and a blank line holding one space', () => {
    const parsed = parseSolomon(good);
    expect(parsed).toEqual({
      ok: true,
      instance: {
        name: 'TINY1',
        vehicles: 2,
        capacity: 10,
        customers: [
          { id: 0, x: 0, y: 0, demand: 0, ready: 0, due: 1000, service: 0 },
          { id: 1, x: 3, y: 4, demand: 5, ready: 10, due: 50, service: 2 },
          { id: 2, x: 6, y: 8, demand: 4, ready: 0, due: 80, service: 2 },
        ],
      },
    });
  });

  it('reads the same file with LF line ends', () => {
    expect(parseSolomon(good.replaceAll('\r\n', '\n'))).toEqual(parseSolomon(good));
  });

  it('builds a Euclidean travel matrix in double precision', () => {
    const parsed = parseSolomon(good);
    if (!parsed.ok) throw new Error(parsed.message);
    const problem = solomonToProblem(parsed.instance);
    expect(problem.size).toBe(3);
    expect(problem.travel[0 * 3 + 1]).toBe(5);
    expect(problem.travel[1 * 3 + 2]).toBe(5);
    expect(problem.travel[2 * 3 + 0]).toBe(10);
    expect(problem.maxVehicles).toBe(2);
  });

  it.each([
    [
      'a customer row with 6 fields',
      11,
      '    1      3         4          5         10        50',
      /expected 7 numbers/,
    ],
    [
      'a customer row with a word in it',
      12,
      '    2      6         x          4          0        80          2',
      /"x" is not a number/,
    ],
    [
      'customers out of order',
      12,
      '    3      6         8          4          0        80          2',
      /expected customer number 2/,
    ],
    [
      'a due date before the ready time',
      11,
      '    1      3         4          5         60        50          2',
      /before ready time/,
    ],
    [
      'a negative demand',
      11,
      '    1      3         4         -5         10        50          2',
      /must not be negative/,
    ],
    [
      'a demand over the capacity',
      11,
      '    1      3         4         11         10        50          2',
      /exceeds the vehicle capacity/,
    ],
    ['a depot with a demand', 10, '    0      0         0          3          0       1000          0', /depot/],
    ['a missing VEHICLE header', 3, 'VEHICLES', /"VEHICLE"/],
    ['a fleet line with one number', 5, '  2  ', /vehicle number and capacity/],
    ['a fractional vehicle number', 5, '  2.5   10', /vehicle number must be a positive integer/],
    ['a zero capacity', 5, '  2   0', /capacity must be a positive number/],
    ['a missing column header', 8, 'NO HEADER', /column header/],
  ])('refuses %s, naming line %i', (_what, line, replacement, message) => {
    const parsed = parseSolomon(withLine(line, replacement));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.line).toBe(line);
    expect(parsed.message).toMatch(message);
  });

  it('refuses an empty file at line 1', () => {
    expect(parseSolomon('')).toMatchObject({ ok: false, line: 1 });
  });

  it('refuses a file that ends before any customer row, naming its last line', () => {
    const truncated = good.split('\r\n').slice(0, 9).join('\r\n');
    expect(parseSolomon(truncated)).toMatchObject({ ok: false, line: 9 });
  });
});
