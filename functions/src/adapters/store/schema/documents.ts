import { Timestamp } from '@google-cloud/firestore';
import { z } from 'zod';
import { REVIEW_DECISIONS } from '../../../domain/review/review-decision.js';
import { COVERAGE_GAPS } from '../../../domain/rules/coverage.js';

/**
 * The shape of each collection's documents, as read. Loose objects: fields a later version adds
 * are kept, never refused. Fields that documents written by earlier versions lack are optional
 * or defaulted, so all stored data still reads. Only what the readers rely on is checked, and
 * only cheaply (no per-value checks inside a row): the sweep reads submissions on its hot path.
 */
const timestamp = z.instanceof(Timestamp);
const counts = z.looseObject({ read: z.number(), valid: z.number(), rejected: z.number(), nil: z.number().default(0) });
const storedRow = z.looseObject({
  rowNumber: z.number(),
  values: z.record(z.string(), z.unknown()).default({}),
  notes: z.array(z.looseObject({ column: z.string(), note: z.string() })).optional(),
});
const rejectedRow = z.looseObject({
  rowNumber: z.number(),
  cells: z.record(z.string(), z.unknown()).default({}),
});
const problem = z.looseObject({ severity: z.string(), message: z.string() });

/** Fields a submission and each of its revisions hold: the content read from the sheet. */
const contentFields = {
  rows: z.array(storedRow).default([]),
  rejected: z.array(rejectedRow).default([]),
  nilRows: z.array(z.number()).default([]),
  counts: counts.default({ read: 0, valid: 0, rejected: 0, nil: 0 }),
  nil: z.boolean().default(false),
  complete: z.boolean().default(false),
  uncovered: z.number().optional(),
  // A gap this version does not know is read as none, not refused.
  coverageGap: z.enum(COVERAGE_GAPS).optional().catch(undefined),
  contentHash: z.string().optional(),
  planVersion: z.string().optional(),
};

export const submissionDocSchema = z.looseObject({
  formId: z.string(),
  periodId: z.string(),
  unitId: z.string(),
  ...contentFields,
  firstSeenAt: timestamp.optional(),
  firstCompleteAt: timestamp.nullable().default(null),
  lastChangedAt: timestamp,
  revision: z.number(),
  source: z.string().optional(),
  planChangedFrom: z.string().nullable().optional(),
  lockedChange: z
    .looseObject({
      revision: z.number(),
      changedAt: timestamp,
      contentHash: z.string(),
      rowNumbers: z.array(z.number()).default([]),
    })
    .optional(),
});
export type SubmissionDoc = z.output<typeof submissionDocSchema>;

/** What `tonghop inspect` selects of a submission (its rows only with --rows). */
export const submissionSummaryDocSchema = submissionDocSchema
  .pick({ formId: true, periodId: true, unitId: true, counts: true, complete: true, revision: true })
  .extend({
    rejected: z
      .array(
        z.looseObject({ rowNumber: z.number(), errors: z.array(z.looseObject({ message: z.string() })).default([]) }),
      )
      .default([]),
    rows: z.array(storedRow).optional(),
  });
export const SUBMISSION_SUMMARY_FIELDS = [
  'formId',
  'periodId',
  'unitId',
  'counts',
  'complete',
  'revision',
  'rejected',
] as const;

export const revisionDocSchema = z.looseObject({
  revision: z.number(),
  changedAt: timestamp.optional(),
  sweptAt: timestamp.optional(),
  ...contentFields,
  applied: z.boolean().default(true),
});
export type RevisionDoc = z.output<typeof revisionDocSchema>;

const explicitForm = z.looseObject({
  submittedAt: timestamp.optional(),
  draft: z
    .looseObject({
      editedAt: timestamp,
      hash: z.string().default(''),
      rowStatuses: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
});

export const sourceDocSchema = z.looseObject({
  status: z.enum(['ok', 'missing', 'unreadable']),
  // `size` holds the source's revision: the stored name predates the rename.
  fingerprint: z
    .looseObject({ modifiedAt: timestamp, size: z.union([z.number(), z.string()]) })
    .nullable()
    .default(null),
  contentHash: z.string().nullable().default(null),
  specsHash: z.string().default(''),
  submissionHashes: z.record(z.string(), z.string()).default({}),
  problems: z.array(problem).default([]),
  counts: counts.default({ read: 0, valid: 0, rejected: 0, nil: 0 }),
  tabs: z.array(z.looseObject({ formId: z.string(), tab: z.string(), headerRowNumber: z.number() })).default([]),
  feedbackHash: z.string().optional(),
  explicit: z.record(z.string(), explicitForm).optional(),
  // A kind this version does not know is read as no origin, not refused.
  origin: z.looseObject({ kind: z.string(), file: z.string().default('') }).optional(),
});
export type SourceDoc = z.output<typeof sourceDocSchema>;

export const statsDocSchema = z.looseObject({
  formId: z.string(),
  periodId: z.string(),
  inputsHash: z.string(),
  computedAt: timestamp.optional(),
});
export const statsHashDocSchema = statsDocSchema.pick({ inputsHash: true });

export const sweepDocSchema = z.looseObject({
  startedAt: timestamp,
  finishedAt: timestamp,
  durationMs: z.number(),
  problemCount: z.number().default(0),
});
export const sweepStartDocSchema = sweepDocSchema.pick({ startedAt: true });

export const outputDocSchema = z.looseObject({ hash: z.string(), writtenAt: timestamp.optional() });
export const planVersionDocSchema = z.looseObject({ formId: z.string(), definition: z.string() });
export const registryDocSchema = z.looseObject({ unitCount: z.number() });
export const unitCallDocSchema = z.looseObject({ at: timestamp, expireAt: timestamp.optional() });

export const noticeDocSchema = z.looseObject({
  state: z.enum(['claimed', 'sent', 'failed']),
  attempts: z.number().default(0),
  recipients: z.number().default(0),
  sentAt: timestamp.optional(),
  stage: z.string().optional(),
  unitId: z.string().optional(),
  formId: z.string().optional(),
  periodId: z.string().optional(),
});
export type NoticeDoc = z.output<typeof noticeDocSchema>;

export const mailboxDocSchema = z.looseObject({
  // A state this version does not know reads as 'received' (the safest: nothing was sent for it).
  state: z.string(),
  unitId: z.string().optional(),
  reply: z.looseObject({ to: z.string() }).optional(),
});
export type MailboxDoc = z.output<typeof mailboxDocSchema>;

export const reviewDecisionDocSchema = z.looseObject({
  submissionId: z.string().min(1),
  formId: z.string().min(1),
  periodId: z.string().min(1),
  unitId: z.string().min(1),
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string(),
  by: z.string().min(1),
  at: timestamp,
  submissionVersion: z.string().min(1),
  sequence: z.number().default(0),
  /** The cơ sở Đoàn that decided; absent for the district's own decisions. */
  branch: z.object({ id: z.string().min(1), name: z.string().min(1) }).optional(),
});
export type ReviewDecisionDoc = z.output<typeof reviewDecisionDocSchema>;
