/**
 * Tiny shape checks for JSON that crossed the wire. They throw a plain `TypeError`; the HTTP layer
 * turns anything a parse callback throws into `MfaError('bad_response')`, so this module needs no
 * imports and stays usable from any parser.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectObject(value: unknown, what = 'body'): JsonObject {
  if (!isObject(value)) throw new TypeError(`${what}: expected an object`);
  return value;
}

export function expectArray(value: unknown, what = 'body'): unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`${what}: expected an array`);
  return value;
}

export function requireString(obj: JsonObject, key: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value === '') throw new TypeError(`${key}: expected a non-empty string`);
  return value;
}

/** Absent and `null` both mean "not sent"; any other non-string is a shape error. */
export function optionalString(obj: JsonObject, key: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new TypeError(`${key}: expected a string`);
  return value;
}

export function optionalNumber(obj: JsonObject, key: string): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${key}: expected a number`);
  return value;
}

export function requireBoolean(obj: JsonObject, key: string): boolean {
  const value = obj[key];
  if (typeof value !== 'boolean') throw new TypeError(`${key}: expected a boolean`);
  return value;
}

export function optionalStringArray(obj: JsonObject, key: string): string[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new TypeError(`${key}: expected an array of strings`);
  }
  return value as string[];
}
