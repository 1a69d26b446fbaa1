package org.jvpn.api.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Diffie-Hellman groups (IANA IKE group numbers): MODP (RFC 2409, RFC 3526) and ECP (RFC 5903).
 * Named as in the cloud VPN APIs ({@code group14}).
 */
public enum DhGroup {
    GROUP1(1, false, 768, true),
    GROUP2(2, false, 1024, true),
    GROUP5(5, false, 1536, true),
    GROUP14(14, false, 2048, false),
    GROUP15(15, false, 3072, false),
    GROUP16(16, false, 4096, false),
    GROUP17(17, false, 6144, false),
    GROUP18(18, false, 8192, false),
    GROUP19(19, true, 256, false),
    GROUP20(20, true, 384, false),
    GROUP21(21, true, 521, false);

    private final int number;
    private final boolean ecp;
    private final int bits;
    private final boolean weak;

    DhGroup(int number, boolean ecp, int bits, boolean weak) {
        this.number = number;
        this.ecp = ecp;
        this.bits = bits;
        this.weak = weak;
    }

    /** The IANA group number carried on the wire. */
    public int number() {
        return number;
    }

    /** Elliptic curve group (RFC 5903) rather than MODP. */
    public boolean isEcp() {
        return ecp;
    }

    /** Prime size in bits (MODP) or field size (ECP). */
    public int bits() {
        return bits;
    }

    /** Length in bytes of the KE payload data: the prime length (MODP) or 2 x field length (ECP). */
    public int publicValueLength() {
        int fieldBytes = (bits + 7) / 8;
        return ecp ? 2 * fieldBytes : fieldBytes;
    }

    public boolean isWeak() {
        return weak;
    }

    /** The API name: "group14". */
    public String apiName() {
        return "group" + number;
    }

    /** strongSwan's proposal keyword: "modp2048", "ecp256". */
    public String proposalName() {
        return (ecp ? "ecp" : "modp") + bits;
    }

    public static Optional<DhGroup> fromNumber(int number) {
        return Arrays.stream(values()).filter(g -> g.number == number).findFirst();
    }

    /** "group14" (also "14"), case-insensitively. */
    public static Optional<DhGroup> fromApiName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.apiName().equals(n) || String.valueOf(g.number).equals(n)).findFirst();
    }

    /** "modp2048", "ecp256". */
    public static Optional<DhGroup> fromProposalName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.proposalName().equals(n)).findFirst();
    }

    @Override
    public String toString() {
        return apiName();
    }
}
