import { DataSource } from 'typeorm';
import type { FirebreakActivities } from '@firebreak/engine/temporal';
import { ChannelAdapter, channelAdaptersFromConfig } from '../channels';
import { caseActivities } from './cases';
import { ActivityContext } from './context';
import { peopleActivities } from './people';
import { responseActivities } from './responses';
import { routingActivities } from './routing';
import { runActivities } from './run';

/**
 * The activities of the interaction workflow, on the api's own tables, one file per
 * concern. Each is idempotent on its input's idempotency key (a unique column), because
 * Temporal retries an activity whose worker died mid-way.
 */
export function createActivities(db: DataSource, adapter: ChannelAdapter = channelAdaptersFromConfig(db)): FirebreakActivities {
  const ctx = new ActivityContext(db, adapter);
  return { ...runActivities(ctx), ...peopleActivities(ctx), ...routingActivities(ctx), ...responseActivities(ctx), ...caseActivities(ctx) };
}
