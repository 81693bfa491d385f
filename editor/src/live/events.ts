/**
 * The live event stream: one `EventSource` over `GET /api/events` for the whole app, open while
 * any component listens. EventSource cannot send headers, so the token goes in
 * `?access_token=`. The browser retries a dropped connection by itself; when the server
 * refuses it outright (restart, 401, 503) we reconnect with a growing pause. After any
 * reconnection listeners get a `live.reconnected` event: they may have missed something and
 * should reload what they show.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { LiveEvent as ServerEvent, LiveEventType } from '@firebreak/engine';
import { currentSession } from '../auth/session';

/** The server's events (interaction.*, approval.*, task.*, crisis.*, playbook.*), and `live.reconnected` from this module. */
export type LiveEvent = Omit<ServerEvent, 'type'> & { type: LiveEventType | 'live.reconnected' };

export type LiveStatus = 'connecting' | 'open' | 'offline';

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();
const statusListeners = new Set<() => void>();
let source: EventSource | null = null;
let status: LiveStatus = 'offline';
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryDelay = 1000;
let everOpened = false;
/** The id of the last event heard: a reconnection of ours resumes after it (`?lastEventId=`), like the browser's own. */
let lastEventId: string | null = null;

function setStatus(next: LiveStatus) {
  if (next === status) return;
  status = next;
  statusListeners.forEach((l) => l());
}

function dispatch(event: LiveEvent) {
  for (const l of [...listeners]) {
    try {
      l(event);
    } catch (e) {
      // One page's faulty handler must not stop the others from hearing the event.
      console.warn('live event handler failed', e);
    }
  }
}

function onMessage(msg: MessageEvent<string>) {
  if (msg.lastEventId) lastEventId = msg.lastEventId;
  let event: LiveEvent;
  try {
    event = JSON.parse(msg.data) as LiveEvent;
  } catch {
    return;
  }
  // A named SSE event (`event: approval.created`) may carry a body without its type.
  if (!event.type && msg.type && msg.type !== 'message') event.type = msg.type as LiveEventType;
  if (event && typeof event.type === 'string') dispatch(event);
}

function connect() {
  retryTimer = null;
  const token = currentSession()?.accessToken;
  if (!token || listeners.size === 0) return setStatus('offline');
  setStatus('connecting');
  const resume = lastEventId ? `&lastEventId=${encodeURIComponent(lastEventId)}` : '';
  const es = new EventSource(`/api/events?access_token=${encodeURIComponent(token)}${resume}`);
  source = es;
  es.onmessage = onMessage;
  // The server could not replay everything missed: listeners reload what they show.
  es.addEventListener('gap', () => dispatch({ type: 'live.reconnected', at: new Date().toISOString() }));
  es.onopen = () => {
    setStatus('open');
    retryDelay = 1000;
    if (everOpened) dispatch({ type: 'live.reconnected', at: new Date().toISOString() });
    everOpened = true;
  };
  es.onerror = () => {
    if (source !== es) return;
    if (es.readyState === EventSource.CONNECTING) return setStatus('connecting');
    // CLOSED: the browser gave up (an error status, or the stream cannot be parsed): retry ourselves.
    es.close();
    source = null;
    setStatus('offline');
    retryTimer = setTimeout(connect, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30_000);
  };
}

function disconnect() {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  source?.close();
  source = null;
  everOpened = false;
  lastEventId = null;
  retryDelay = 1000;
  setStatus('offline');
}

/** Listen to every live event while mounted; the handler may change between renders. */
export function useLiveEvents(handler: Listener): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const l: Listener = (e) => ref.current(e);
    listeners.add(l);
    if (!source && !retryTimer) connect();
    return () => {
      listeners.delete(l);
      if (listeners.size === 0) disconnect();
    };
  }, []);
}

/**
 * Call `reload` when an event whose type starts with one of `prefixes` arrives (or after a
 * reconnection), at most once per `delayMs`: a burst of events costs one reload.
 */
export function useReloadOn(prefixes: readonly string[], reload: () => void, delayMs = 400): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const key = prefixes.join(',');
  useLiveEvents((e) => {
    const wanted = e.type === 'live.reconnected' || key.split(',').some((p) => e.type.startsWith(p));
    if (!wanted || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, delayMs);
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (l) => {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
    () => status,
  );
}
