package org.jvpn.esp.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jvpn.api.spi.crypto.AeadAlgorithm;
import org.jvpn.api.spi.crypto.AeadCipher;
import org.jvpn.api.spi.crypto.BlockCipherAlgorithm;
import org.jvpn.api.spi.crypto.CbcCipher;
import org.jvpn.api.spi.crypto.CryptoBackend;
import org.jvpn.api.spi.crypto.CryptoException;
import org.jvpn.api.spi.crypto.Digest;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.api.spi.crypto.Mac;

/**
 * The JCA back end (SunJCE): AES-GCM, AES-CBC, DESede-CBC, HMAC and digests, always on heap arrays with
 * {@code doFinal(in, off, len, out, off)} (the fastest and least allocating JCA path). AES-CCM is not
 * offered (the JDK lacks it).
 *
 * <p>Key copies held inside JCA objects ({@code SecretKeySpec}, expanded key schedules) cannot be wiped
 * through the JCA API; {@code destroy()} wipes our own copies and drops the references.
 */
public final class JcaCryptoBackend implements CryptoBackend {

    public JcaCryptoBackend() {}

    @Override
    public String name() {
        return "jca";
    }

    @Override
    public boolean supports(AeadAlgorithm algorithm, int keyLengthBytes) {
        return algorithm == AeadAlgorithm.AES_GCM && isAesKey(keyLengthBytes);
    }

    @Override
    public boolean supports(BlockCipherAlgorithm algorithm, int keyLengthBytes) {
        return algorithm == BlockCipherAlgorithm.AES_CBC ? isAesKey(keyLengthBytes) : keyLengthBytes == 24;
    }

    @Override
    public boolean supports(HashAlgorithm algorithm) {
        return true;
    }

    @Override
    public AeadCipher aead(AeadAlgorithm algorithm, byte[] key) {
        if (!supports(algorithm, key.length)) {
            throw new CryptoException("jca: " + algorithm + " with a " + key.length + "-byte key is not supported (expected AES_GCM with 16, 24 or 32 bytes)");
        }
        return new JcaGcm(key);
    }

    @Override
    public CbcCipher cbc(BlockCipherAlgorithm algorithm, byte[] key) {
        if (!supports(algorithm, key.length)) {
            throw new CryptoException("jca: " + algorithm + " with a " + key.length + "-byte key is not supported");
        }
        return new JcaCbc(algorithm, key);
    }

    @Override
    public Mac hmac(HashAlgorithm hash, byte[] key) {
        return new JcaHmac(hash, key);
    }

    @Override
    public Digest digest(HashAlgorithm hash) {
        return new JcaDigest(hash);
    }

    static boolean isAesKey(int len) {
        return len == 16 || len == 24 || len == 32;
    }

