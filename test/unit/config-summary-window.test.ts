import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/src/config.js';

describe('summary window setting (TONGHOP_SUMMARY_CURRENT_DAYS)', () => {
  it('defaults to 30 days either side of now', () => {
    expect(loadConfig({}).summaryCurrentDays).toBe(30);
  });

  it('takes a number of days', () => {
    expect(loadConfig({ TONGHOP_SUMMARY_CURRENT_DAYS: '45' }).summaryCurrentDays).toBe(45);
  });

  it.each(['0', '-3', '2.5', 'ba mươi', '400'])('refuses %s, naming the setting', (value) => {
    expect(() => loadConfig({ TONGHOP_SUMMARY_CURRENT_DAYS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TONGHOP_SUMMARY_CURRENT_DAYS: value })).toThrow('TONGHOP_SUMMARY_CURRENT_DAYS');
  });
});
