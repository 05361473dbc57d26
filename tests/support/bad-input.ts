// Generators of bad request bodies for probing the API: near-valid inputs that differ from a valid
// one in a single field, arbitrary JSON, and bodies that are not JSON at all.
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** One request body to send, with what was done to the valid input (for the failure report). */
export type Probe =
  | { kind: 'json'; mutation: string; value: unknown }
  | { kind: 'raw'; mutation: string; body: string | Uint8Array<ArrayBuffer> | LongBody; contentType: string };

/** The property a prototype-pollution probe tries to plant on Object.prototype. */
export const pollutionMarker = 'pollutedByBadInputProbe';

// Large values stand in for what they expand to in JSON, so a failure report prints
// `"é" × 100001` rather than a megabyte of text.
class RepeatedText {
  constructor(
    readonly unit: string,
    readonly times: number,
  ) {}
  toJSON(): string {
    return this.unit.repeat(this.times);
  }
  [fc.toStringMethod](): string {
    return `${JSON.stringify(this.unit)} × ${this.times}`;
  }
}

class LongArray {
  constructor(
    readonly item: unknown,
    readonly length: number,
  ) {}
  toJSON(): unknown[] {
    return Array.from({ length: this.length }, () => this.item);
  }
  [fc.toStringMethod](): string {
    return `[${fc.stringify(this.item)}] × ${this.length}`;
  }
}

/** A request body too long to print, shown by what it is made of. */
class LongBody {
  constructor(
    readonly text: string,
    readonly description: string,
  ) {}
  [fc.toStringMethod](): string {
    return this.description;
  }
}

