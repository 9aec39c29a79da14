package dev.assetflow.webhookdelivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to: public ones only, unless the endpoint allows private ones explicitly. A URL a
 * subscriber registers must not make the function call the account's own network — the instance metadata service
 * (169.254.169.254), a VPC's private hosts, the loopback (https://owasp.org/www-community/attacks/Server_Side_Request_Forgery).
 */
final class EndpointAddresses {
    private EndpointAddresses() {}

    /** Why {@code address} is not public, or empty when it is. */
    static Optional<String> notPublic(InetAddress address) {
        String shown = address.getHostAddress();
        if (address.isLoopbackAddress()) {
            return Optional.of(shown + " is a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of(shown + " is the wildcard address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of(shown + " is a link-local address (the instance metadata service lives there)");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of(shown + " is a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of(shown + " is a multicast address");
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64) {
            return Optional.of(shown + " is a carrier-grade NAT address (100.64.0.0/10)");
        }
        if (address instanceof Inet4Address && (bytes[0] & 0xff) == 0) {
            return Optional.of(shown + " is in 0.0.0.0/8");
        }
        if (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc) {
            return Optional.of(shown + " is a unique local IPv6 address (fc00::/7)");
        }
        return Optional.empty();
    }
}
