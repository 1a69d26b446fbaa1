package org.jvpn.api;

import java.util.Map;

/**
 * Counters of a connection, over all its SAs, since it was added.
 *
 * @param bytesIn     inner bytes received (authenticated)
 * @param bytesOut    inner bytes sent
 * @param packetsIn   packets received (authenticated)
 * @param packetsOut  packets sent
 * @param drops       dropped packets by reason (e.g. "BAD_ICV", "REPLAY", "NO_SA")
 * @param ikeRetransmits  IKE messages retransmitted
 * @param ipsecRekeys     IPsec SAs rekeyed
 * @param ikeRekeys       IKE SAs renewed
 */
public record ConnectionStats(long bytesIn, long bytesOut, long packetsIn, long packetsOut, Map<String, Long> drops,
                              long ikeRetransmits, long ipsecRekeys, long ikeRekeys) {

    public ConnectionStats {
        drops = Map.copyOf(drops);
    }
}
