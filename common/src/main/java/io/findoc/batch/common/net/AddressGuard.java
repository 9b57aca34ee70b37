package io.findoc.batch.common.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SSRF guard of every outbound request the system makes on a client's behalf (the worker's
 * document fetcher, the coordinator's webhook deliveries): a host may be contacted only if every
 * address it resolves to is a public unicast address. Refused: loopback, private (RFC 1918, IPv6
 * unique local), carrier-grade NAT, link-local (among them the cloud metadata address
 * 169.254.169.254), documentation ranges (TEST-NET-1/2/3, {@code 2001:db8::/32}), multicast,
 * unspecified, reserved and broadcast addresses, the same embedded in IPv6 (mapped, compatible,
 * NAT64, 6to4), and legacy numeric host forms such as {@code 2130706433}, {@code 0x7f.1} or {@code
 * 0177.0.0.1}, which different resolvers read differently.
 *
 * <p>Hosts in {@code allowedHosts} (names or address literals, as written in the URI) skip the
 * check; {@code allowLoopback} admits loopback addresses only, for demos and tests.
 *
 * <p>The addresses are checked again on every redirect. The HTTP client resolves the name once more
 * when it connects, so a DNS server that answers differently within that instant (DNS rebinding) is
 * not covered; an egress proxy or firewall is the defence in depth for that.
 */
public final class AddressGuard {

  private static final Pattern NUMERIC_PART = Pattern.compile("\\d+|0x[0-9a-f]*");
  private static final Pattern CANONICAL_IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  /** Resolves a host name to its addresses; the system resolver unless a test gives another. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Set<String> allowedHosts;
  private final boolean allowLoopback;
  private final Resolver resolver;

  /**
   * @param allowedHosts hosts (names or address literals, as written in URIs) that skip the check
   * @param allowLoopback whether loopback addresses pass (demos and tests)
   */
  public AddressGuard(List<String> allowedHosts, boolean allowLoopback) {
    this(allowedHosts, allowLoopback, InetAddress::getAllByName);
  }

  /**
   * @param resolver how host names are resolved (tests give one that answers what they need)
   */
  public AddressGuard(List<String> allowedHosts, boolean allowLoopback, Resolver resolver) {
    this.resolver = resolver;
    this.allowedHosts =
        allowedHosts.stream().map(h -> normalise(h)).collect(Collectors.toUnmodifiableSet());
    this.allowLoopback = allowLoopback;
  }

  /**
   * Checks the host of a URI, resolving it; call it right before connecting.
   *
   * @return the addresses the host resolves to, all allowed (empty for an allow-listed host)
   * @throws AddressNotAllowedException if the host may not be contacted
   * @throws UnknownHostException if the host has no address
   */
  public List<InetAddress> check(String uriHost) throws UnknownHostException {
    if (uriHost == null || uriHost.isBlank()) {
      throw new AddressNotAllowedException("the URI has no host");
    }
    String host = normalise(uriHost);
    if (allowedHosts.contains(host)) {
      return List.of();
    }
    if (isLegacyNumeric(host)) {
      throw refused(uriHost, "a numeric host in a non-canonical form");
    }
    InetAddress[] addresses = resolver.resolve(host);
    for (InetAddress address : addresses) {
      String why = refusal(address);
      if (why != null) {
        throw refused(uriHost, address.getHostAddress() + " is " + why);
      }
    }
    return List.of(addresses);
  }

  private String refusal(InetAddress address) {
    byte[] ipv4 = embeddedIpv4(address);
    if (ipv4 != null) {
      if (ipv4[0] == 127) {
        return allowLoopback ? null : "a loopback address";
      }
      return ipv4Refusal(ipv4);
    }
    Inet6Address v6 = (Inet6Address) address;
    if (v6.isLoopbackAddress()) {
      return allowLoopback ? null : "a loopback address";
    }
    if (v6.isAnyLocalAddress()) {
      return "the unspecified address";
    }
    if (v6.isLinkLocalAddress() || v6.isSiteLocalAddress()) {
      return "a link-local or site-local address";
    }
    if (v6.isMulticastAddress()) {
      return "a multicast address";
    }
    if ((v6.getAddress()[0] & 0xfe) == 0xfc) {
      return "a unique local (private) address";
    }
    byte[] a = v6.getAddress();
    if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == (byte) 0xb8) {
      return "a documentation address (2001:db8::/32)";
    }
    return null;
  }

  private static String ipv4Refusal(byte[] a) {
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    if (b0 == 0) {
      return "the unspecified network";
    }
    if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
      return "a private address";
    }
    if (b0 == 100 && (b1 & 0xc0) == 64) {
      return "a carrier-grade NAT address";
    }
    if (b0 == 169 && b1 == 254) {
      return "a link-local or metadata address";
    }
    if (b0 == 192 && b1 == 0 && (a[2] & 0xff) == 0) {
      return "an IETF protocol address";
    }
    if (b0 == 198 && (b1 & 0xfe) == 18) {
      return "a benchmarking address";
    }
    int b2 = a[2] & 0xff;
    if ((b0 == 192 && b1 == 0 && b2 == 2)
        || (b0 == 198 && b1 == 51 && b2 == 100)
        || (b0 == 203 && b1 == 0 && b2 == 113)) {
      return "a documentation address (TEST-NET)";
    }
    if (b0 >= 224) {
      return "a multicast, reserved or broadcast address";
    }
    return null;
  }

  /** The IPv4 address in {@code address}, also when embedded in an IPv6 one; else null. */
  private static byte[] embeddedIpv4(InetAddress address) {
    byte[] a = address.getAddress();
    if (address instanceof Inet4Address) {
      return a;
    }
    boolean zeroPrefix = Arrays.equals(Arrays.copyOf(a, 10), new byte[10]);
    boolean mapped = zeroPrefix && a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    boolean compatible = zeroPrefix && a[10] == 0 && a[11] == 0 && !allZeroButLast(a);
    boolean nat64 =
        a[0] == 0
            && a[1] == 0x64
            && a[2] == (byte) 0xff
            && a[3] == (byte) 0x9b
            && Arrays.equals(Arrays.copyOfRange(a, 4, 12), new byte[8]);
    if (mapped || compatible || nat64) {
      return Arrays.copyOfRange(a, 12, 16);
    }
    if (a[0] == 0x20 && a[1] == 0x02) {
      return Arrays.copyOfRange(a, 2, 6);
    }
    return null;
  }

  /** {@code ::} and {@code ::1} are not IPv4-compatible addresses but themselves. */
  private static boolean allZeroButLast(byte[] a) {
    return Arrays.equals(Arrays.copyOf(a, 15), new byte[15]);
  }

  /** Dotted parts that are all numbers but not a canonical dotted quad. */
  private static boolean isLegacyNumeric(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length > 4) {
      return false;
    }
    for (String part : parts) {
      if (!NUMERIC_PART.matcher(part).matches()) {
        return false;
      }
    }
    return !CANONICAL_IPV4.matcher(host).matches();
  }

  private static String normalise(String host) {
    String h = host.toLowerCase(Locale.ROOT).trim();
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h;
  }

  private static AddressNotAllowedException refused(String host, String why) {
    return new AddressNotAllowedException("host " + host + " may not be contacted: " + why);
  }
}
