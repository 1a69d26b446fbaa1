package org.jvpn.testkit.pcap;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.keylog.KeyLogSink;

/**
 * <strong>WRITES SECRETS.</strong> A {@link KeyLogSink} that keeps the keys it is given and writes them in
 * Wireshark's UAT table formats, so that a test's captures open decrypted:
 * <ul>
 *   <li>{@code ikev1_decryption_table}: one line per IKEv1 SA, {@code <initiator cookie hex>,<encryption key hex>}
 *       (unquoted hex byte fields);</li>
 *   <li>{@code esp_sa}: one line per ESP SA direction,
 *       {@code "IPv4","src","dst","0xSPI","AES-CBC [RFC3602]","0xKEY","HMAC-SHA-1-96 [RFC2404]","0xKEY"}.</li>
 * </ul>
 * Use {@link #writeTo(Path)} and then {@code WIRESHARK_CONFIG_DIR=<dir> tshark -r x.pcap}, or pass
 * {@link #tsharkOptions()} on tshark's command line. The names and formats were checked against
 * tshark 4.0. For tests only; {@link #toString()} never shows a key.
 */
public final class WiresharkKeyLog implements KeyLogSink {

    /** File name of the IKEv1 table in a Wireshark configuration directory. */
    public static final String IKEV1_TABLE = "ikev1_decryption_table";
    /** File name of the ESP SA table. */
    public static final String ESP_TABLE = "esp_sa";
    /** The ESP preference that turns decryption on (Wireshark 4.x name). */
    public static final String ESP_DECRYPT_PREF = "esp.enable_encryption_decode";

    private static final HexFormat HEX = HexFormat.of();
    private static final Map<EncryptionAlgorithm, String> ENC_NAMES = new EnumMap<>(EncryptionAlgorithm.class);
    private static final Map<AuthAlgorithm, String> AUTH_NAMES = new EnumMap<>(AuthAlgorithm.class);

    static {
        ENC_NAMES.put(EncryptionAlgorithm.DES3, "TripleDES-CBC [RFC2451]");
        for (EncryptionAlgorithm a : EncryptionAlgorithm.values()) {
            if (a.isAead()) {
                ENC_NAMES.put(a, "AES-GCM with " + a.icvLength() + " octet ICV [RFC4106]");
            } else if (a != EncryptionAlgorithm.DES3) {
                ENC_NAMES.put(a, "AES-CBC [RFC3602]");
            }
        }
        AUTH_NAMES.put(AuthAlgorithm.SHA1, "HMAC-SHA-1-96 [RFC2404]");
        AUTH_NAMES.put(AuthAlgorithm.SHA256, "HMAC-SHA-256-128 [RFC4868]");
        AUTH_NAMES.put(AuthAlgorithm.SHA384, "HMAC-SHA-384-192 [RFC4868]");
        AUTH_NAMES.put(AuthAlgorithm.SHA512, "HMAC-SHA-512-256 [RFC4868]");
    }

    private final List<String> ikeLines = new ArrayList<>();
    private final List<String> espLines = new ArrayList<>();

    /** Wireshark's name of an ESP cipher, as its {@code esp_sa} table spells it. */
    public static String wiresharkName(EncryptionAlgorithm a) {
        return ENC_NAMES.get(a);
    }

    /** Wireshark's name of an ESP integrity algorithm ({@code "NULL"} for none, as with AES-GCM). */
    public static String wiresharkName(@Nullable AuthAlgorithm a) {
        return a == null ? "NULL" : AUTH_NAMES.get(a);
    }

    @Override
    public synchronized void ikeSa(byte[] initiatorCookie, byte[] responderCookie,
                                   @Nullable EncryptionAlgorithm encryption, byte[] encryptionKey) {
        if (initiatorCookie.length != 8) {
            return; // a sink never throws; Wireshark would reject the line
        }
        ikeLines.add(HEX.formatHex(initiatorCookie) + "," + HEX.formatHex(encryptionKey));
    }

    @Override
    public synchronized void espSa(InetAddress source, InetAddress destination, int spi, EncryptionAlgorithm encryption,
                                   byte[] encryptionKey, @Nullable AuthAlgorithm integrity,
                                   byte @Nullable [] integrityKey) {
        String family = source instanceof Inet4Address ? "IPv4" : "IPv6";
        String authKey = integrity == null || integrityKey == null ? "" : "0x" + HEX.formatHex(integrityKey);
        espLines.add(String.join(",",
                quote(family), quote(source.getHostAddress()), quote(destination.getHostAddress()),
                quote(String.format("0x%08x", spi)), quote(wiresharkName(encryption)),
                quote("0x" + HEX.formatHex(encryptionKey)), quote(wiresharkName(integrity)), quote(authKey)));
    }

    /** The {@code ikev1_decryption_table} lines so far. */
    public synchronized List<String> ikev1Lines() {
        return List.copyOf(ikeLines);
    }

    /** The {@code esp_sa} lines so far. */
    public synchronized List<String> espSaLines() {
        return List.copyOf(espLines);
    }

    public synchronized boolean isEmpty() {
        return ikeLines.isEmpty() && espLines.isEmpty();
    }

    /**
     * Writes {@code esp_sa}, {@code ikev1_decryption_table} and a {@code preferences} file enabling ESP
     * decryption into {@code dir}, a directory usable as {@code WIRESHARK_CONFIG_DIR}.
     *
     * @return the files written
     */
    public synchronized List<Path> writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path esp = dir.resolve(ESP_TABLE);
        Path ike = dir.resolve(IKEV1_TABLE);
        Path prefs = dir.resolve("preferences");
        String header = "# WARNING: session keys written by jvpn's test kit, on request. Anyone holding this file can"
                + " decrypt the captured traffic.\n";
        Files.writeString(esp, header + lines(espLines), StandardCharsets.UTF_8);
        Files.writeString(ike, header + lines(ikeLines), StandardCharsets.UTF_8);
        Files.writeString(prefs, "# jvpn test kit\n" + ESP_DECRYPT_PREF + ": TRUE\n", StandardCharsets.UTF_8);
        return List.of(esp, ike, prefs);
    }

    /**
     * tshark command-line options that carry the whole key log inline: {@code -o esp.enable_encryption_decode:TRUE}
     * and one {@code -o uat:esp_sa:...} / {@code -o uat:ikev1_decryption_table:...} per SA. Pass each element
     * as one argument (no shell quoting needed with {@link ProcessBuilder}).
     */
    public synchronized List<String> tsharkOptions() {
        List<String> o = new ArrayList<>();
        o.add("-o");
        o.add(ESP_DECRYPT_PREF + ":TRUE");
        for (String l : espLines) {
            o.add("-o");
            o.add("uat:" + ESP_TABLE + ":" + l);
        }
        for (String l : ikeLines) {
            o.add("-o");
            o.add("uat:" + IKEV1_TABLE + ":" + l);
        }
        return o;
    }

    private static String lines(List<String> l) {
        StringBuilder sb = new StringBuilder();
        for (String s : l) {
            sb.append(s).append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public synchronized String toString() {
        return "WiresharkKeyLog[ike=" + ikeLines.size() + ", esp=" + espLines.size() + "]";
    }
}
