import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { config } from '../config';
import type { InteractionInput } from '../interactions/interaction.schema';
import { getJson } from '../worker/adapters/http-send';
import { PermanentSendError } from '../worker/channels';
import type { MentionToFetch } from './meta-events';
import { validIso } from './time';

interface Mentioned {
  id?: string;
  /** A comment's text… */
  text?: string;
  /** …or a post's caption. */
  caption?: string;
  timestamp?: string;
  username?: string;
}

/** The Graph API's answer to `mentionPath`: the mentioned comment or post, under its field. */
export interface MentionAnswer {
  mentioned_comment?: Mentioned;
  mentioned_media?: Mentioned;
}

export interface SkippedMention {
  channel: 'instagram';
  externalId: string;
  reason: string;
}

/**
 * The Graph API read of one mention, relative to the API root: Meta's mention webhooks carry
 * only ids, and the brand's account asks for the comment (or post caption) that mentioned it.
 */
export function mentionPath(m: MentionToFetch): string {
  const fields = m.commentId
    ? `mentioned_comment.comment_id(${m.commentId}){id,text,timestamp,username}`
    : `mentioned_media.media_id(${m.mediaId}){id,caption,timestamp,username}`;
  return `/${encodeURIComponent(m.igUserId)}?fields=${encodeURIComponent(fields)}`;
}

/**
 * The mention as an interaction, or why it cannot be one. The read gives the author's
 * username only, so it is their identity on Instagram here.
 */
export function interactionFromMention(m: MentionToFetch, answer: MentionAnswer): InteractionInput | string {
  const found = m.commentId ? answer.mentioned_comment : answer.mentioned_media;
  const text = (m.commentId ? found?.text : found?.caption)?.trim();
  if (!found || !text) return 'the Graph API returned no text for this mention';
  if (!found.username) return 'the Graph API returned no author for this mention';
  return {
    channel: 'instagram',
    account: m.igUserId,
    visibility: 'public',
    externalId: m.commentId ?? m.mediaId,
    inReplyTo: m.commentId ? m.mediaId : undefined,
    text,
    receivedAt: (found.timestamp && validIso(new Date(found.timestamp))) || m.receivedAt,
    author: { id: found.username, handle: found.username },
  };
}

/** Reads the mentions a Meta delivery carried as ids, through the Graph API (META_GRAPH_BASE, META_PAGE_ACCESS_TOKEN). */
@Injectable()
export class InstagramMentions {
  /**
   * All of them are read before anything is taken in: a passing failure (Meta down, rate
   * limited) is a 503, so Meta redelivers and nothing of the delivery was written. A mention
   * Meta refuses to show (deleted, no permission) is skipped with the reason, as is every
   * mention while no access token is configured.
   */
  async fetch(mentions: MentionToFetch[]): Promise<{ interactions: InteractionInput[]; skipped: SkippedMention[] }> {
    const interactions: InteractionInput[] = [];
    const skipped: SkippedMention[] = [];
    const token = config.metaPageAccessToken;
    const root = config.metaGraphBase.replace(/\/+$/, '');
    for (const m of mentions) {
      const externalId = m.commentId ?? m.mediaId;
      if (!token) {
        skipped.push({ channel: 'instagram', externalId, reason: 'set META_PAGE_ACCESS_TOKEN to read the text of Instagram mentions' });
        continue;
      }
      let answer: MentionAnswer;
      try {
        answer = await getJson<MentionAnswer>(`${root}${mentionPath(m)}`, token, 'Instagram');
      } catch (e) {
        if (e instanceof PermanentSendError) {
          skipped.push({ channel: 'instagram', externalId, reason: e.message });
          continue;
        }
        throw new ServiceUnavailableException(`the Instagram mention ${externalId} could not be read yet (${(e as Error).message})`);
      }
      const made = interactionFromMention(m, answer);
      if (typeof made === 'string') skipped.push({ channel: 'instagram', externalId, reason: made });
      else interactions.push(made);
    }
    return { interactions, skipped };
  }
}
