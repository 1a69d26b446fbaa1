package org.jvpn.esp.sa;

import java.util.Arrays;
import org.jvpn.api.spi.crypto.BlockCipherAlgorithm;
import org.jvpn.api.spi.crypto.CbcCipher;
import org.jvpn.api.spi.crypto.ConstantTime;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.api.spi.crypto.Mac;

/**
 * CBC encryption (AES RFC 3602, 3DES RFC 2451) with HMAC integrity truncated to {@code icvLength} (RFC
 * 2404, RFC 4868), encrypt-then-MAC: the ICV covers SPI, sequence number, IV and ciphertext, and with
 * ESN the high 32 bits of the sequence number appended (RFC 4303 section 2.2.1), which are not sent.
 *
 * <p>IVs must be unpredictable (RFC 3602 section 3): each is the encryption of the 64-bit sequence
 * number under a separate random key of the SA, so no random numbers are drawn per packet.
 */
public final class CbcHmacEspCrypto extends EspCrypto {

    private final CbcCipher cbc;
    private final CbcCipher ivGen;
    private final Mac mac;
    private final int icvLength;
    private final boolean esn;
    private final int bs;
    private final byte[] block;
    private final byte[] macOut;
    private final byte[] seqHigh = new byte[4];

    public CbcHmacEspCrypto(CryptoBackend backend, BlockCipherAlgorithm cipher, byte[] encKey, byte[] ivKey,
                            HashAlgorithm hash, byte[] macKey, int icvLength, boolean esn) {
        this.cbc = backend.cbc(cipher, encKey);
        this.ivGen = backend.cbc(cipher, ivKey);
        this.mac = backend.hmac(hash, macKey);
        this.icvLength = icvLength;
        this.esn = esn;
        this.bs = cipher.blockSize();
        this.block = new byte[bs];
        this.macOut = new byte[hash.outputLength()];
        if (icvLength > macOut.length || icvLength < 4) {
            throw new IllegalArgumentException("ICV length " + icvLength + " outside 4.." + macOut.length);
        }
    }

    @Override
    public int ivLength() {
        return bs;
    }

    @Override
    public int blockSize() {
        return bs;
    }

    @Override
    public int icvLength() {
        return icvLength;
    }

    @Override
    public void seal(byte[] b, int esp, int ctLen, long seq) {
        int iv = esp + 8;
        Bytes.putLong(block, bs - 8, seq);
        ivGen.encryptBlock(block, 0, b, iv);
        int ct = iv + bs;
        cbc.encrypt(b, iv, b, ct, ctLen, b, ct);
        computeIcv(b, esp, ctLen, seq);
        System.arraycopy(macOut, 0, b, ct + ctLen, icvLength);
    }

    @Override
    public boolean open(byte[] b, int esp, int ctLen, long seq) {
        int ct = esp + 8 + bs;
        computeIcv(b, esp, ctLen, seq);
        if (!ConstantTime.equals(macOut, 0, b, ct + ctLen, icvLength)) {
            return false;
        }
        cbc.decrypt(b, esp + 8, b, ct, ctLen, b, ct);
        return true;
    }

    private void computeIcv(byte[] b, int esp, int ctLen, long seq) {
        mac.update(b, esp, 8 + bs + ctLen);
        if (esn) {
            Bytes.putInt(seqHigh, 0, (int) (seq >>> 32));
            mac.update(seqHigh, 0, 4);
        }
        mac.doFinal(macOut, 0);
    }

    @Override
    public void destroy() {
        cbc.destroy();
        ivGen.destroy();
        mac.destroy();
        Arrays.fill(macOut, (byte) 0);
    }
}
