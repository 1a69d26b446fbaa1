package org.jvpn.esp.sa;

import java.util.Arrays;
import org.jvpn.api.spi.crypto.AeadAlgorithm;
import org.jvpn.api.spi.crypto.AeadCipher;
import org.jvpn.api.spi.crypto.CryptoBackend;

/**
 * AES-GCM for ESP (RFC 4106): nonce = salt (last 4 bytes of the key material) || 8-byte IV; AAD = SPI ||
 * sequence number (32 bits, or with ESN the 64-bit number as high || low, section 5). The IV is the
 * 64-bit sequence number, unique for the SA's lifetime because the sender never wraps (section 3.1
 * allows a counter).
 */
public final class GcmEspCrypto extends EspCrypto {

    private final AeadCipher aead;
    private final int icvLength;
    private final boolean esn;
    private final byte[] nonce = new byte[12];
    private final byte[] aad = new byte[12];

    /** @param keyAndSalt the RFC 4106 KEYMAT: AES key followed by the 4-byte salt */
    public GcmEspCrypto(CryptoBackend backend, byte[] keyAndSalt, int icvLength, boolean esn) {
        if (icvLength != 8 && icvLength != 12 && icvLength != 16) {
            throw new IllegalArgumentException("GCM ICV length " + icvLength + " is not 8, 12 or 16");
        }
        byte[] key = Arrays.copyOf(keyAndSalt, keyAndSalt.length - 4);
        try {
            this.aead = backend.aead(AeadAlgorithm.AES_GCM, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        System.arraycopy(keyAndSalt, keyAndSalt.length - 4, nonce, 0, 4);
        this.icvLength = icvLength;
        this.esn = esn;
    }

    @Override
    public int ivLength() {
        return 8;
    }

    @Override
    public int blockSize() {
        return 4;
    }

    @Override
    public int icvLength() {
        return icvLength;
    }

    @Override
    public void seal(byte[] b, int esp, int ctLen, long seq) {
        Bytes.putLong(b, esp + 8, seq);
        System.arraycopy(b, esp + 8, nonce, 4, 8);
        int ct = esp + 16;
        if (esn) {
            fillEsnAad(b, esp, seq);
            aead.seal(nonce, aad, 0, 12, b, ct, ctLen, b, ct, icvLength);
        } else {
            aead.seal(nonce, b, esp, 8, b, ct, ctLen, b, ct, icvLength);
        }
    }

    @Override
    public boolean open(byte[] b, int esp, int ctLen, long seq) {
        System.arraycopy(b, esp + 8, nonce, 4, 8);
        int ct = esp + 16;
        int n;
        if (esn) {
            fillEsnAad(b, esp, seq);
            n = aead.open(nonce, aad, 0, 12, b, ct, ctLen + icvLength, b, ct, icvLength);
        } else {
            n = aead.open(nonce, b, esp, 8, b, ct, ctLen + icvLength, b, ct, icvLength);
        }
        return n >= 0;
    }

    private void fillEsnAad(byte[] b, int esp, long seq) {
        System.arraycopy(b, esp, aad, 0, 4);
        Bytes.putLong(aad, 4, seq);
    }

    @Override
    public void destroy() {
        aead.destroy();
        Arrays.fill(nonce, (byte) 0);
    }
}
