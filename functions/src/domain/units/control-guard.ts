import { formatVietnameseNumber } from '../cells/number-format.js';
import { EXIT } from '../errors/exit-code.js';
import { PersonError } from '../errors/person-error.js';

/**
 * A control sheet that would make a run rewrite everything from nothing: no unit at all (a unit's
 * file passed by mistake, an empty tab), or a registry that shrank by more than half since the last
 * run (the wrong workbook). Such a run stops before it writes; a shrink the district means is confirmed.
 */
export class ControlRefusedError extends PersonError {
  override readonly name = 'ControlRefusedError';
  readonly exitCode = EXIT.usage;
}

/** Why a run must not go on with this registry, in Vietnamese, or undefined when it may. */
export function registryRefusal(input: {
  readonly unitCount: number;
  readonly previousUnitCount?: number;
  readonly confirmed: boolean;
  readonly control: string;
}): string | undefined {
  const { unitCount, previousUnitCount, control } = input;
  if (unitCount === 0) {
    return `Bảng điều khiển '${control}' không có đơn vị nào (thiếu trang 'Đơn vị' hoặc trang trống): không quét và không ghi gì. Hãy kiểm tra đúng tệp bảng điều khiển (--control hoặc TONGHOP_CONTROL_WORKBOOK).`;
  }
  if (previousUnitCount !== undefined && unitCount * 2 < previousUnitCount && !input.confirmed) {
    return `Danh sách đơn vị của bảng điều khiển '${control}' giảm từ ${formatVietnameseNumber(previousUnitCount)} xuống ${formatVietnameseNumber(unitCount)} đơn vị (hơn một nửa) so với lần chạy trước: có thể nhầm bảng điều khiển. Không quét và không ghi gì; nếu đúng là vậy, chạy lại với --yes.`;
  }
  return undefined;
}
