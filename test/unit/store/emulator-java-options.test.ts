import { describe, expect, it } from 'vitest';
import { emulatorJavaOptions } from '../../../functions/src/adapters/store/emulator.js';

describe('emulatorJavaOptions', () => {
  it('gives the emulator the client compiler and the serial collector', () => {
    expect(emulatorJavaOptions(undefined)).toBe('-XX:TieredStopAtLevel=1 -XX:+UseSerialGC');
    expect(emulatorJavaOptions('  ')).toBe('-XX:TieredStopAtLevel=1 -XX:+UseSerialGC');
  });

  it("puts the operator's own options last, so a repeated flag of theirs wins", () => {
    expect(emulatorJavaOptions('-Xmx2g -XX:TieredStopAtLevel=4')).toBe(
      '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx2g -XX:TieredStopAtLevel=4',
    );
  });
});