/** An object with an own, enumerable key, even one that a literal would treat as the prototype. */
function withKey(target: object, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const pollution = fc.constantFrom(
  withKey({}, '__proto__', { [pollutionMarker]: true, isAdmin: true }),
  { constructor: { prototype: { [pollutionMarker]: true } } },
  withKey({}, '__proto__', { toString: 'not a function', valueOf: null }),
);

const wrongTypes = fc.constantFrom<unknown>(null, true, false, 0, 1, '', 'x', [], {}, [null], { '': '' });

const oddNumbers = fc.oneof(
  fc.constantFrom(1e308, -1e308, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, -1, 0.5, 2 ** 31, 1e21, -0),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const numberLikeText = fc.constantFrom(
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '0x1F',
  '1_000',
  ' 42 ',
  'null',
  'undefined',
  'true',
  '[]',
  '١٢٣',
  '１２',
);

const oddText = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDFFFy',
    '\u202Egnp.exe',
    '\uFEFFbom',
    'e\u0301\u0301\u0301',
    '👩‍👩‍👧‍👦',
    '\u200B',
    'line\u2028break',
    'İı',
    '   ',
    "'; drop table tickets; --",
    '" or 1=1 --',
    '%_\\',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '${7*7}{{7*7}}',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

// Instants, days and times at the edges of what JavaScript, Luxon and the databases accept.
const oddMoments = fc.constantFrom(
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z',
  '2024-02-29T12:00:00+14:00',
  '2026-02-29T12:00:00Z',
  '2026-03-08T02:30:00-05:00',
  '2026-06-30T23:59:60Z',
  '2026-01-01T00:00:00.123456789Z',
  '0000-01-01',
  '9999-12-31',
  '2026-13-01',
  '24:00',
  '23:59:60',
);

// 400,001 four-byte characters pass the 1 MB body limit, so the transport's refusal is probed too.
const hugeText = fc
  .record({ unit: fc.constantFrom('x', 'é', '😀', ' ', '\u0000'), times: fc.constantFrom(1_001, 10_001, 400_001) })
  .map(({ unit, times }) => new RepeatedText(unit, times));

const nestedJunk = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' });

/** A value to put where `original` was: of the wrong type, out of range, odd, huge or hostile. */
function junkFor(original: Json): fc.Arbitrary<unknown> {
  const longArray = fc
    .record({ item: fc.oneof(fc.constant(original), wrongTypes), length: fc.constantFrom(101, 1_001, 30_000) })
    .map(({ item, length }) => new LongArray(item, length));
  return fc.oneof(
    { weight: 3, arbitrary: wrongTypes },
    { weight: 2, arbitrary: oddNumbers },
    { weight: 2, arbitrary: numberLikeText },
    { weight: 3, arbitrary: oddText },
    { weight: 2, arbitrary: oddMoments },
    { weight: 1, arbitrary: hugeText },
    { weight: 2, arbitrary: nestedJunk },
    { weight: 1, arbitrary: longArray },
    { weight: 1, arbitrary: pollution },
  );
}

// Tokens JSON.stringify never writes: some are valid JSON with odd meanings (-0, 1e400 is
// Infinity once parsed, an escaped lone surrogate, nesting deeper than JSON.stringify can write),
// the rest are not JSON at all.
const rawTokens = fc.oneof(
  fc.constantFrom(
    '-0',
    '1e400',
    '-1e400',
    '1e-400',
    '"\\ud800"',
    '"\\u0000"',
    'NaN',
    'Infinity',
    '01',
    '.5',
    '+1',
    'undefined',
    "'single'",
  ),
  fc.constantFrom(100, 5_000, 50_000).map((depth) => ({ depth })),
);

function isObject(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every field and array element, at any depth. */
function fieldPaths(value: Json, prefix: Path = []): Path[] {
  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : isObject(value)
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [[...prefix, key], ...fieldPaths(child, [...prefix, key])]);
}

/** Every object, the input itself included. */
function objectPaths(value: Json, prefix: Path = []): Path[] {
  const own = isObject(value) ? [prefix] : [];
  return [...own, ...fieldPaths(value, prefix).filter((p) => isObject(valueAt(value, p.slice(prefix.length))))];
}

function valueAt(value: Json, path: Path): Json {
  let node: Json = value;
  for (const key of path) node = (node as Record<string | number, Json>)[key] as Json;
  return node;
}

const printPath = (path: Path) => (path.length === 0 ? 'the input' : path.join('.'));

/** A deep copy of `seed` with `change` applied to the parent of `path` (the input itself when empty). */
function changed(
  seed: Json,
  path: Path,
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
) {
  const copy = structuredClone(seed) as unknown;
  const parent = valueAt(copy as Json, path.slice(0, -1)) as unknown as Record<string | number, unknown>;
  const key = path[path.length - 1];
  if (key !== undefined) change(parent, key);
  return copy;
}

function mutationsOf(seed: Json): fc.Arbitrary<Probe> {
  const fields = fieldPaths(seed);
  const objects = objectPaths(seed);
  const extraKeys = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', ''),
    fc.string({ maxLength: 12 }),
  );
  const add = fc.tuple(fc.constantFrom(...objects), extraKeys).chain(([path, key]) =>
    junkFor(null).map((junk): Probe => {
      const value =
        path.length === 0
          ? withKey(seed as object, key, junk)
          : changed(seed, path, (parent, last) => void (parent[last] = withKey(parent[last] as object, key, junk)));
      return { kind: 'json', mutation: `add the field ${JSON.stringify(key)} to ${printPath(path)}`, value };
    }),
  );
  if (fields.length === 0) return add;
  const set = fc.constantFrom(...fields).chain((path) =>
    junkFor(valueAt(seed, path)).map((junk): Probe => ({
      kind: 'json',
      mutation: `replace ${printPath(path)}`,
      value: changed(seed, path, (parent, key) => void (parent[key] = junk)),
    })),
  );
  const remove = fc.constantFrom(...fields).map((path): Probe => ({
    kind: 'json',
    mutation: `remove ${printPath(path)}`,
    value: changed(seed, path, (parent, key) => {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else Reflect.deleteProperty(parent, key);
    }),
  }));
  const placeholder = '\u0000raw-token\u0000';
  const token = fc.tuple(fc.constantFrom(...fields), rawTokens).map(([path, raw]): Probe => {
    const text = typeof raw === 'string' ? raw : `${'['.repeat(raw.depth)}${']'.repeat(raw.depth)}`;
    const shown = typeof raw === 'string' ? raw : `arrays ${raw.depth} deep`;
    const template = JSON.stringify(changed(seed, path, (parent, key) => void (parent[key] = placeholder)));
    const body = template.replace(JSON.stringify(placeholder), () => text);
    return {
      kind: 'raw',
      mutation: `write ${shown} as ${printPath(path)}`,
      body: body.length > 2_000 ? new LongBody(body, `the valid input with ${shown} as ${printPath(path)}`) : body,
      contentType: 'application/json',
    };
  });
  return fc.oneof(
    { weight: 5, arbitrary: set },
    { weight: 2, arbitrary: remove },
    { weight: 2, arbitrary: add },
    { weight: 1, arbitrary: token },
  );
}

const contentTypes = fc.oneof(
  { weight: 4, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded'),
  },
);

/** Bodies a JSON client would never send. */
const rawBodies = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        '{',
        '{"a":',
        '[',
        'null',
        'true',
        '\uFEFF{}',
        '{}garbage',
        '{"a":1,"a":2}',
        'undefined',
      ),
      fc.json({ maxDepth: 2 }).map((text) => text.slice(0, Math.max(0, text.length - 1))),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.uint8Array({ maxLength: 64 }),
    ),
    contentTypes,
  )
  .map(([body, contentType]): Probe => ({ kind: 'raw', mutation: 'send a raw body', body, contentType }));

/**
 * Bad bodies for a method whose valid input is `seed`: mostly the valid input with one field
 * changed, removed or added (at any depth), some arbitrary JSON, and some bodies that are not JSON.
 */
export function badInputs(seed: Json): fc.Arbitrary<Probe> {
  return fc.oneof(
    { weight: 8, arbitrary: mutationsOf(seed) },
    {
      weight: 1,
      arbitrary: fc
        .jsonValue({ maxDepth: 3 })
        .map((value): Probe => ({ kind: 'json', mutation: 'send arbitrary JSON', value })),
    },
    { weight: 1, arbitrary: rawBodies },
  );
}

/** The body and content type a probe is sent with. */
export function requestOf(probe: Probe): { body: string | Uint8Array<ArrayBuffer>; contentType: string } {
  return probe.kind === 'json'
    ? { body: JSON.stringify(probe.value), contentType: 'application/json' }
    : { body: probe.body instanceof LongBody ? probe.body.text : probe.body, contentType: probe.contentType };
}

/** What the server sees of a JSON probe (JSON drops undefined, turns -0 into 0 and NaN into null). */
export function parsedBodyOf(probe: Probe & { kind: 'json' }): unknown {
  return JSON.parse(JSON.stringify(probe.value)) as unknown;
}