    static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("jca: " + transformation + " unavailable", e);
        }
    }

    /**
     * AES-GCM. SunJCE accepts tags of 12..16 bytes; shorter tags (the 8-byte ICV of RFC 4106) are the
     * leftmost bytes of the full tag (SP 800-38D), so they are produced from a full tag computed into a
     * scratch area, and verified by CTR-decrypting and re-sealing (GCM is deterministic for a nonce).
     */
    static final class JcaGcm implements AeadCipher {
        private static final int FULL_TAG = 16;
        private final Cipher gcm = cipher("AES/GCM/NoPadding");
        private @org.jspecify.annotations.Nullable Cipher ctr;
        private @org.jspecify.annotations.Nullable Cipher resealer;
        private SecretKeySpec key;
        private byte[] keyCopy;
        private byte[] scratch = new byte[0];
        private final byte[] saved = new byte[FULL_TAG];
        private final byte[] counter = new byte[16];
        private final byte[] tag = new byte[FULL_TAG];

        JcaGcm(byte[] key) {
            this.keyCopy = key.clone();
            this.key = new SecretKeySpec(keyCopy, "AES");
        }

        @Override
        public int seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int len,
                        byte[] out, int outOff, int tagLength) {
            checkTag(tagLength);
            try {
                if (tagLength >= 12) {
                    gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(tagLength * 8, nonce));
                    gcm.updateAAD(aad, aadOff, aadLen);
                    return gcm.doFinal(in, inOff, len, out, outOff);
                }
                // Short tag: the full tag needs FULL_TAG - tagLength bytes beyond the output.
                int extra = FULL_TAG - tagLength;
                int end = outOff + len + tagLength;
                if (out.length >= end + extra) {
                    System.arraycopy(out, end, saved, 0, extra);
                    sealFull(gcm, nonce, aad, aadOff, aadLen, in, inOff, len, out, outOff);
                    System.arraycopy(saved, 0, out, end, extra);
                } else {
                    byte[] s = scratch(len + FULL_TAG);
                    sealFull(gcm, nonce, aad, aadOff, aadLen, in, inOff, len, s, 0);
                    System.arraycopy(s, 0, out, outOff, len + tagLength);
                }
                return len + tagLength;
            } catch (GeneralSecurityException e) {
                throw new CryptoException("jca: AES-GCM seal failed: " + e.getClass().getSimpleName(), e);
            }
        }

        private void sealFull(Cipher c, byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff,
                              int len, byte[] out, int outOff) throws GeneralSecurityException {
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(FULL_TAG * 8, nonce));
            c.updateAAD(aad, aadOff, aadLen);
            c.doFinal(in, inOff, len, out, outOff);
        }

        @Override
        public int open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int len,
                        byte[] out, int outOff, int tagLength) {
            checkTag(tagLength);
            if (len < tagLength || nonce.length != 12) {
                return -1;
            }
            try {
                if (tagLength >= 12) {
                    gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(tagLength * 8, nonce));
                    gcm.updateAAD(aad, aadOff, aadLen);
                    return gcm.doFinal(in, inOff, len, out, outOff);
                }
                return openShortTag(nonce, aad, aadOff, aadLen, in, inOff, len, out, outOff, tagLength);
            } catch (javax.crypto.AEADBadTagException e) {
                return -1;
            } catch (GeneralSecurityException e) {
                throw new CryptoException("jca: AES-GCM open failed: " + e.getClass().getSimpleName(), e);
            }
        }

        private int openShortTag(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int len,
                                 byte[] out, int outOff, int tagLength) throws GeneralSecurityException {
            int ctLen = len - tagLength;
            System.arraycopy(in, inOff + ctLen, tag, 0, tagLength);
            // Recompute the full tag by re-encrypting the plaintext (same nonce: same ciphertext and tag).
            Cipher c = ctr;
            if (c == null) {
                c = ctr = cipher("AES/CTR/NoPadding");
            }
            System.arraycopy(nonce, 0, counter, 0, 12);
            counter[12] = 0;
            counter[13] = 0;
            counter[14] = 0;
            counter[15] = 2;
            c.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counter));
            byte[] s = scratch(ctLen + FULL_TAG);
            c.doFinal(in, inOff, ctLen, s, 0);
            Cipher r = resealer;
            if (r == null) {
                r = resealer = cipher("AES/GCM/NoPadding");
            }
            try {
                sealFull(r, nonce, aad, aadOff, aadLen, s, 0, ctLen, s, 0);
            } catch (java.security.InvalidAlgorithmParameterException reuse) {
                // SunJCE refuses the same key and nonce twice in a row for encryption; step aside once.
                r.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, new byte[12]));
                sealFull(r, nonce, aad, aadOff, aadLen, s, 0, ctLen, s, 0);
            }
            boolean ok = org.jvpn.api.spi.crypto.ConstantTime.equals(s, ctLen, tag, 0, tagLength);
            if (!ok) {
                return -1;
            }
            c.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counter));
            return c.doFinal(in, inOff, ctLen, out, outOff);
        }

        private byte[] scratch(int n) {
            if (scratch.length < n) {
                scratch = new byte[Math.max(n, 2048)];
            }
            return scratch;
        }

        private static void checkTag(int tagLength) {
            if (tagLength < 4 || tagLength > 16) {
                throw new CryptoException("jca: AES-GCM tag length " + tagLength + " outside 4..16");
            }
        }

        @Override
        public void destroy() {
            Arrays.fill(keyCopy, (byte) 0);
            Arrays.fill(scratch, (byte) 0);
            keyCopy = new byte[0];
            key = new SecretKeySpec(new byte[16], "AES");
        }
    }

    /** CBC with no padding, plus ECB single blocks (for IV derivation). */
    static final class JcaCbc implements CbcCipher {
        private final BlockCipherAlgorithm algorithm;
        private final Cipher cbc;
        private @org.jspecify.annotations.Nullable Cipher ecb;
        private byte[] keyCopy;
        private SecretKeySpec key;
        private final String jcaName;
        private final byte[] ivBuf;

        JcaCbc(BlockCipherAlgorithm algorithm, byte[] key) {
            this.algorithm = algorithm;
            this.jcaName = algorithm == BlockCipherAlgorithm.AES_CBC ? "AES" : "DESede";
            this.cbc = cipher(jcaName + "/CBC/NoPadding");
            this.keyCopy = key.clone();
            this.key = new SecretKeySpec(keyCopy, jcaName);
            this.ivBuf = new byte[algorithm.blockSize()];
        }

        @Override
        public int blockSize() {
            return algorithm.blockSize();
        }

        @Override
        public void encrypt(byte[] iv, int ivOff, byte[] in, int inOff, int len, byte[] out, int outOff) {
            run(Cipher.ENCRYPT_MODE, iv, ivOff, in, inOff, len, out, outOff);
        }

        @Override
        public void decrypt(byte[] iv, int ivOff, byte[] in, int inOff, int len, byte[] out, int outOff) {
            run(Cipher.DECRYPT_MODE, iv, ivOff, in, inOff, len, out, outOff);
        }

        private void run(int mode, byte[] iv, int ivOff, byte[] in, int inOff, int len, byte[] out, int outOff) {
            int bs = ivBuf.length;
            if (len % bs != 0) {
                throw new CryptoException("jca: CBC length " + len + " is not a multiple of the block size " + bs);
            }
            try {
                cbc.init(mode, key, new IvParameterSpec(iv, ivOff, bs));
                cbc.doFinal(in, inOff, len, out, outOff);
            } catch (GeneralSecurityException e) {
                throw new CryptoException("jca: " + jcaName + "-CBC failed: " + e.getClass().getSimpleName(), e);
            }
        }

        @Override
        public void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
            try {
                Cipher c = ecb;
                if (c == null) {
                    c = ecb = cipher(jcaName + "/ECB/NoPadding");
                    c.init(Cipher.ENCRYPT_MODE, key);
                }
                c.doFinal(in, inOff, ivBuf.length, out, outOff);
            } catch (GeneralSecurityException e) {
                throw new CryptoException("jca: " + jcaName + " block encryption failed: " + e.getClass().getSimpleName(), e);
            }
        }

        @Override
        public void destroy() {
            Arrays.fill(keyCopy, (byte) 0);
            ecb = null;
        }
    }

    static final class JcaHmac implements Mac {
        private final javax.crypto.Mac mac;
        private final byte[] keyCopy;

        JcaHmac(HashAlgorithm hash, byte[] key) {
            // An empty HMAC key equals a single zero byte (both are zero-padded to the block length).
            this.keyCopy = key.length == 0 ? new byte[1] : key.clone();
            try {
                mac = javax.crypto.Mac.getInstance(hash.jcaHmacName());
                mac.init(new SecretKeySpec(keyCopy, hash.jcaHmacName()));
            } catch (GeneralSecurityException e) {
                throw new CryptoException("jca: " + hash.jcaHmacName() + " unavailable", e);
            }
        }

        @Override
        public int macLength() {
            return mac.getMacLength();
        }

        @Override
        public void update(byte[] in, int off, int len) {
            mac.update(in, off, len);
        }

        @Override
        public void doFinal(byte[] out, int outOff) {
            try {
                mac.doFinal(out, outOff);
            } catch (GeneralSecurityException e) {
                throw new CryptoException("jca: HMAC output does not fit at offset " + outOff, e);
            }
        }

        @Override
        public void reset() {
            mac.reset();
        }

        @Override
        public void destroy() {
            mac.reset();
            Arrays.fill(keyCopy, (byte) 0);
        }
    }

    static final class JcaDigest implements Digest {
        private final MessageDigest md;

        JcaDigest(HashAlgorithm hash) {
            try {
                md = MessageDigest.getInstance(hash.jcaName());
            } catch (NoSuchAlgorithmException e) {
                throw new CryptoException("jca: " + hash.jcaName() + " unavailable", e);
            }
        }

        @Override
        public int digestLength() {
            return md.getDigestLength();
        }

        @Override
        public void update(byte[] in, int off, int len) {
            md.update(in, off, len);
        }

        @Override
        public void doFinal(byte[] out, int outOff) {
            try {
                md.digest(out, outOff, md.getDigestLength());
            } catch (GeneralSecurityException e) {
                throw new CryptoException("jca: digest output does not fit at offset " + outOff, e);
            }
        }
    }
}
