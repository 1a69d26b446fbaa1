package org.jvpn.ike.wire;

import static org.jvpn.ike.testvectors.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class VendorIdPayloadTest {

    private static byte[] md5(String s) throws Exception {
        return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void natTVendorIdsAreTheMd5OfTheirNames() throws Exception {
        String[][] names = {{"RFC 3947", "NAT_T_RFC3947"}, {"draft-ietf-ipsec-nat-t-ike-00", "NAT_T_DRAFT_00"},
            {"draft-ietf-ipsec-nat-t-ike-01", "NAT_T_DRAFT_01"}, {"draft-ietf-ipsec-nat-t-ike-02", "NAT_T_DRAFT_02"},
            {"draft-ietf-ipsec-nat-t-ike-02\n", "NAT_T_DRAFT_02_N"}, {"draft-ietf-ipsec-nat-t-ike-03", "NAT_T_DRAFT_03"},
            {"draft-ietf-ipsec-nat-t-ike-07", "NAT_T_DRAFT_07"}, {"FRAGMENTATION", "FRAGMENTATION"},
            {"strongSwan", "STRONGSWAN"}};
        for (String[] n : names) {
            VendorIdPayload v = new VendorIdPayload(md5(n[0]));
            assertEquals(KnownVendorId.valueOf(n[1]), v.known().orElseThrow(), n[0]);
        }
        assertTrue(KnownVendorId.NAT_T_DRAFT_03.isNatT());
    }

    @Test
    void prefixMatchesIgnoreVersionAndFlagBytes() {
        assertEquals(KnownVendorId.DPD, new VendorIdPayload(hex("afcad71368a1f1c96b8696fc77570100")).known().orElseThrow());
        assertEquals(KnownVendorId.DPD, new VendorIdPayload(hex("afcad71368a1f1c96b8696fc77570101")).known().orElseThrow());
        assertEquals(KnownVendorId.FRAGMENTATION,
                new VendorIdPayload(hex("4048b7d56ebce88525e7de7f00d6c2d3c0000000")).known().orElseThrow());
        assertEquals(KnownVendorId.XAUTH, new VendorIdPayload(hex("09002689dfd6b712")).known().orElseThrow());
        assertEquals(KnownVendorId.CISCO_UNITY,
                new VendorIdPayload(hex("12f5f28c457168a9702d9fe274cc0100")).known().orElseThrow());
        assertEquals("afcad71368a1f1c96b8696fc77570100", hex(VendorIdPayload.of(KnownVendorId.DPD).vendorId()));
    }

    @Test
    void unknownVendorIdsAreData() {
        VendorIdPayload v = new VendorIdPayload(hex("3ac5957214a85b93db6a509869fdb330"));
        assertTrue(v.known().isEmpty());
        assertEquals("3ac5957214a85b93db6a509869fdb330", hex(v.vendorId()));
    }
}
