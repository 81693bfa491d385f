import { BadRequestException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { ZodPipe } from '../common/zod';
import { InteractionInput, interactionInputSchema } from '../interactions/interaction.schema';
import { InteractionsService } from '../interactions/interactions.service';
import { MalformedChange } from './meta-events';

export interface WebhookResult {
  accepted: Array<{ channel: string; externalId: string; id: string; duplicate: boolean }>;
  /** Messages no published playbook takes: retrying the delivery cannot help, so it is not refused. */
  unrouted: Array<{ channel: string; externalId: string; reason: string }>;
  /** Messages that could not be read (an Instagram mention Meta would not show): nothing to take in. */
  skipped?: Array<{ channel: string; externalId: string; reason: string }>;
}

/** Takes in what one webhook delivery carries, through the same ingest as the generic endpoint. */
@Injectable()
export class WebhookIngest {
  constructor(private readonly interactions: InteractionsService) {}

  /** Runs a normaliser, turning a malformed part of the delivery into a 400. */
  normalise<T>(run: () => T): T {
    try {
      return run();
    } catch (e) {
      if (e instanceof MalformedChange) throw new BadRequestException({ message: 'the webhook payload is invalid', problems: [e.message] });
      throw e;
    }
  }

  /**
   * Every message is checked against the generic contract before any is stored, so a bad
   * delivery writes nothing. A failure to reach Temporal propagates (5xx): the channel
   * redelivers, and what was already taken in is a no-op the second time.
   */
  async all(inputs: InteractionInput[]): Promise<WebhookResult> {
    const pipe = new ZodPipe(interactionInputSchema);
    const checked = inputs.map((i) => pipe.transform(i));
    const result: WebhookResult = { accepted: [], unrouted: [] };
    for (const input of checked) {
      const key = { channel: input.channel, externalId: input.externalId };
      try {
        const { id, duplicate } = await this.interactions.ingest(input);
        result.accepted.push({ ...key, id, duplicate });
      } catch (e) {
        if (!(e instanceof UnprocessableEntityException)) throw e;
        result.unrouted.push({ ...key, reason: e.message });
      }
    }
    return result;
  }
}
