package org.jvpn.ike;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvpn.api.VpnGateway;
import org.jvpn.api.config.Dpd;
import org.jvpn.api.config.DpdAction;
import org.jvpn.api.config.GatewayConfig;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.config.VpnService;
import org.jvpn.testkit.VpnAssertions;
import org.jvpn.testkit.inner.Pinger;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.junit.VpnTest;

/** The README's examples, kept compiling and passing. */
@VpnTest
class ReadmeExampleTest {

    @Test
    void configurationModelExample() {
        IkePolicy ike = IkePolicy.builder("ike-1")
                .encryptionAlgorithm("aes-256").authAlgorithm("sha256").dhGroup("group14")
                .lifetime(Duration.ofHours(8))
                .build();
        IpsecPolicy ipsec = IpsecPolicy.fromProposal("ipsec-1", "aes128gcm16-modp2048");
        VpnService service = VpnService.builder("dc-gw")
                .localAddress("198.51.100.2")
                .localSubnets("203.0.113.128/25")
                .build();
        IpsecSiteConnection site = IpsecSiteConnection.builder("branch-1")
                .service(service).ikePolicy(ike).ipsecPolicy(ipsec)
                .peerAddress("198.51.100.1")
                .peerCidrs("203.0.113.0/25")
                .psk("correct horse battery staple")
                .dpd(Dpd.of(DpdAction.HOLD, 30, 120))
                .build();
        GatewayConfig config = GatewayConfig.of(service, List.of(site));
        assertTrue(config.warnings().isEmpty(), config.warnings()::toString);
        assertTrue(!site.toString().contains("horse"));
    }

    @Test
    void testkitExample(TestArtifacts world) {
        IkePolicy ike = IkePolicy.fromProposal("aes256-sha256-modp2048");
        IpsecPolicy ipsec = IpsecPolicy.fromProposal("aes128gcm16-modp2048");
        VpnService dc = VpnService.builder("dc").localAddress("198.51.100.1").localSubnets("10.1.0.0/24").build();
        VpnService branch = VpnService.builder("branch").localAddress("198.51.100.2").localSubnets("10.2.0.0/24").build();
        VpnGateway a = world.gateway(GatewayConfig.of(dc, List.of(IpsecSiteConnection.builder("to-branch").service(dc)
                .ikePolicy(ike).ipsecPolicy(ipsec).peerAddress("198.51.100.2").peerCidrs("10.2.0.0/24").psk("s3cret").build())));
        VpnGateway b = world.gateway(GatewayConfig.of(branch, List.of(IpsecSiteConnection.builder("to-dc").service(branch)
                .ikePolicy(ike).ipsecPolicy(ipsec).peerAddress("198.51.100.1").peerCidrs("10.1.0.0/24").psk("s3cret").build())));
        world.deviceOf("branch").addHost("10.2.0.20");
        Pinger ping = world.deviceOf("dc").addHost("10.1.0.10").pinger("10.2.0.20");
        a.start();
        b.start();
        assertTrue(world.runUntilUp(Duration.ofSeconds(5), a.connection("to-branch").orElseThrow(), b.connection("to-dc").orElseThrow()));
        ping.start(10, Duration.ofMillis(100));
        world.scheduler().advance(Duration.ofSeconds(2));
        VpnAssertions.assertAllPingsAnswered(ping);
        VpnAssertions.assertUp(a.connection("to-branch").orElseThrow());
    }
}
