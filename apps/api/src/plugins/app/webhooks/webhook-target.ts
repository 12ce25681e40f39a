import dns from 'node:dns/promises';
import net from 'node:net';

const PRIVATE_RANGES = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const mapped = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  const family = net.isIPv4(mapped) ? 'ipv4' : 'ipv6';
  return PRIVATE_RANGES.check(mapped, family);
}

/**
 * Why a webhook URL may not be called, or null. In production a subscription may not reach the
 * server's own network (SSRF) unless WEBHOOK_ALLOW_PRIVATE_TARGETS says so; tests need loopback.
 */
export async function checkWebhookTarget(url: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const hostname = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(hostname)
    ? [hostname]
    : (await dns.lookup(hostname, { all: true })).map((entry) => entry.address);
  return addresses.some(isPrivateAddress) ? `${hostname} resolves to a private or loopback address` : null;
}
