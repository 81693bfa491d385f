/**
 * Slows down password guessing: after a number of failed logins for one e-mail from one
 * address, or from one address overall, further attempts are refused until the window
 * passes. In memory, per api process: an attacker spreading over several processes gets
 * that many times the budget, which still makes guessing impractical.
 */
export interface LimiterOptions {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: LimiterOptions) {}

  /** Milliseconds until this attempt may be made, or 0 when it may be made now. */
  retryAfter(ip: string, email: string, now = Date.now()): number {
    const account = this.recent(`a:${ip}:${email.toLowerCase()}`, now);
    const address = this.recent(`i:${ip}`, now);
    const wait = (list: number[], max: number) => (list.length >= max ? list[list.length - max] + this.options.windowMs - now : 0);
    return Math.max(wait(account, this.options.perAccount), wait(address, this.options.perAddress), 0);
  }

  fail(ip: string, email: string, now = Date.now()): void {
    for (const key of [`a:${ip}:${email.toLowerCase()}`, `i:${ip}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  /** A good password clears that account's failures (not the address's). */
  succeed(ip: string, email: string): void {
    this.failures.delete(`a:${ip}:${email.toLowerCase()}`);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.options.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }
}
