import type { ControlReading } from '../domain/units/read-control.js';
import type { DistrictSheets } from './district-sheets.js';

/**
 * An instance's last control reading, kept while the control sheet's fingerprint stays the same
 * (one Drive `files.get` instead of reading every tab at each webhook call).
 */
export class ControlCache {
  private kept: { readonly fingerprint: string; readonly control: ControlReading } | undefined;

  /** The control reading: the kept one when the fingerprint has not moved, else read again. */
  async read(sheets: DistrictSheets): Promise<{ readonly control: ControlReading; readonly cached: boolean }> {
    // Taken before reading, so a change made during the read is seen at the next call.
    const fingerprint = await sheets.controlFingerprint();
    if (this.kept && fingerprint !== undefined && this.kept.fingerprint === fingerprint)
      return { control: this.kept.control, cached: true };
    const control = await sheets.readControl();
    this.kept = fingerprint === undefined ? undefined : { fingerprint, control };
    return { control, cached: false };
  }
}
