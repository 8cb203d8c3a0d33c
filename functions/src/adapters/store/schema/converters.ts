import { COLLECTIONS } from './collections.js';
import { documentConverter } from './document-converter.js';
import * as doc from './documents.js';

/** One converter per collection: what `collection(…).withConverter(…)` reads through (documents.ts has the shapes). */
export const CONVERTERS = {
  submissions: documentConverter(COLLECTIONS.submissions, doc.submissionDocSchema),
  /** For `select(...SUBMISSION_SUMMARY_FIELDS)` reads (`tonghop inspect`). */
  submissionSummaries: documentConverter(COLLECTIONS.submissions, doc.submissionSummaryDocSchema),
  revisions: documentConverter(COLLECTIONS.revisions, doc.revisionDocSchema),
  sources: documentConverter(COLLECTIONS.sources, doc.sourceDocSchema),
  stats: documentConverter(COLLECTIONS.stats, doc.statsDocSchema),
  /** For `select('inputsHash')` reads. */
  statsHashes: documentConverter(COLLECTIONS.stats, doc.statsHashDocSchema),
  sweeps: documentConverter(COLLECTIONS.sweeps, doc.sweepDocSchema),
  /** For `select('startedAt')` reads. */
  sweepStarts: documentConverter(COLLECTIONS.sweeps, doc.sweepStartDocSchema),
  outputs: documentConverter(COLLECTIONS.outputs, doc.outputDocSchema),
  planVersions: documentConverter(COLLECTIONS.planVersions, doc.planVersionDocSchema),
  notices: documentConverter(COLLECTIONS.notices, doc.noticeDocSchema),
  mailbox: documentConverter(COLLECTIONS.mailbox, doc.mailboxDocSchema),
  reviewDecisions: documentConverter(COLLECTIONS.reviewDecisions, doc.reviewDecisionDocSchema),
  registry: documentConverter(COLLECTIONS.districtState, doc.registryDocSchema),
  webhookUnitCalls: documentConverter(COLLECTIONS.webhookUnitCalls, doc.unitCallDocSchema),
} as const;
