package org.jvpn.ike.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.jvpn.ike.testvectors.PcapUdp;
import org.jvpn.ike.testvectors.Vectors;

/** Every ISAKMP message of the two IKEv1 captures in vectors/pcaps (see KEYS.md and expected-decodes). */
class PcapIsakmpTest {

    /** Frame number to parsed ISAKMP message; ESP-in-UDP and keepalives are skipped. */
    private static Map<Integer, IkeMessage> messages(String file) throws IkeWireException {
        Map<Integer, IkeMessage> out = new TreeMap<>();
        for (PcapUdp.Datagram d : PcapUdp.read(Vectors.bytes("vectors/pcaps/" + file))) {
            byte[] p = d.payload();
            int off = 0;
            if (d.srcPort() == 4500 || d.dstPort() == 4500) {
                if (p.length == 1 && (p[0] & 0xff) == 0xff) {
                    continue; // NAT-keepalive (RFC 3948)
                }
                if (p.length < 4 || p[0] != 0 || p[1] != 0 || p[2] != 0 || p[3] != 0) {
                    continue; // ESP: a non-zero SPI where IKE has the non-ESP marker
                }
                off = 4;
            }
            IkeMessage m = IkeMessage.parse(p, off, p.length - off);
            assertArrayEquals(Arrays.copyOfRange(p, off, p.length), m.encode(), file + " frame " + d.frame());
            out.put(d.frame(), m);
        }
        return out;
    }

    private static List<Optional<KnownVendorId>> vids(IkeMessage m) {
        List<Optional<KnownVendorId>> out = new ArrayList<>();
        m.all(VendorIdPayload.class).forEach(v -> out.add(v.known()));
        return out;
    }

