/** Every Firestore collection the tool stores, by role (DESIGN "Data flow"); the only place their names are written. */
export const COLLECTIONS = {
  /** `{form}~{period}~{unit}`: what a unit sent for one form and period. */
  submissions: 'submissions',
  /** `submissions/{id}/revisions/{000001}`: a submission's audit trail. */
  revisions: 'revisions',
  /** `{unit}`: what the last sweep saw of a unit's sheet. */
  sources: 'sources',
  /** One record per sweep run. */
  sweeps: 'sweeps',
  /** `{form}~{period}`: statistics and the hash of their inputs. */
  stats: 'stats',
  /** The hash of what was last written to an output (the summary spreadsheet). */
  outputs: 'outputs',
  /** Content-addressed plan definitions. */
  planVersions: 'planVersions',
  /** The notices ledger: created before a message is sent. */
  notices: 'notices',
  /** One document per incoming mail of the report mailbox. */
  mailbox: 'mailbox',
  /** One document per review decision. */
  reviewDecisions: 'reviewDecisions',
  /** District-wide marks (`registry`: the registry's size at the last run). */
  districtState: 'districtState',
  webhookSignatures: 'webhookSignatures',
  webhookUnitCalls: 'webhookUnitCalls',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
