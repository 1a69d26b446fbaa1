package org.jvpn.api.spi.crypto;

/** Block ciphers used in CBC mode without padding (ESP and IKEv1 pad themselves). */
public enum BlockCipherAlgorithm {
    AES_CBC(16),
    DES_EDE3_CBC(8);

    private final int blockSize;

    BlockCipherAlgorithm(int blockSize) {
        this.blockSize = blockSize;
    }

    /** Block size and IV length in bytes. */
    public int blockSize() {
        return blockSize;
    }
}
