import fc from 'fast-check';
import {
  isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType,
} from 'graphql';

/** Strings that break naive code: control characters, lone surrogates, RTL and zero-width marks, huge ones. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\uD800', '\uDFFF\uD800', '\u202E\u202Dx', '\u200B\uFEFF', '👩‍🔬🧬', 'e\u0301\u0301\u0301',
    '%s%n%x', "'; drop table sample; --", '${jndi:ldap://x}', '<script>alert(1)</script>', '../../etc/passwd', '\r\n\r\nX-Injected: 1',
    'null', 'undefined', 'NaN', '-0', '1e309', '0x7fffffff', '{"a":1}', '[]'),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 100, max: 20_000 }).map((n) => '𝕏'.repeat(n)),
);

const extremeInt = fc.oneof(
  fc.integer(), fc.constantFrom(0, -1, 1, 2_147_483_647, -2_147_483_648, 2_147_483_648, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e21),
);
const extremeFloat = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, 5e-324, 1.7976931348623157e308, -1.7976931348623157e308, 1e-12, 0.1 + 0.2),
);
const dateLike = fc.oneof(
  fc.date({ noInvalidDate: true, min: new Date(-8.64e15), max: new Date(8.64e15) }).map((d) => d.toISOString()),
  fc.constantFrom('2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z', 'yesterday', '2026-13-01', ''),
);

/** A value nested `depth` levels: the payload a deep-input attack sends. */
const deepValue: fc.Arbitrary<unknown> = fc.integer({ min: 10, max: 400 }).map((depth) => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { nested: v };
  return v;
});

/** Anything JSON can carry, of any type: for the "wrong type" cases. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null), extremeInt, extremeFloat, fc.boolean(), nastyString, fc.constant([]), fc.constant({}), deepValue,
  fc.array(fc.oneof(fc.integer(), nastyString), { maxLength: 5 }), fc.dictionary(nastyString, fc.integer(), { maxKeys: 3 }),
);

export interface ArbitraryContext {
  /** Ids of real objects, so the cases get past "not found" into the rules. */
  ids: string[];
}

/** Values for a GraphQL input type: mostly of the right shape with nasty contents, sometimes of the wrong type. */
export function valueFor(type: GraphQLInputType, ctx: ArbitraryContext, depth = 0): fc.Arbitrary<unknown> {
  const right = rightShape(type, ctx, depth);
  return fc.oneof({ weight: 6, arbitrary: right }, { weight: 1, arbitrary: wrongValue });
}

function rightShape(type: GraphQLInputType, ctx: ArbitraryContext, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type.ofType, ctx, depth);
  if (isListType(type)) return fc.array(valueFor(type.ofType, ctx, depth + 1), { maxLength: depth > 2 ? 1 : 4 });
  if (isEnumType(type)) return fc.oneof(fc.constantFrom(...type.getValues().map((v) => v.name)), nastyString);
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, ctx, depth + 1)]));
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    return fc.record(shape, { requiredKeys: required as never[] });
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID': return fc.oneof(fc.constantFrom(...ctx.ids), fc.uuid(), nastyString);
      case 'Int': return extremeInt;
      case 'Float': return extremeFloat;
      case 'Boolean': return fc.boolean();
      case 'DateTime': return dateLike;
      case 'JSON': return fc.jsonValue({ maxDepth: 4 });
      default: return nastyString;
    }
  }
  return wrongValue;
}

// Bytes: what a damaged or hostile upload looks like.

/** Random bytes, sometimes behind a magic number so that type sniffing gets past the first check. */
export const garbageBytes: fc.Arbitrary<Buffer> = fc.tuple(
  fc.constantFrom('', '%PDF-1.7\n', 'PK\u0003\u0004', '\u0089PNG\r\n\u001a\n', '\u00ff\u00d8\u00ff', '\u00ef\u00bb\u00bf', '\u00ff\u00fe'),
  fc.uint8Array({ maxLength: 4096 }),
).map(([magic, bytes]) => Buffer.concat([Buffer.from(magic, 'latin1'), bytes]));

/** One way of damaging a file, applied to bytes known only later (a workbook built asynchronously). */
export interface Damage {
  what: string;
  apply(bytes: Uint8Array): Buffer;
}

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const offset = (bytes: Uint8Array, f: number) => Math.floor(f * bytes.length);

/** Cut short, bytes overwritten, a run of bytes deleted, garbage spliced in, or the first half repeated. */
export const damage: fc.Arbitrary<Damage> = fc.oneof(
  fraction.map((f) => ({ what: `cut at ${f.toFixed(3)}`, apply: (b: Uint8Array) => Buffer.from(b.subarray(0, offset(b, f))) })),
  fc.array(fc.tuple(fraction, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }).map((flips) => ({
    what: `${flips.length} bytes overwritten`,
    apply: (b: Uint8Array) => {
      const copy = Buffer.from(b);
      for (const [f, byte] of flips) if (copy.length) copy[offset(copy, f)] = byte;
      return copy;
    },
  })),
  fc.tuple(fraction, fc.integer({ min: 1, max: 4096 })).map(([f, n]) => ({
    what: `${n} bytes deleted at ${f.toFixed(3)}`, apply: (b: Uint8Array) => Buffer.concat([b.subarray(0, offset(b, f)), b.subarray(offset(b, f) + n)]),
  })),
  fc.tuple(fraction, fc.uint8Array({ minLength: 1, maxLength: 512 })).map(([f, junk]) => ({
    what: `${junk.length} bytes inserted at ${f.toFixed(3)}`, apply: (b: Uint8Array) => Buffer.concat([b.subarray(0, offset(b, f)), junk, b.subarray(offset(b, f))]),
  })),
  fc.constant({ what: 'first half repeated', apply: (b: Uint8Array) => Buffer.concat([b.subarray(0, b.length >> 1), b]) }),
);

/** Damaged copies of a file at hand. */
export const damaged = (original: Uint8Array): fc.Arbitrary<Buffer> => damage.map((d) => d.apply(original));
