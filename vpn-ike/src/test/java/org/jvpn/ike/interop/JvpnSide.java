package org.jvpn.ike.interop;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jvpn.api.ConnectionHandle;
import org.jvpn.api.GatewayOptions;
import org.jvpn.api.VpnGateway;
import org.jvpn.api.config.GatewayConfig;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.config.VpnService;
import org.jvpn.testkit.pcap.WiresharkKeyLog;

/** jvpn's side of an interop test: a gateway in this JVM (inside ipsec-java) on real UDP 500/4500. */
final class JvpnSide implements AutoCloseable {

    final VpnGateway gateway;
    final EchoTunnel tunnel;
    final WiresharkKeyLog keyLog = new WiresharkKeyLog();

    JvpnSide(IkePolicy ike, IpsecPolicy ipsec, UnaryOperator<IpsecSiteConnection.Builder> tweak) {
        this(ike, ipsec, tweak, org.jvpn.api.RetransmitPolicy.DEFAULT);
    }

    JvpnSide(IkePolicy ike, IpsecPolicy ipsec, UnaryOperator<IpsecSiteConnection.Builder> tweak, org.jvpn.api.RetransmitPolicy retransmit) {
        VpnService svc = VpnService.builder("jvpn").localAddress(StrongSwanPeer.JAVA_OUTER).localSubnets(StrongSwanPeer.JAVA_TS).build();
        IpsecSiteConnection c = tweak.apply(IpsecSiteConnection.builder("strongswan").service(svc).ikePolicy(ike).ipsecPolicy(ipsec)
                .peerAddress(StrongSwanPeer.PEER_OUTER).peerCidrs(StrongSwanPeer.PEER_TS).psk(StrongSwanPeer.PSK)
                .dpd(org.jvpn.api.config.Dpd.of("hold", 10, 30))).build();
        tunnel = new EchoTunnel(address(StrongSwanPeer.JAVA_HOST));
        gateway = VpnGateway.create(GatewayConfig.of(svc, List.of(c)), GatewayOptions.builder().tunnel(tunnel).keyLog(keyLog).retransmit(retransmit).build());
    }

    ConnectionHandle handle() {
        return gateway.connection("strongswan").orElseThrow();
    }

    /** Sends {@code n} pings from jvpn's inner host to the peer's host. */
    void ping(int n) {
        for (int i = 1; i <= n; i++) {
            tunnel.ping(address(StrongSwanPeer.PEER_HOST), i);
        }
    }

    void writeKeyLog(Path dir) {
        try {
            keyLog.writeTo(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        gateway.stop(java.time.Duration.ofSeconds(2));
    }
}
