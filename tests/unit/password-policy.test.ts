import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../electron/core/services/password-policy.service';

describe('the password policy for new passwords', () => {
  it.each([
    ['a passphrase of four words', 'maple-orbit-candle-fjord', 'kim', null],
    ['twelve random characters', 'x7#Lq9!vR2$m', 'kim', null],
    ['eleven characters', 'x7#Lq9!vR2$', 'kim', 'At least 12 characters'],
    ['a password from the list', 'qwertyuiop123', 'kim', 'One of the most common passwords: choose another'],
    ['a listed password in capitals', 'PASSWORD1234', 'kim', 'One of the most common passwords: choose another'],
    [
      'a listed word with digits and symbols around it',
      '2024!!Sunshine!!',
      'kim',
      'A common password with digits or symbols added: choose another',
    ],
    ['the username inside', 'kimberly-rocks-77', 'kimberly', 'Must not contain the username'],
  ])('%s: %s → %s', (_label, password, username, problem) => {
    expect(passwordProblem(password, username)).toBe(problem);
  });

  it('refuses every password of 12 characters or more on the shipped list', () => {
    const file = path.resolve(import.meta.dirname, '../../resources/common-passwords/common-passwords.txt');
    const long = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.length >= 12);
    expect(long.length).toBeGreaterThan(300);
    expect(long.filter((p) => passwordProblem(p, 'kim') === null)).toEqual([]);
  });
});
