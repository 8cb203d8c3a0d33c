import type { RunRequest, ShardPublisher } from '../../jobs/sweep/run-district.js';

/** Publishes one message per shard to a Pub/Sub topic; the client is loaded only when a district is large enough to fan out. */
export class PubSubShardPublisher implements ShardPublisher {
  constructor(
    private readonly projectId: string,
    private readonly topic: string,
  ) {}

  async publish(requests: readonly RunRequest[]): Promise<void> {
    const { PubSub } = await import('@google-cloud/pubsub');
    const topic = new PubSub({ projectId: this.projectId }).topic(this.topic);
    await Promise.all(requests.map((request) => topic.publishMessage({ json: request })));
  }
}
