package org.jvpn.api;

import java.time.Duration;

/**
 * A snapshot of a connection's ISAKMP SA.
 *
 * @param initiatorCookie  hex
 * @param responderCookie  hex
 * @param initiator        whether this side initiated it
 * @param algorithms       e.g. "aes256-sha256-modp2048"
 * @param remaining        lifetime left
 * @param natDetected      the NAT-D hashes did not match: a NAT on the path, or a peer that forces UDP
 *                         encapsulation by design (jvpn does, like strongSwan's {@code encap = yes}), so
 *                         between two jvpn gateways it is always true
 * @param localEndpoint    our IKE endpoint (address:port)
 * @param remoteEndpoint   the peer's IKE endpoint as seen here
 */
public record IkeSaInfo(String initiatorCookie, String responderCookie, boolean initiator, String algorithms,
                        Duration remaining, boolean natDetected, String localEndpoint, String remoteEndpoint) {}
