package org.jvpn.ike.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvpn.api.spi.crypto.HashAlgorithm;

/**
 * NAT-D hashes against the captures described in pcaps/KEYS.md: RFC 3947 payload type 20 with MD5
 * (isakmp4500.pcap frames 5 and 6, the initiator behind a NAT at 192.1.3.209) and the draft payload
 * type 15 with SHA-1 (ISAKMP_sa_setup.pcap MM3 and MM4). The first NAT-D payload hashes the destination,
 * the second the sender's own address.
 */
class NatDetectionTest {

    /** One unencrypted ISAKMP message of a capture, with its UDP addressing and NAT-D payload bodies. */
    record Message(byte[] src, int srcPort, byte[] dst, int dstPort, byte[] ckyI, byte[] ckyR, List<byte[]> natd) {}

    /** Minimal pcap (little-endian, Ethernet) to UDP to ISAKMP walk; frame numbers are 1-based. */
    static Message frame(String file, int wanted) {
        ByteBuffer b = ByteBuffer.wrap(TestData.readBytes("pcaps/" + file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xa1b2c3d4, b.getInt(0), "little-endian pcap");
        int off = 24;
        for (int n = 1; off + 16 <= b.limit(); n++) {
            int len = b.getInt(off + 8);
            byte[] frame = Arrays.copyOfRange(b.array(), off + 16, off + 16 + len);
            off += 16 + len;
            if (n == wanted) {
                return parse(frame);
            }
        }
        throw new AssertionError("no frame " + wanted + " in " + file);
    }

    private static Message parse(byte[] f) {
        ByteBuffer e = ByteBuffer.wrap(f);
        assertEquals(0x0800, e.getShort(12) & 0xffff, "IPv4");
        int ip = 14;
        int ihl = (f[ip] & 0x0f) * 4;
        assertEquals(17, f[ip + 9], "UDP");
        byte[] src = Arrays.copyOfRange(f, ip + 12, ip + 16);
        byte[] dst = Arrays.copyOfRange(f, ip + 16, ip + 20);
        int udp = ip + ihl;
        int sp = e.getShort(udp) & 0xffff;
        int dp = e.getShort(udp + 2) & 0xffff;
        int isakmp = udp + 8 + (sp == 4500 || dp == 4500 ? 4 : 0);
        byte[] msg = Arrays.copyOfRange(f, isakmp, f.length);
        PayloadChain chain = PayloadChain.walk(Arrays.copyOfRange(msg, 28, msg.length), msg[16]);
        List<byte[]> natd = new ArrayList<>();
        for (PayloadChain.Payload p : chain.payloads()) {
            if (p.type() == 20 || p.type() == 15 || p.type() == 130) {
                natd.add(p.body());
            }
        }
        return new Message(src, sp, dst, dp, Arrays.copyOf(msg, 8), Arrays.copyOfRange(msg, 8, 16), natd);
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
