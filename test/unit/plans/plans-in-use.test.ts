import { describe, expect, it } from 'vitest';
import { formsInUse, openForms, planReadingOf } from '../../../functions/src/domain/plans/plans-in-use.js';
import { BUILTIN_FORMS, builtinForm } from '../../support/forms.js';

describe('closing a plan (Trạng thái = Đã đóng)', () => {
  const reading = {
    ...planReadingOf([builtinForm('tap-huan-2024'), builtinForm('ke-hoach-nho-65-nam')]),
    closed: new Set(['ke-hoach-nho-65-nam']),
  };

  it('keeps its data in every run: swept, counted and summarized', () => {
    expect(formsInUse(reading).map((f) => f.id)).toEqual(['tap-huan-2024', 'ke-hoach-nho-65-nam']);
  });

  it('stops its reminders and its new tabs: only open plans are reminded of and provisioned', () => {
    expect(openForms(reading).map((f) => f.id)).toEqual(['tap-huan-2024']);
  });

  it('a catalog copied in is all open, with no problem', () => {
    expect(openForms(planReadingOf(BUILTIN_FORMS))).toHaveLength(BUILTIN_FORMS.length);
  });
});
