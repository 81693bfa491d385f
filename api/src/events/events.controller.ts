import { BadRequestException, Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LIVE_EVENT_TYPES, type DeliveredLiveEvent } from '@firebreak/engine';
import { AnyRole } from '../auth/roles';
import { EventHub, HubMessage } from './event-hub';

const HEARTBEAT_MS = Number(process.env.FIREBREAK_EVENTS_HEARTBEAT_MS ?? 15_000);
/** A client that reads slower than events come is cut off rather than buffered without bound; its EventSource reconnects and resumes. */
const MAX_BUFFERED_BYTES = 1 << 20;
const TOPICS = [...new Set(LIVE_EVENT_TYPES.map((t) => t.split('.')[0]))];

@ApiTags('events')
@Controller('api/events')
export class EventsController {
  constructor(private readonly hub: EventHub) {}

  @Get()
  @AnyRole()
  @ApiOperation({
    summary: 'Live events as server-sent events (interaction, approval, task, crisis, playbook)',
    description:
      'Each message is `id: <n>` and `data: {type, at, interactionId?, workflowId?, nodeId?, …}`. A reconnecting EventSource sends ' +
      'Last-Event-ID and gets the events it missed; `event: gap` means some could not be replayed (reload what you show). ' +
      'A comment line every 15 s keeps proxies from closing the stream. EventSource cannot set headers: pass the token as ?access_token=.',
  })
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'types', required: false, description: `Comma-separated types or topics (${TOPICS.join(', ')}); default all` })
  @ApiQuery({ name: 'interactionId', required: false, description: 'Only the events of this interaction' })
  @ApiQuery({ name: 'access_token', required: false, description: 'The bearer token, for clients that cannot send headers' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event id' })
  @ApiQuery({ name: 'lastEventId', required: false, description: 'Resume after this event id (for clients that build the URL themselves)' })
  async stream(
    @Req() req: Request,
    @Res() res: Response,
    @Headers('last-event-id') lastEventId?: string,
    @Query('types') types?: string,
    @Query('interactionId') interactionId?: string,
  ): Promise<void> {
    const wanted = parseTypes(types);
    const matches = (e: DeliveredLiveEvent) =>
      (!wanted || wanted.some((w) => e.type === w || e.type.startsWith(`${w}.`))) && (!interactionId || e.interactionId === interactionId);

    res.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // nginx: pass each event through at once
    });
    res.flushHeaders();
    res.write(`retry: 3000\n: connected\n\n`);

    // Subscribe before replaying, holding live events back, so nothing falls between the two.
    const held: HubMessage[] = [];
    let replaying = true;
    const send = (m: HubMessage) => {
      if (res.writableEnded) return;
      // The hub closing (shutdown) ends the stream; the client's EventSource reconnects elsewhere.
      if (m.kind === 'gap' && this.hub.isClosed) res.end();
      else if (m.kind === 'gap') res.write(`event: gap\ndata: {}\n\n`);
      else if (matches(m.event)) res.write(`id: ${m.event.id}\ndata: ${JSON.stringify(m.event)}\n\n`);
      if (res.writableLength > MAX_BUFFERED_BYTES) res.end();
    };
    const unsubscribe = this.hub.subscribe((m) => (replaying ? held.push(m) : send(m)));
    const heartbeat = setInterval(() => !res.writableEnded && res.write(`: heartbeat ${new Date().toISOString()}\n\n`), HEARTBEAT_MS);
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    req.once('close', stop);
    res.once('close', stop);

    const resumeFrom = lastEventId ?? (req.query.lastEventId as string | undefined);
    const sent = new Set<string>();
    if (resumeFrom) {
      const { events, complete } = await this.hub.since(resumeFrom);
      if (!complete) send({ kind: 'gap' });
      for (const event of events) {
        sent.add(event.id);
        send({ kind: 'event', event });
      }
    }
    replaying = false;
    for (const m of held) if (m.kind === 'gap' || !sent.has(m.event.id)) send(m);
  }
}

function parseTypes(types: string | undefined): string[] | undefined {
  if (!types) return undefined;
  const list = types
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const known = new Set<string>([...TOPICS, ...LIVE_EVENT_TYPES]);
  const unknown = list.filter((t) => !known.has(t));
  if (unknown.length)
    throw new BadRequestException({
      message: `unknown event types: ${unknown.join(', ')}`,
      problems: unknown.map((t) => ({ path: 'types', message: `"${t}" is not one of ${[...known].join(', ')}` })),
    });
  return list;
}
