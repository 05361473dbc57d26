import { describe, expect, it } from 'vitest';
import { phoneDigits } from '../../electron/core/services/phone';

describe('phone digits for the caller search', () => {
  it.each([
    ['+1 (555) 010-2030', '15550102030'],
    ['5550102030', '5550102030'],
    ['+44 20 7946 0958', '442079460958'],
    ['030/1234-56', '030123456'],
    ['555.010.2030 x12', '555010203012'],
  ])('reads %s as %s', (phone, digits) => {
    expect(phoneDigits(phone)).toBe(digits);
  });

  it.each([
    ['nothing', null],
    ['an empty string', ''],
    ['no digits at all', '+() -'],
  ])('has no digits for %s', (_label, phone) => {
    expect(phoneDigits(phone)).toBeNull();
  });
});
