package org.jvpn.api.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * strongSwan proposal strings ({@code aes256-sha256-modp2048}, {@code aes128gcm16-ecp384}): tokens
 * joined by '-', at most one encryption, one integrity and one DH token, in any order. Printing
 * always uses the canonical order encryption-integrity-DH.
 */
final class Proposals {

    /** The algorithms found in a proposal; absent ones are null. */
    record Parsed(@Nullable EncryptionAlgorithm encryption, @Nullable AuthAlgorithm integrity, @Nullable DhGroup dh) {}

    private static final Map<String, EncryptionAlgorithm> IKE_ENCRYPTION = new LinkedHashMap<>();
    private static final Map<String, EncryptionAlgorithm> ESP_ENCRYPTION = new LinkedHashMap<>();
    private static final Map<String, AuthAlgorithm> INTEGRITY = new LinkedHashMap<>();
    private static final Map<String, DhGroup> DH = new LinkedHashMap<>();
    /** Other spellings strongSwan accepts for the same algorithms; parsed, never printed. */
    private static final Map<String, String> ALIASES = Map.of(
            "aes", "aes128", "sha", "sha1", "sha2_256", "sha256", "sha2_384", "sha384", "sha2_512", "sha512");

    static {
        for (EncryptionAlgorithm e : EncryptionAlgorithm.values()) {
            ESP_ENCRYPTION.put(keyword(e), e);
            if (!e.isAead()) {
                IKE_ENCRYPTION.put(keyword(e), e);
            }
        }
        for (AuthAlgorithm a : AuthAlgorithm.values()) {
            INTEGRITY.put(keyword(a), a);
        }
        for (DhGroup g : DhGroup.values()) {
            DH.put(g.proposalName(), g);
        }
    }

    private Proposals() {}

    /** "aes-256-gcm-16" -> "aes256gcm16", "aes-128" -> "aes128", "3des" -> "3des". */
    static String keyword(EncryptionAlgorithm e) {
        return e.apiName().replace("-", "");
    }

    static String keyword(AuthAlgorithm a) {
        return a.apiName();
    }

    static String print(@Nullable EncryptionAlgorithm e, @Nullable AuthAlgorithm a, @Nullable DhGroup g) {
        List<String> tokens = new ArrayList<>(3);
        if (e != null) {
            tokens.add(keyword(e));
        }
        if (a != null) {
            tokens.add(keyword(a));
        }
        if (g != null) {
            tokens.add(g.proposalName());
        }
        return String.join("-", tokens);
    }

    /**
     * Parses {@code proposal}; {@code ike} limits encryption to the non-AEAD ciphers IKEv1 has.
     * Which tokens are required is the caller's business.
     */
    static Parsed parse(Where w, String proposal, boolean ike) {
        Map<String, EncryptionAlgorithm> encryptions = ike ? IKE_ENCRYPTION : ESP_ENCRYPTION;
        String text = proposal.trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            throw w.fail("proposal", proposal, "is empty; expected e.g. " + (ike ? "aes256-sha256-modp2048" : "aes128gcm16-modp2048"));
        }
        EncryptionAlgorithm enc = null;
        AuthAlgorithm integ = null;
        DhGroup dh = null;
        for (String raw : text.split("-", -1)) {
            String token = ALIASES.getOrDefault(raw, raw);
            if (encryptions.containsKey(token)) {
                enc = once(w, proposal, "encryption algorithm", enc, encryptions.get(token));
            } else if (INTEGRITY.containsKey(token)) {
                integ = once(w, proposal, "integrity algorithm", integ, INTEGRITY.get(token));
            } else if (DH.containsKey(token)) {
                dh = once(w, proposal, "DH group", dh, DH.get(token));
            } else {
                throw w.fail("proposal", proposal, "has unknown token '" + raw + "'; supported: encryption "
                        + String.join(", ", encryptions.keySet()) + "; integrity " + String.join(", ", INTEGRITY.keySet())
                        + "; DH groups " + String.join(", ", DH.keySet()));
            }
        }
        return new Parsed(enc, integ, dh);
    }

    private static <T> T once(Where w, String proposal, String what, @Nullable T seen, T found) {
        if (seen != null) {
            throw w.fail("proposal", proposal, "has two " + what + "s; expected at most one");
        }
        return found;
    }

    static String dhList() {
        return String.join(", ", DH.keySet());
    }

    static String ikeEncryptionList() {
        return String.join(", ", IKE_ENCRYPTION.keySet());
    }

    static String integrityList() {
        return String.join(", ", INTEGRITY.keySet());
    }
}
