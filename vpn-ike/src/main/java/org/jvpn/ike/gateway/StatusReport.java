package org.jvpn.ike.gateway;

import java.util.Map;
import org.jvpn.api.ConnectionHandle;
import org.jvpn.api.ConnectionStats;
import org.jvpn.api.IkeSaInfo;
import org.jvpn.api.IpsecSaInfo;

/** The human-readable SA table of a gateway (what {@code jvpn run} prints on demand). */
final class StatusReport {

    private StatusReport() {}

    static String render(JvpnGateway gw) {
        StringBuilder sb = new StringBuilder();
        sb.append("gateway ").append(gw.config().service().name()).append(" (")
                .append(gw.config().service().localAddress().getHostAddress()).append(")\n");
        for (ConnectionHandle h : gw.connections()) {
            sb.append("  connection ").append(h.name()).append(": ").append(h.state());
            h.lastError().ifPresent(e -> sb.append(" (last error: ").append(e).append(')'));
            sb.append('\n');
            sb.append("    peer ").append(h.config().peerAddress()).append("  local ").append(h.config().localCidrs())
                    .append("  peer ").append(h.config().peerCidrs()).append('\n');
            if (h.ikeSa().isPresent()) {
                IkeSaInfo i = h.ikeSa().get();
                sb.append(String.format("    IKE SA  %s/%s  %s  %s  %s -> %s  rekey/expiry in %ds%s%n", i.initiatorCookie(),
                        i.responderCookie(), i.initiator() ? "initiator" : "responder", i.algorithms(), i.localEndpoint(),
                        i.remoteEndpoint(), i.remaining().toSeconds(), i.natDetected() ? "  NAT-T" : ""));
            }
            for (IpsecSaInfo s : h.ipsecSas()) {
                sb.append(String.format("    %-6s in %s out %s  %s  %s <-> %s  expires in %ds  in %d B/%d pkts  out %d B/%d pkts%n",
                        s.protocol().toUpperCase(java.util.Locale.ROOT), s.inboundSpi(), s.outboundSpi(), s.algorithms(),
                        s.localSubnet(), s.peerSubnet(), s.remaining().toSeconds(), s.bytesIn(), s.packetsIn(), s.bytesOut(),
                        s.packetsOut()));
            }
            ConnectionStats st = h.stats();
            sb.append(String.format("    counters: in %d B/%d pkts, out %d B/%d pkts, IKE retransmits %d, IPsec rekeys %d%n",
                    st.bytesIn(), st.packetsIn(), st.bytesOut(), st.packetsOut(), st.ikeRetransmits(), st.ipsecRekeys()));
            if (!st.drops().isEmpty()) {
                sb.append("    drops (gateway-wide): ");
                for (Map.Entry<String, Long> en : st.drops().entrySet()) {
                    sb.append(en.getKey()).append('=').append(en.getValue()).append(' ');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
