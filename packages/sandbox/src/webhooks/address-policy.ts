/**
 * Which addresses the sandbox may send webhooks to. A webhook URL is a request the sandbox makes on a
 * caller's behalf, so without a rule anyone who can create an endpoint can make the sandbox's host call
 * what only that host can reach: the cloud metadata service, a database on a private network.
 *
 * - Link-local addresses (169.254.0.0/16, where every cloud puts its metadata service, and fe80::/10),
 *   multicast and the reserved ranges are refused always: no receiver a developer runs lives there.
 * - Loopback is the default use (a merchant server on the developer's machine) and stays allowed while
 *   the sandbox listens on loopback only: then every caller is already on that machine.
 * - Once the sandbox listens beyond loopback (HOST), loopback and the private ranges (10/8, 172.16/12,
 *   192.168/16, 100.64/10, fc00::/7) are refused too, unless SOXARA_WEBHOOK_ALLOW_PRIVATE says that the
 *   people who can reach it may reach that network (a team's sandbox inside its own network).
 *
 * An address is classified as it is written on the wire, so IPv4-mapped (`::ffff:169.254.169.254`) and
 * NAT64 (`64:ff9b::a9fe:a9fe`) spellings of an IPv4 address land in the IPv4 address's class; numeric
 * spellings in URLs (`0xa9fea9fe`, `2852039166`) are made dotted by the URL parser before this sees them.
 */
import { BlockList, isIP } from 'node:net';

export type AddressClass = 'public' | 'loopback' | 'private' | 'link_local' | 'reserved';

export interface WebhookAddressPolicy {
  /** The sandbox listens beyond loopback (HOST is not a loopback address). */
  exposed: boolean;
  /** SOXARA_WEBHOOK_ALLOW_PRIVATE: loopback and private ranges allowed even when exposed. */
  allowPrivate: boolean;
}

/** The policy of a sandbox that listens on loopback only: everything but link-local and reserved. */
export const LOOPBACK_POLICY: WebhookAddressPolicy = { exposed: false, allowPrivate: false };

type Range = readonly [network: string, prefix: number];

const IPV4_RANGES: Record<Exclude<AddressClass, 'public'>, readonly Range[]> = {
  link_local: [['169.254.0.0', 16]],
  // 0.0.0.0 reaches the local host on Linux, so "this network" is loopback here.
  loopback: [['127.0.0.0', 8], ['0.0.0.0', 8]],
  private: [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['100.64.0.0', 10]],
  reserved: [['224.0.0.0', 4], ['240.0.0.0', 4]],
};

const IPV6_RANGES: Record<Exclude<AddressClass, 'public'>, readonly Range[]> = {
  link_local: [['fe80::', 10]],
  loopback: [['::1', 128], ['::', 128]],
  private: [['fc00::', 7]],
  reserved: [['ff00::', 8]],
};

/** `64:ff9b::/96` + an IPv4 range: the same range as NAT64 writes it. */
function nat64(network: string, prefix: number): Range {
  const [a = 0, b = 0, c = 0, d = 0] = network.split('.').map(Number);
  const hex = (high: number, low: number) => ((high << 8) | low).toString(16);
  return [`64:ff9b::${hex(a, b)}:${hex(c, d)}`, 96 + prefix];
}

const LISTS = new Map<Exclude<AddressClass, 'public'>, BlockList>();
for (const cls of ['link_local', 'reserved', 'loopback', 'private'] as const) {
  const list = new BlockList();
  // BlockList matches IPv4-mapped IPv6 addresses against IPv4 rules by itself; NAT64 it does not.
  for (const [network, prefix] of IPV4_RANGES[cls]) {
    list.addSubnet(network, prefix, 'ipv4');
    list.addSubnet(...nat64(network, prefix), 'ipv6');
  }
  for (const [network, prefix] of IPV6_RANGES[cls]) list.addSubnet(network, prefix, 'ipv6');
  LISTS.set(cls, list);
}

/** The class of an IP address (no brackets), or null when it is not one. */
export function classifyAddress(address: string): AddressClass | null {
  const version = isIP(address);
  if (version === 0) return null;
  const type = version === 4 ? 'ipv4' : 'ipv6';
  for (const [cls, list] of LISTS) if (list.check(address, type)) return cls;
  return 'public';
}

/** The class that makes `address` refused under `policy`, or null when it may be sent to. */
export function refusedClass(address: string, policy: WebhookAddressPolicy): Exclude<AddressClass, 'public'> | null {
  const cls = classifyAddress(address);
  if (cls === null || cls === 'public') return null;
  if (cls === 'link_local' || cls === 'reserved') return cls;
  return policy.exposed && !policy.allowPrivate ? cls : null;
}

/** The IP address a URL's host is written as (`[::1]` → `::1`), or null when the host is a name. */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) === 0 ? null : host;
}

/** A HOST that keeps the sandbox on this machine: a loopback address or `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  if (bare === 'localhost') return true;
  return classifyAddress(bare) === 'loopback' && bare !== '::' && !/^0\./.test(bare);
}
