package org.jvpn.ike.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvpn.api.ConnectionHandle;
import org.jvpn.api.GatewayOptions;
import org.jvpn.api.VpnGateway;
import org.jvpn.api.config.GatewayConfig;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.config.VpnService;

/** Hand-run: strongSwan must be up (strongswan-peer.sh up initiator|responder); this JVM runs in ipsec-java. */
class StrongSwanManualIT {

    @Test
    void tunnelWithStrongSwan() throws Exception {
        String ike = System.getProperty("ike", "aes256-sha256-modp2048");
        String esp = System.getProperty("esp", "aes128gcm16-modp2048");
        VpnService svc = VpnService.builder("java").localAddress("198.51.100.2").localSubnets("203.0.113.128/25").build();
        IpsecSiteConnection c = IpsecSiteConnection.builder("sw").service(svc)
                .ikePolicy(IkePolicy.fromProposal(ike)).ipsecPolicy(IpsecPolicy.fromProposal(esp))
                .peerAddress("198.51.100.1").peerCidrs("203.0.113.0/25").psk("interop-test-psk-0123456789")
                .initiator(System.getProperty("initiator", "bi-directional"))
                .build();
        EchoTunnel tun = new EchoTunnel(InetAddress.getByName("203.0.113.130"));
        try (VpnGateway gw = VpnGateway.create(GatewayConfig.of(svc, List.of(c)), GatewayOptions.builder().tunnel(tun).build())) {
            gw.start();
            ConnectionHandle h = gw.connection("sw").orElseThrow();
            boolean up = h.awaitUp(Duration.ofSeconds(30));
            System.out.println(gw.statusReport());
            assertTrue(up, "not up: " + h.lastError());
            for (int i = 1; i <= 5; i++) {
                tun.ping(InetAddress.getByName("203.0.113.1"), i);
            }
            Process p = new ProcessBuilder("ip", "netns", "exec", "ipsec-peer", "ping", "-c", "5", "-i", "0.2", "-I", "203.0.113.1",
                    "203.0.113.130").inheritIO().start();
            p.waitFor();
            System.out.println(gw.statusReport());
            System.out.println("echo replies received by jvpn's host: " + tun.echoRepliesReceived.get()
                    + ", requests answered: " + tun.echoRequestsAnswered.get());
        }
    }
}