    @Test
    void isakmp4500EveryMessageParsedAndClearOnesReEncoded() throws Exception {
        Map<Integer, IkeMessage> ms = messages("isakmp4500.pcap");
        // tcpdump-isakmp4.out: frames 3-11, 15, 16, 20, 21, 30, 35 are ISAKMP
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 20, 21, 30, 35), new ArrayList<>(ms.keySet()));
        MessageKind[] kinds = {MessageKind.MM1, MessageKind.MM2, MessageKind.MM3, MessageKind.MM4};
        for (int f = 3; f <= 6; f++) {
            IkeMessage m = ms.get(f);
            assertTrue(!m.isEncrypted());
            kinds[f - 3].check(m.payloads());
        }
        for (int f : new int[] {7, 8}) {
            assertEquals(ExchangeType.IDENTITY_PROTECTION.number(), ms.get(f).header().exchangeType());
            assertTrue(ms.get(f).isEncrypted());
        }
        for (int f : new int[] {9, 10, 11, 15, 16, 20, 21, 30}) {
            assertEquals(ExchangeType.QUICK_MODE.number(), ms.get(f).header().exchangeType());
            assertTrue(ms.get(f).isEncrypted());
            assertTrue(ms.get(f).header().messageId() != 0);
        }
        assertEquals(ExchangeType.INFORMATIONAL.number(), ms.get(35).header().exchangeType());
        assertTrue(ms.get(35).isEncrypted());

        // MM1 vendor IDs (KEYS.md): Openswan "OE...", DPD, RFC 3947, drafts 03, 02, 00
        assertEquals(List.of(Optional.of(KnownVendorId.OPENSWAN), Optional.of(KnownVendorId.DPD),
                Optional.of(KnownVendorId.NAT_T_RFC3947), Optional.of(KnownVendorId.NAT_T_DRAFT_03),
                Optional.of(KnownVendorId.NAT_T_DRAFT_02), Optional.of(KnownVendorId.NAT_T_DRAFT_00)), vids(ms.get(3)));
        assertEquals(List.of(Optional.of(KnownVendorId.OPENSWAN), Optional.of(KnownVendorId.DPD),
                Optional.of(KnownVendorId.NAT_T_RFC3947)), vids(ms.get(4)));
        // MM1 proposal: 3DES / MD5 / RSA signatures / MODP 1536 among others
        SaPayload sa = ms.get(3).first(SaPayload.class).orElseThrow();
        Phase1Attributes first = sa.proposals().get(0).transforms().get(0).phase1();
        assertEquals(Phase1Attributes.ENC_3DES_CBC, first.encryption().getAsInt());
        assertEquals(4, sa.proposals().get(0).transforms().size());

        // frames 5 and 6: two RFC 3947 NAT-D payloads each (16-byte MD5 hashes)
        for (int f : new int[] {5, 6}) {
            List<NatDPayload> natd = ms.get(f).all(NatDPayload.class);
            assertEquals(2, natd.size(), "frame " + f);
            natd.forEach(n -> assertEquals(PayloadType.NAT_D.number(), n.type()));
            natd.forEach(n -> assertEquals(16, n.hash().length));
        }
        // the responder's own-address hash (second in frame 6) is the initiator's peer hash (first in frame 5)
        assertArrayEquals(ms.get(5).all(NatDPayload.class).get(0).hash(), ms.get(6).all(NatDPayload.class).get(1).hash());
    }

    @Test
    void ciscoStyleSaSetupWithPayload15NatD() throws Exception {
        Map<Integer, IkeMessage> ms = messages("ISAKMP_sa_setup.pcap");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), new ArrayList<>(ms.keySet()));
        // tcpdump-isakmp5-v.out: aes keylen 128, sha1, modp768, preshared, life 86400 s as a 4-byte TLV
        Phase1Attributes a = ms.get(1).first(SaPayload.class).orElseThrow().proposals().get(0).transforms().get(0).phase1();
        assertEquals(Phase1Attributes.ENC_AES_CBC, a.encryption().getAsInt());
        assertEquals(128, a.keyLength().getAsInt());
        assertEquals(Phase1Attributes.HASH_SHA1, a.hash().getAsInt());
        assertEquals(1, a.groupDescription().getAsInt());
        assertEquals(Phase1Attributes.AUTH_PSK, a.authMethod().getAsInt());
        assertEquals(86400, a.lifeSeconds().getAsLong());
        DataAttribute life = a.attributes().stream().filter(x -> x.type() == Phase1Attributes.LIFE_DURATION)
                .findFirst().orElseThrow();
        assertTrue(!life.isTv());
        assertEquals(4, life.value().length);

        assertEquals(List.of(Optional.of(KnownVendorId.NAT_T_DRAFT_07), Optional.of(KnownVendorId.NAT_T_DRAFT_03),
                Optional.of(KnownVendorId.NAT_T_DRAFT_02_N)), vids(ms.get(1)));
        assertEquals(List.of(Optional.of(KnownVendorId.NAT_T_DRAFT_07)), vids(ms.get(2)));
        for (int f : new int[] {3, 4}) {
            IkeMessage m = ms.get(f);
            (f == 3 ? MessageKind.MM3 : MessageKind.MM4).check(m.payloads());
            List<Optional<KnownVendorId>> v = vids(m);
            assertEquals(Optional.of(KnownVendorId.CISCO_UNITY), v.get(0));
            assertEquals(Optional.of(KnownVendorId.DPD), v.get(1));
            assertEquals(Optional.empty(), v.get(2)); // a per-session Cisco ID: kept as data
            assertEquals(Optional.of(KnownVendorId.XAUTH), v.get(3));
            List<NatDPayload> natd = m.all(NatDPayload.class);
            assertEquals(2, natd.size());
            natd.forEach(n -> assertEquals(PayloadType.NAT_D_OLD_DRAFT.number(), n.type()));
            natd.forEach(n -> assertEquals(20, n.hash().length)); // SHA1
            assertEquals(20, m.first(NoncePayload.class).orElseThrow().nonce().length);
            assertEquals(96, m.first(KeyExchangePayload.class).orElseThrow().dataLength());
        }
        // each side's two hashes are the other's, swapped
        assertArrayEquals(ms.get(3).all(NatDPayload.class).get(0).hash(), ms.get(4).all(NatDPayload.class).get(1).hash());
        for (int f = 5; f <= 9; f++) {
            assertTrue(ms.get(f).isEncrypted());
        }
        assertEquals(0x0f2b7862, ms.get(7).header().messageId());
    }
}
