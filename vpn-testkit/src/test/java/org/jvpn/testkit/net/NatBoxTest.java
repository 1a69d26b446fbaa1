package org.jvpn.testkit.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvpn.testkit.SeededRandom;
import org.jvpn.testkit.TestSupport;
import org.jvpn.testkit.ip.IpPackets;
import org.jvpn.testkit.time.VirtualScheduler;

class NatBoxTest {

    private final VirtualScheduler s = new VirtualScheduler();
    private final VirtualNetwork net = new VirtualNetwork(s, new SeededRandom(5));
    private final VirtualHost responder = net.host("198.51.100.1");
    private final NatBox nat = net.nat("203.0.113.5").idleTimeout(Duration.ofSeconds(30));
    private final VirtualHost initiator = nat.host("192.168.1.10");
    private final List<InetSocketAddress> seenByResponder = new ArrayList<>();
    private final List<InetSocketAddress> seenByInitiator = new ArrayList<>();

    NatBoxTest() throws IOException {
        responder.open((port, remote, dg) -> {
            seenByResponder.add(remote);
            responder.send(port, remote, dg); // answer to where it came from
        });
        initiator.open((port, remote, dg) -> seenByInitiator.add(remote));
    }

    @Test
    void rewritesSourceAndRoutesRepliesBack() throws IOException {
        initiator.send(500, responder.endpoint(500), new byte[] {1});
        s.runUntilIdle();
        InetSocketAddress mapped = seenByResponder.get(0);
        assertEquals(IpPackets.address("203.0.113.5"), mapped.getAddress());
        assertNotEquals(500, mapped.getPort(), "port 500 is rewritten, as NAT-T expects");
        assertEquals(List.of(responder.endpoint(500)), seenByInitiator);
        // port floating to 4500 gets its own mapping
        initiator.send(4500, responder.endpoint(4500), new byte[] {2});
        s.runUntilIdle();
        assertNotEquals(mapped.getPort(), seenByResponder.get(1).getPort());
        assertEquals(2, nat.mappings().size());
        assertEquals(new InetSocketAddress(nat.publicAddress(), mapped.getPort()),
                nat.publicEndpointOf(initiator.endpoint(500)));
        net.writePcap(TestSupport.samples().resolve("outer-nat.pcap"));
    }

    @Test
    void inboundWithoutMappingIsDroppedAndCounted() {
        responder.send(500, new InetSocketAddress(nat.publicAddress(), 40000), new byte[] {1});
        s.runUntilIdle();
        assertTrue(seenByInitiator.isEmpty());
        assertEquals(1, nat.stats().droppedNoMapping());
    }

    @Test
    void mappingsExpireAfterIdleTimeoutUnlessKeptAlive() {
        initiator.send(4500, responder.endpoint(4500), new byte[] {(byte) 0xff});
        s.runUntilIdle();
        InetSocketAddress mapped = seenByResponder.get(0);
        // keepalives every 20 s keep the mapping alive for 5 minutes
        for (int i = 0; i < 15; i++) {
            s.advance(Duration.ofSeconds(20));
            initiator.send(4500, responder.endpoint(4500), new byte[] {(byte) 0xff});
            s.runDue();
        }
        assertEquals(mapped, seenByResponder.get(seenByResponder.size() - 1));
        assertEquals(1, nat.stats().liveMappings());
        // silence for the idle timeout: the mapping goes, and the peer's datagrams are dropped
        s.advance(Duration.ofSeconds(30));
        assertEquals(0, nat.mappings().size());
        assertEquals(1, nat.stats().mappingsExpired());
        assertNull(nat.publicEndpointOf(initiator.endpoint(4500)));
        int before = seenByInitiator.size();
        responder.send(4500, mapped, new byte[] {3});
        s.runUntilIdle();
        assertEquals(before, seenByInitiator.size());
        assertEquals(1, nat.stats().droppedNoMapping());
        // the next outbound datagram gets a new public port
        initiator.send(4500, responder.endpoint(4500), new byte[] {4});
        s.runUntilIdle();
        assertNotEquals(mapped.getPort(), seenByResponder.get(seenByResponder.size() - 1).getPort());
    }

    @Test
    void restrictedFilteringDropsStrangers() throws IOException {
        nat.restrictInbound(true);
        VirtualHost stranger = net.host("198.51.100.66");
        stranger.open((p, r, d) -> { });
        initiator.send(500, responder.endpoint(500), new byte[] {1});
        s.runUntilIdle();
        stranger.send(500, seenByResponder.get(0), new byte[] {9});
        s.runUntilIdle();
        assertEquals(1, seenByInitiator.size());
        assertEquals(1, nat.stats().droppedFiltered());
    }

    @Test
    void hostsInTheRealmTalkDirectly() throws IOException {
        VirtualHost neighbour = nat.host("192.168.1.11");
        List<InetSocketAddress> seen = new ArrayList<>();
        neighbour.open((p, r, d) -> seen.add(r));
        initiator.send(500, neighbour.endpoint(500), new byte[] {1});
        s.runUntilIdle();
        assertEquals(List.of(initiator.endpoint(500)), seen);
        assertEquals(0, nat.stats().translatedOut());
    }
}
