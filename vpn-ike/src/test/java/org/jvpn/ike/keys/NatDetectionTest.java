package org.jvpn.ike.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.ike.testvectors.PcapUdp;
import org.jvpn.ike.testvectors.Vectors;

/**
 * NAT-D hashes against the captures described in pcaps/KEYS.md: RFC 3947 payload type 20 with MD5
 * (isakmp4500.pcap frames 5 and 6, the initiator behind a NAT at 192.1.3.209) and the draft payload
 * type 15 with SHA-1 (ISAKMP_sa_setup.pcap MM3 and MM4). The first NAT-D payload hashes the destination,
 * the second the sender's own address.
 */
class NatDetectionTest {

    /** One unencrypted ISAKMP message of a capture, with its UDP addressing and NAT-D payload bodies. */
    record Message(byte[] src, int srcPort, byte[] dst, int dstPort, byte[] ckyI, byte[] ckyR, List<byte[]> natd) {}

    /** The UDP/IPv4 datagram of a capture's 1-based frame, as an ISAKMP message (RFC 3948 marker skipped). */
    static Message frame(String file, int wanted) {
        PcapUdp.Datagram d = PcapUdp.read(Vectors.bytes("vectors/pcaps/" + file)).stream()
                .filter(x -> x.frame() == wanted).findFirst()
                .orElseThrow(() -> new AssertionError("no UDP/IPv4 frame " + wanted + " in " + file));
        int sp = d.srcPort();
        int dp = d.dstPort();
        byte[] udp = d.payload();
        byte[] msg = Arrays.copyOfRange(udp, sp == 4500 || dp == 4500 ? 4 : 0, udp.length);
        PayloadChain chain = PayloadChain.walk(Arrays.copyOfRange(msg, 28, msg.length), msg[16]);
        List<byte[]> natd = new ArrayList<>();
        for (PayloadChain.Payload p : chain.payloads()) {
            if (p.type() == 20 || p.type() == 15 || p.type() == 130) {
                natd.add(p.body());
            }
        }
        return new Message(d.srcIp(), sp, d.dstIp(), dp, Arrays.copyOf(msg, 8), Arrays.copyOfRange(msg, 8, 16), natd);
    }

    private static byte[] natd(HashAlgorithm hash, Message m, byte[] address, int port) {
        return NatDetection.hash(TestData.BACKEND, hash, m.ckyI(), m.ckyR(), address, port);
    }

    @Test
    void rfc3947ResponderSeesNoNat() {
        Message m = frame("isakmp4500.pcap", 6);
        assertEquals(2, m.natd().size());
        assertArrayEquals(m.natd().get(0), natd(HashAlgorithm.MD5, m, m.dst(), m.dstPort()));
        assertArrayEquals(m.natd().get(1), natd(HashAlgorithm.MD5, m, m.src(), m.srcPort()));
    }

    @Test
    void rfc3947InitiatorBehindNat() throws Exception {
        Message m = frame("isakmp4500.pcap", 5);
        assertEquals(2, m.natd().size());
        assertArrayEquals(m.natd().get(0), natd(HashAlgorithm.MD5, m, m.dst(), m.dstPort()));
        // the on-wire source was rewritten by the NAT: the hash does not match it, so NAT is detected
        assertFalse(Arrays.equals(m.natd().get(1), natd(HashAlgorithm.MD5, m, m.src(), m.srcPort())));
        assertArrayEquals(m.natd().get(1), NatDetection.hash(TestData.BACKEND, HashAlgorithm.MD5, m.ckyI(), m.ckyR(),
                InetAddress.getByName("192.1.3.209"), 500));
    }

    @Test
    void draftNatDWithSha1() {
        for (int frame : new int[] {3, 4}) {
            Message m = frame("ISAKMP_sa_setup.pcap", frame);
            assertEquals(2, m.natd().size(), "frame " + frame);
            assertArrayEquals(m.natd().get(0), natd(HashAlgorithm.SHA1, m, m.dst(), m.dstPort()), "frame " + frame);
            assertArrayEquals(m.natd().get(1), natd(HashAlgorithm.SHA1, m, m.src(), m.srcPort()), "frame " + frame);
        }
    }

    @Test
    void refusesMalformedInput() {
        byte[] c = new byte[8];
        assertThrows(IllegalArgumentException.class,
                () -> NatDetection.hash(TestData.BACKEND, HashAlgorithm.SHA1, c, new byte[7], new byte[4], 500));
        assertThrows(IllegalArgumentException.class,
                () -> NatDetection.hash(TestData.BACKEND, HashAlgorithm.SHA1, c, c, new byte[5], 500));
        assertThrows(IllegalArgumentException.class,
                () -> NatDetection.hash(TestData.BACKEND, HashAlgorithm.SHA1, c, c, new byte[16], 65536));
        assertEquals(20, NatDetection.hash(TestData.BACKEND, HashAlgorithm.SHA1, c, c, new byte[16], 4500).length);
    }
}
