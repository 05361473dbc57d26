import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../electron/core/services/password.service';

describe('password hashing', () => {
  it('stores a salted scrypt hash that never contains the password itself', async () => {
    const password = 'correct horse battery staple';
    const hash = await hashPassword(password);
    expect(hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain(password);
    expect(hash).not.toContain(Buffer.from(password).toString('base64'));
  });

  it('gives the same password a different hash each time (a fresh salt)', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('s3cret-pass');
    expect(await verifyPassword('s3cret-pass', hash)).toBe(true);
    expect(await verifyPassword('s3cret-Pass', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it.each([
    ['an empty string', ''],
    ['a plain-text password', 's3cret-pass'],
    ['another scheme', 'bcrypt$10$abc$def'],
    ['missing parts', 'scrypt$32768$8$1$c2FsdA=='],
    ['an empty key', 'scrypt$32768$8$1$c2FsdA==$'],
    ['a cost that is not a number', 'scrypt$lots$8$1$c2FsdA==$a2V5'],
    ['a cost that is not a power of two', 'scrypt$1000$8$1$c2FsdA==$a2V5'],
    ['a cost too large for memory', 'scrypt$1073741824$8$1$c2FsdA==$a2V5'],
    ['a negative block size', 'scrypt$32768$-8$1$c2FsdA==$a2V5'],
  ])('refuses a malformed stored hash (%s) instead of throwing', async (_label, stored) => {
    await expect(verifyPassword('s3cret-pass', stored)).resolves.toBe(false);
  });
});
