package org.jvpn.ike.wire;

import java.util.HexFormat;
import java.util.Optional;

/**
 * Vendor IDs recognised by name. Most are the MD5 of a string (noted per constant); some are matched
 * by prefix because the last bytes carry a version or flags (DPD, Cisco Unity, fragmentation, XAUTH).
 * Anything else stays data in {@link VendorIdPayload}.
 */
public enum KnownVendorId {
    /** MD5("RFC 3947"). */
    NAT_T_RFC3947("4a131c81070358455c5728f20e95452f", false),
    /** MD5("draft-ietf-ipsec-nat-t-ike-00"). */
    NAT_T_DRAFT_00("4485152d18b6bbcd0be8a8469579ddcc", false),
    /** MD5("draft-ietf-ipsec-nat-t-ike-01"). */
    NAT_T_DRAFT_01("16f6ca16e4a4066d83821a0f0aeaa862", false),
    /** MD5("draft-ietf-ipsec-nat-t-ike-02"). */
    NAT_T_DRAFT_02("cd60464335df21f87cfdb2fc68b6a448", false),
    /** MD5("draft-ietf-ipsec-nat-t-ike-02\n") (a typo that shipped, kept by strongSwan). */
    NAT_T_DRAFT_02_N("90cb80913ebb696e086381b5ec427b1f", false),
    /** MD5("draft-ietf-ipsec-nat-t-ike-03"). */
    NAT_T_DRAFT_03("7d9419a65310ca6f2c179d9215529d56", false),
    /** MD5("draft-ietf-ipsec-nat-t-ike-04"). */
    NAT_T_DRAFT_04("9909b64eed937c6573de52ace952fa6b", false),
    /** MD5("draft-ietf-ipsec-nat-t-ike-05"). */
    NAT_T_DRAFT_05("80d0bb3def54565ee84645d4c85ce3ee", false),
    /** MD5("draft-ietf-ipsec-nat-t-ike-06"). */
    NAT_T_DRAFT_06("4d1e0e136deafa34c4f3ea9f02ec7285", false),
    /** MD5("draft-ietf-ipsec-nat-t-ike-07"). */
    NAT_T_DRAFT_07("439b59f8ba676c4c7737ae22eab8f582", false),
    /** MD5("draft-ietf-ipsec-nat-t-ike-08"). */
    NAT_T_DRAFT_08("8f8d83826d246b6fc7a8a6a428c11de8", false),
    /** MD5("draft-ietf-ipsec-nat-t-ike-09"). */
    NAT_T_DRAFT_09("42ea5b6f898d9773a575df26e7dd19e1", false),
    /** MD5("draft-ietf-ipsec-nat-t-ike"). */
    NAT_T_DRAFT_GENERIC("4df37928e9fc4fd1b3262170d515c662", false),
    /** RFC 3706 DPD: 14-byte prefix, the last two bytes are the version (major 1, minor 0). */
    DPD("afcad71368a1f1c96b8696fc7757", true),
    /** XAUTH (first 8 bytes of MD5("draft-ietf-ipsra-isakmp-xauth-06.txt")). */
    XAUTH("09002689dfd6b712", true),
    /** IKE fragmentation: MD5("FRAGMENTATION"), peers append 4 bytes of capability flags. */
    FRAGMENTATION("4048b7d56ebce88525e7de7f00d6c2d3", true),
    /** Cisco Unity: MD5("CISCO-UNITY") with the last two bytes replaced by the version. */
    CISCO_UNITY("12f5f28c457168a9702d9fe274cc", true),
    /** strongSwan: MD5("strongSwan"). */
    STRONGSWAN("882fe56d6fd20dbc2251613b2ebe5beb", true),
    /** MD5("draft-huttunen-ipsec-esp-in-udp-01.txt"). */
    ESP_IN_UDP_HUTTUNEN_01("58b35b47d82ee84954cb62ca82e1dfdd", false),
    /** MD5("draft-stenberg-ipsec-nat-traversal-01"). */
    NAT_T_STENBERG_01("27bab5dc01ea0760ea4e3190ac27c0d0", false),
    /** MD5("draft-stenberg-ipsec-nat-traversal-02"). */
    NAT_T_STENBERG_02("6105c422e76847e43f9684801292aecd", false),
    /** Cisco "Vid-Initial-Contact": MD5 of that string. */
    CISCO_INITIAL_CONTACT("26244d38eddb61b3172a36e3d0cfb819", false),
    /** FortiGate (PEERS.md [S1]), prefix match. */
    FORTIGATE("1d6e178f6c2c0be284985465450fe9d4", true),
    /** Openswan / Libreswan: 12 bytes starting with "OE" (0x4f45). */
    OPENSWAN("4f45", true);

    private final byte[] bytes;
    private final boolean prefix;

    KnownVendorId(String hex, boolean prefix) {
        this.bytes = HexFormat.of().parseHex(hex);
        this.prefix = prefix;
    }

    /** The vendor ID bytes to send (for prefix entries: the prefix; see {@link VendorIdPayload#of}). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether received IDs are matched by prefix (extra trailing bytes carry a version or flags). */
    public boolean isPrefixMatch() {
        return prefix;
    }

    /** Whether this is one of the NAT-T vendor IDs (RFC or draft). */
    public boolean isNatT() {
        return name().startsWith("NAT_T");
    }

    /** The entry matching {@code vid}, exact or by prefix. */
    public static Optional<KnownVendorId> recognise(byte[] vid) {
        for (KnownVendorId k : values()) {
            if (k.prefix ? startsWith(vid, k.bytes) && (k != OPENSWAN || vid.length == 12)
                    : java.util.Arrays.equals(vid, k.bytes)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] vid, byte[] prefix) {
        if (vid.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (vid[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
