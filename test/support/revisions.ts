import type { DocumentReference } from '@google-cloud/firestore';
import { COLLECTIONS } from '../../functions/src/adapters/store/schema/collections.js';
import { CONVERTERS } from '../../functions/src/adapters/store/schema/converters.js';
import type { RevisionDoc } from '../../functions/src/adapters/store/schema/documents.js';
import { firstRevisionOf, holdsOnlyFirstVersion } from '../../functions/src/adapters/store/submission-revisions.js';

/** A submission's whole audit trail, oldest first: its revision documents, or its own first version while it has no other. */
export async function loadRevisions(submission: DocumentReference): Promise<RevisionDoc[]> {
  const [snapshot, stored] = await Promise.all([
    submission.withConverter(CONVERTERS.submissions).get(),
    submission.collection(COLLECTIONS.revisions).withConverter(CONVERTERS.revisions).orderBy('revision').get(),
  ]);
  const data = snapshot.data();
  if (stored.empty) return holdsOnlyFirstVersion(data) ? [firstRevisionOf(data)] : [];
  return stored.docs.map((d) => d.data());
}
