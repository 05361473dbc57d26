import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { readJson, readJsonOrUndefined, StoredJsonError, textList } from '../../electron/core/db/json-column';

const where = 'visit_work_logs.steps of visit v-1';

describe('reading a stored JSON column', () => {
  afterEach(() => vi.restoreAllMocks());

  it('returns the value when it matches its schema', () => {
    expect(readJson(textList, '["Replaced PSU","Tested"]', where)).toEqual(['Replaced PSU', 'Tested']);
  });

  it.each([
    ['text that is not JSON', 'Replaced PSU', /: it is not JSON$/],
    ['JSON of another shape', '{"step":"Replaced PSU"}', /expected array/],
    ['a list with a value of the wrong type', '["Replaced PSU", 3]', /expected string/],
  ])('throws an error naming the column for %s', (_case, text, detail) => {
    expect(() => readJson(textList, text, where)).toThrow(StoredJsonError);
    expect(() => readJson(textList, text, where)).toThrow(`${where} does not hold what it should`);
    expect(() => readJson(textList, text, where)).toThrow(detail);
  });

  it('does not repeat the stored text in the error, which may hold a client’s details', () => {
    expect(() => readJson(z.array(z.number()), 'call Maria on +1 212 555 0142', where)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('Maria') as unknown }),
    );
  });

  it('logs a value that does not match and reads it as undefined where the caller has a fallback', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(readJsonOrUndefined(textList, '{oops', 'settings.value of closure.settings')).toBeUndefined();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('settings.value of closure.settings'));
  });
});
