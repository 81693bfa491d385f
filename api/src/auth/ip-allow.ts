import ipaddr from 'ipaddr.js';

/** A CIDR ("203.0.113.0/24", "2001:db8::/32") or a single address; throws with a clear message otherwise. */
export function parseAllowEntry(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const text = entry.trim();
  if (text.includes('/')) {
    try {
      return ipaddr.parseCIDR(text);
    } catch {
      throw new Error(`"${entry}" is not a valid CIDR range`);
    }
  }
  if (!ipaddr.isValid(text)) throw new Error(`"${entry}" is not a valid IP address`);
  const addr = ipaddr.parse(text);
  return [addr, addr.kind() === 'ipv4' ? 32 : 128];
}

/** Whether `ip` is allowed by the list; an empty list allows everyone. IPv4-mapped IPv6 counts as IPv4. */
export function ipAllowed(ip: string | undefined, allowList: string[]): boolean {
  if (allowList.length === 0) return true;
  if (!ip || !ipaddr.isValid(ip)) return false;
  let addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  return allowList.some((entry) => {
    const [range, bits] = parseAllowEntry(entry);
    return range.kind() === addr.kind() && (addr as ipaddr.IPv4).match(range as ipaddr.IPv4, bits);
  });
}
