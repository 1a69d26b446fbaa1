package org.jvpn.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.keylog.KeyLogSink;
import org.jvpn.testkit.pcap.WiresharkKeyLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <strong>WRITES SECRETS.</strong> A key log that rewrites the Wireshark tables ({@code esp_sa},
 * {@code ikev1_decryption_table}, {@code preferences}) in a directory after every new SA, so the files
 * are current while the gateway runs. Never throws.
 */
final class KeyLogFiles implements KeyLogSink {

    private static final Logger LOG = LoggerFactory.getLogger(KeyLogFiles.class);

    private final WiresharkKeyLog log = new WiresharkKeyLog();
    private final Path dir;

    KeyLogFiles(Path dir) {
        this.dir = dir;
    }

    @Override
    public void ikeSa(byte[] initiatorCookie, byte[] responderCookie, @Nullable EncryptionAlgorithm encryption,
            byte[] encryptionKey) {
        log.ikeSa(initiatorCookie, responderCookie, encryption, encryptionKey);
        flush();
    }

    @Override
    public void espSa(InetAddress source, InetAddress destination, int spi, EncryptionAlgorithm encryption,
            byte[] encryptionKey, @Nullable AuthAlgorithm integrity, byte @Nullable [] integrityKey) {
        log.espSa(source, destination, spi, encryption, encryptionKey, integrity, integrityKey);
        flush();
    }

    private void flush() {
        try {
            log.writeTo(dir);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write the key log to {}: {}", dir, e.toString());
        }
    }
}
