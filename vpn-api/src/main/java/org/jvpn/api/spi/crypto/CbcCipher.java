package org.jvpn.api.spi.crypto;

/**
 * One block-cipher key in CBC mode, no padding. Not thread-safe; {@link #destroy()} wipes the key.
 */
public interface CbcCipher {

    int blockSize();

    /**
     * Encrypts {@code len} bytes (a multiple of the block size) from {@code in} to {@code out} with
     * {@code iv[ivOff, ivOff+blockSize)}; in place allowed.
     */
    void encrypt(byte[] iv, int ivOff, byte[] in, int inOff, int len, byte[] out, int outOff);

    /** Decrypts, as {@link #encrypt} in reverse; in place allowed. */
    void decrypt(byte[] iv, int ivOff, byte[] in, int inOff, int len, byte[] out, int outOff);

    /** Encrypts single blocks with no chaining (ECB), e.g. for deriving unpredictable IVs. */
    void encryptBlock(byte[] in, int inOff, byte[] out, int outOff);

    void destroy();
}
