import { describe, expect, it } from 'vitest';
import {
  explicitSubmissionDecision,
  type ExplicitReading,
} from '../../../functions/src/domain/submissions/explicit-submission.js';

const T0 = new Date('2024-09-12T03:00:00Z');
const T1 = new Date('2024-09-13T03:00:00Z');
const T2 = new Date('2024-09-14T03:00:00Z');
const SUBMITTED = { 'f~mot-lan~u': 'h1' };
const EDITED = { 'f~mot-lan~u': 'h2' };

const reading = (over: Partial<ExplicitReading>): ExplicitReading => ({
  submitRequested: false,
  readHashes: SUBMITTED,
  submittedHashes: SUBMITTED,
  previous: undefined,
  editedAt: T1,
  submittedAt: T1,
  ...over,
});

describe('explicitSubmissionDecision: the snapshot/draft transitions of a "Bấm nộp" form', () => {
  const draftOf = (r: ExplicitReading) => explicitSubmissionDecision(r).state.draft;

  it.each([
    [
      'never submitted, rows typed: a draft, nothing submitted',
      reading({ readHashes: EDITED, submittedHashes: {} }),
      false,
      undefined,
      T1,
    ],
    [
      'never submitted, empty tab: nothing at all',
      reading({ readHashes: {}, submittedHashes: {} }),
      false,
      undefined,
      undefined,
    ],
    [
      'submitted, then edited: a draft beside the submission',
      reading({ readHashes: EDITED, previous: { submittedAt: T0 } }),
      false,
      T0,
      T1,
    ],
    [
      'submitted, edits undone: clean again',
      reading({ previous: { submittedAt: T0, draft: { editedAt: T0, hash: 'x' } } }),
      false,
      T0,
      undefined,
    ],
    [
      'a request submits the draft: new time, no draft',
      reading({
        submitRequested: true,
        readHashes: EDITED,
        previous: { submittedAt: T0, draft: { editedAt: T0, hash: 'x' } },
        submittedAt: T2,
      }),
      true,
      T2,
      undefined,
    ],
    [
      'a request with nothing changed still records the submission',
      reading({ submitRequested: true, previous: { submittedAt: T0 }, submittedAt: T2 }),
      true,
      T2,
      undefined,
    ],
    [
      'rows all deleted after submission: a draft (the deletion is not sent yet)',
      reading({ readHashes: {}, previous: { submittedAt: T0 } }),
      false,
      T0,
      T1,
    ],
  ])('%s', (_name, r, submit, submittedAt, draftEditedAt) => {
    const decision = explicitSubmissionDecision(r);
    expect(decision.submit).toBe(submit);
    expect(decision.state.submittedAt).toEqual(submittedAt);
    expect(decision.state.draft?.editedAt).toEqual(draftEditedAt);
  });

  it('keeps the draft time while the draft itself is unchanged (another tab was edited), moves it when the draft changes', () => {
    const first = draftOf(reading({ readHashes: EDITED, previous: { submittedAt: T0 }, editedAt: T1 }));
    expect(first?.editedAt).toEqual(T1);
    const again = draftOf(reading({ readHashes: EDITED, previous: { submittedAt: T0, draft: first! }, editedAt: T2 }));
    expect(again?.editedAt).toEqual(T1);
    const changed = draftOf(
      reading({ readHashes: { 'f~mot-lan~u': 'h3' }, previous: { submittedAt: T0, draft: first! }, editedAt: T2 }),
    );
    expect(changed?.editedAt).toEqual(T2);
  });
});
