package org.jvpn.api.spi.dataplane;

import org.jspecify.annotations.Nullable;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.crypto.Secret;

/**
 * The algorithms and keys of one protocol (ESP or AH) of one IPsec SA, as taken from KEYMAT.
 *
 * @param spi             the SPI (inbound: ours, allocated by {@link Dataplane#allocateSpi}; outbound: the peer's)
 * @param encryption      ESP cipher, null for AH
 * @param encryptionKey   cipher key; for GCM the key followed by the 4-byte salt (RFC 4106 KEYMAT order)
 * @param integrity       integrity algorithm, null for AES-GCM
 * @param integrityKey    HMAC key, null when {@code integrity} is null
 */
public record SaKeys(int spi, @Nullable EncryptionAlgorithm encryption, @Nullable Secret encryptionKey,
                     @Nullable AuthAlgorithm integrity, @Nullable Secret integrityKey) {

    /** Keys never reach toString. */
    @Override
    public String toString() {
        return "SaKeys[spi=" + String.format("0x%08x", spi) + ", encryption=" + encryption + ", integrity=" + integrity + "]";
    }

    /** Wipes the keys. */
    public void destroy() {
        if (encryptionKey != null) {
            encryptionKey.destroy();
        }
        if (integrityKey != null) {
            integrityKey.destroy();
        }
    }
}
