package org.jvpn.api.spi.crypto;

/** Hash functions, also the basis of the HMACs ({@link MacAlgorithm}). MD5 only for legacy captures. */
public enum HashAlgorithm {
    MD5(16, 64, "MD5", "HmacMD5"),
    SHA1(20, 64, "SHA-1", "HmacSHA1"),
    SHA256(32, 64, "SHA-256", "HmacSHA256"),
    SHA384(48, 128, "SHA-384", "HmacSHA384"),
    SHA512(64, 128, "SHA-512", "HmacSHA512");

    private final int outputLength;
    private final int blockLength;
    private final String jcaName;
    private final String jcaHmacName;

    HashAlgorithm(int outputLength, int blockLength, String jcaName, String jcaHmacName) {
        this.outputLength = outputLength;
        this.blockLength = blockLength;
        this.jcaName = jcaName;
        this.jcaHmacName = jcaHmacName;
    }

    /** Digest (and full HMAC) length in bytes. */
    public int outputLength() {
        return outputLength;
    }

    /** Internal block length in bytes. */
    public int blockLength() {
        return blockLength;
    }

    /** JCA MessageDigest name. */
    public String jcaName() {
        return jcaName;
    }

    /** JCA Mac name of the HMAC over this hash. */
    public String jcaHmacName() {
        return jcaHmacName;
    }
}
