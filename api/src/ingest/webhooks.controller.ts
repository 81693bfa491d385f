import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  Header,
  Headers,
  HttpCode,
  Post,
  Query,
  Req,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodPipe } from '../common/zod';
import { config } from '../config';
import { ApiErrors } from '../observability/openapi';
import { interactionsFromMeta, metaDeliverySchema } from './meta-events';
import { RawBodyRequest, signatureMatches, xCrcResponseToken } from './signatures';
import { InstagramMentions } from './instagram-mentions';
import { WebhookIngest } from './webhook-ingest';
import { interactionsFromX, xActivitySchema } from './x-events';
import { Public } from '../auth/roles';

function secret(value: string | undefined, name: string): string {
  if (!value) throw new ServiceUnavailableException(`this webhook is not configured: set ${name}`);
  return value;
}

/**
 * The channels' own webhooks. Each delivery is authenticated by its HMAC signature over the
 * raw body before anything in it is read, then normalised into generic interactions and
 * taken in like `POST /api/interactions` (a redelivery is a no-op).
 */
@ApiTags('webhooks')
@Public()
@Controller('api/webhooks')
export class WebhooksController {
  constructor(
    private readonly ingest: WebhookIngest,
    private readonly mentions: InstagramMentions,
  ) {}

  @Get('x')
  @ApiErrors(403, 503)
  @ApiOperation({ summary: 'X Account Activity CRC challenge: proves we hold the consumer secret' })
  xCrc(@Query('crc_token') crcToken?: string) {
    const key = secret(config.xConsumerSecret, 'X_CONSUMER_SECRET');
    if (typeof crcToken !== 'string' || !crcToken) throw new ForbiddenException('crc_token is missing');
    return { response_token: xCrcResponseToken(key, crcToken) };
  }

  @Post('x')
  @HttpCode(200)
  @ApiErrors(401, 503)
  @ApiOperation({ summary: 'X Account Activity events: tweets (public) and DMs (private) to the brand' })
  async x(@Req() req: RawBodyRequest, @Headers('x-twitter-webhooks-signature') signature: string | undefined, @Body() body: unknown) {
    const key = secret(config.xConsumerSecret, 'X_CONSUMER_SECRET');
    if (!signatureMatches(signature, req.rawBody, key, 'base64'))
      throw new UnauthorizedException('x-twitter-webhooks-signature does not match the body');
    const activity = new ZodPipe(xActivitySchema).transform(body);
    return this.ingest.all(interactionsFromX(activity));
  }

  @Get('meta')
  @Header('Content-Type', 'text/plain')
  @ApiErrors(403, 503)
  @ApiOperation({ summary: 'Meta subscription verification: echoes hub.challenge when hub.verify_token matches' })
  metaVerify(@Query() query: Record<string, unknown>) {
    const token = secret(config.metaVerifyToken, 'META_VERIFY_TOKEN');
    if (query['hub.mode'] !== 'subscribe' || query['hub.verify_token'] !== token || typeof query['hub.challenge'] !== 'string')
      throw new ForbiddenException('hub.mode must be subscribe and hub.verify_token must match');
    return query['hub.challenge'];
  }

  @Post('meta')
  @HttpCode(200)
  @ApiErrors(401, 503)
  @ApiOperation({
    summary:
      'Meta events: Page feed and Messenger (facebook), Instagram comments and mentions (a mention sent as ids is read from the Graph API first; 503 when it cannot be yet)',
  })
  async meta(@Req() req: RawBodyRequest, @Headers('x-hub-signature-256') signature: string | undefined, @Body() body: unknown) {
    const key = secret(config.metaAppSecret, 'META_APP_SECRET');
    if (!signatureMatches(signature, req.rawBody, key, 'hex'))
      throw new UnauthorizedException('X-Hub-Signature-256 does not match the body');
    const delivery = new ZodPipe(metaDeliverySchema).transform(body);
    const events = this.ingest.normalise(() => interactionsFromMeta(delivery));
    const mentions = await this.mentions.fetch(events.mentions);
    const result = await this.ingest.all([...events.interactions, ...mentions.interactions]);
    return mentions.skipped.length ? { ...result, skipped: mentions.skipped } : result;
  }
}
