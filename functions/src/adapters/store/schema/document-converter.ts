import type { DocumentData, FirestoreDataConverter, QueryDocumentSnapshot } from '@google-cloud/firestore';
import type { z } from 'zod';
import { StoreDocumentError } from '../store-errors.js';
import type { CollectionName } from './collections.js';

/**
 * The converter of one collection: every document read is checked against `schema`, so a document
 * of the wrong shape (written by hand, or by another version) stops the run with its path instead
 * of failing later deep inside a job. Writes pass through: the stores build the documents.
 */
export function documentConverter<S extends z.ZodType>(
  collection: CollectionName,
  schema: S,
): FirestoreDataConverter<z.output<S>> {
  return {
    toFirestore: (document) => document as DocumentData,
    fromFirestore(snapshot: QueryDocumentSnapshot): z.output<S> {
      const parsed = schema.safeParse(snapshot.data());
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `field '${issue.path.join('.')}'` : 'the document';
      throw new StoreDocumentError(
        `Firestore document ${snapshot.ref.path} (collection '${collection}', id '${snapshot.id}') does not have the shape tonghop stores: ${where}: ${issue?.message ?? 'invalid'}. ` +
          `It was edited by hand or written by another version of tonghop: restore it from a backup or delete it in the Firestore console ` +
          `(a deleted sources/{unit} makes the next sweep read that unit again), then run the command again.`,
        { collection, id: snapshot.id },
      );
    },
  };
}
