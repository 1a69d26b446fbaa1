package org.jvpn.esp.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
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
 * The Bouncy Castle back end, on BC's low-level API ({@code org.bouncycastle.crypto}); no JCA provider
 * is registered. Offers AES-CCM besides everything the JCA back end does.
 */
public final class BcCryptoBackend implements CryptoBackend {

    public BcCryptoBackend() {}

    @Override
    public String name() {
        return "bc";
    }

    @Override
    public boolean supports(AeadAlgorithm algorithm, int keyLengthBytes) {
        return JcaCryptoBackend.isAesKey(keyLengthBytes);
    }

    @Override
    public boolean supports(BlockCipherAlgorithm algorithm, int keyLengthBytes) {
        return algorithm == BlockCipherAlgorithm.AES_CBC ? JcaCryptoBackend.isAesKey(keyLengthBytes) : keyLengthBytes == 24;
    }

    @Override
    public boolean supports(HashAlgorithm algorithm) {
        return true;
    }

    @Override
    public AeadCipher aead(AeadAlgorithm algorithm, byte[] key) {
        if (!supports(algorithm, key.length)) {
            throw new CryptoException("bc: " + algorithm + " with a " + key.length + "-byte key is not supported (expected 16, 24 or 32 bytes)");
        }
        return new BcAead(algorithm, key);
    }

    @Override
    public CbcCipher cbc(BlockCipherAlgorithm algorithm, byte[] key) {
        if (!supports(algorithm, key.length)) {
            throw new CryptoException("bc: " + algorithm + " with a " + key.length + "-byte key is not supported");
        }
        return new BcCbc(algorithm, key);
    }

    @Override
    public Mac hmac(HashAlgorithm hash, byte[] key) {
        return new BcHmac(hash, key);
    }

    @Override
    public Digest digest(HashAlgorithm hash) {
        return new BcDigest(newDigest(hash));
    }

    static org.bouncycastle.crypto.Digest newDigest(HashAlgorithm hash) {
        switch (hash) {
            case MD5: return new MD5Digest();
            case SHA1: return new SHA1Digest();
            case SHA256: return new SHA256Digest();
            case SHA384: return new SHA384Digest();
            case SHA512: return new SHA512Digest();
            default: throw new CryptoException("bc: no digest " + hash);
        }
    }

    static final class BcAead implements AeadCipher {
        private final AEADBlockCipher cipher;
        private final byte[] keyBytes;
        private final KeyParameter key;

        BcAead(AeadAlgorithm algorithm, byte[] key) {
            this.cipher = algorithm == AeadAlgorithm.AES_GCM
                    ? GCMBlockCipher.newInstance(AESEngine.newInstance())
                    : CCMBlockCipher.newInstance(AESEngine.newInstance());
            this.keyBytes = key.clone();
            this.key = new KeyParameter(keyBytes);
        }

        @Override
        public int seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int len,
                        byte[] out, int outOff, int tagLength) {
            try {
                cipher.init(true, new AEADParameters(key, tagLength * 8, nonce));
                cipher.processAADBytes(aad, aadOff, aadLen);
                int n = cipher.processBytes(in, inOff, len, out, outOff);
                return n + cipher.doFinal(out, outOff + n);
            } catch (InvalidCipherTextException | IllegalArgumentException | IllegalStateException e) {
                throw new CryptoException("bc: AEAD seal failed: " + e.getClass().getSimpleName(), e);
            }
        }

        @Override
        public int open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int len,
                        byte[] out, int outOff, int tagLength) {
            if (len < tagLength) {
                return -1;
            }
            try {
                cipher.init(false, new AEADParameters(key, tagLength * 8, nonce));
                cipher.processAADBytes(aad, aadOff, aadLen);
                int n = cipher.processBytes(in, inOff, len, out, outOff);
                return n + cipher.doFinal(out, outOff + n);
            } catch (InvalidCipherTextException e) {
                return -1;
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new CryptoException("bc: AEAD open failed: " + e.getClass().getSimpleName(), e);
            }
        }

        @Override
        public void destroy() {
            Arrays.fill(keyBytes, (byte) 0);
            cipher.reset();
        }
    }

    static final class BcCbc implements CbcCipher {
        private final BlockCipher engine;
        private final BlockCipher ecb;
        private final CBCBlockCipher cbc;
        private final byte[] keyBytes;
        private final KeyParameter key;
        private final byte[] ivBuf;
        private boolean ecbReady;

        BcCbc(BlockCipherAlgorithm algorithm, byte[] key) {
            boolean aes = algorithm == BlockCipherAlgorithm.AES_CBC;
            this.engine = aes ? AESEngine.newInstance() : new DESedeEngine();
            this.ecb = aes ? AESEngine.newInstance() : new DESedeEngine();
            this.cbc = (CBCBlockCipher) CBCBlockCipher.newInstance(engine);
            this.keyBytes = key.clone();
            this.key = new KeyParameter(keyBytes);
            this.ivBuf = new byte[algorithm.blockSize()];
        }

        @Override
        public int blockSize() {
            return ivBuf.length;
        }

        @Override
        public void encrypt(byte[] iv, int ivOff, byte[] in, int inOff, int len, byte[] out, int outOff) {
            run(true, iv, ivOff, in, inOff, len, out, outOff);
        }

        @Override
        public void decrypt(byte[] iv, int ivOff, byte[] in, int inOff, int len, byte[] out, int outOff) {
            run(false, iv, ivOff, in, inOff, len, out, outOff);
        }

        private void run(boolean encrypt, byte[] iv, int ivOff, byte[] in, int inOff, int len, byte[] out, int outOff) {
            int bs = ivBuf.length;
            if (len % bs != 0) {
                throw new CryptoException("bc: CBC length " + len + " is not a multiple of the block size " + bs);
            }
            System.arraycopy(iv, ivOff, ivBuf, 0, bs);
            cbc.init(encrypt, new ParametersWithIV(key, ivBuf));
            for (int i = 0; i < len; i += bs) {
                cbc.processBlock(in, inOff + i, out, outOff + i);
            }
        }

        @Override
        public void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
            if (!ecbReady) {
                ecb.init(true, key);
                ecbReady = true;
            }
            ecb.processBlock(in, inOff, out, outOff);
        }

        @Override
        public void destroy() {
            Arrays.fill(keyBytes, (byte) 0);
            Arrays.fill(ivBuf, (byte) 0);
            cbc.reset();
        }
    }

    static final class BcHmac implements Mac {
        private final HMac mac;

        BcHmac(HashAlgorithm hash, byte[] key) {
            mac = new HMac(newDigest(hash));
            byte[] k = key.clone();
            mac.init(new KeyParameter(k));
            Arrays.fill(k, (byte) 0);
        }

        @Override
        public int macLength() {
            return mac.getMacSize();
        }

        @Override
        public void update(byte[] in, int off, int len) {
            mac.update(in, off, len);
        }

        @Override
        public void doFinal(byte[] out, int outOff) {
            mac.doFinal(out, outOff);
        }

        @Override
        public void reset() {
            mac.reset();
        }

        @Override
        public void destroy() {
            // HMac keeps only the padded-key states; re-keying with zeros overwrites them.
            mac.init(new KeyParameter(new byte[1]));
        }
    }

    static final class BcDigest implements Digest {
        private final org.bouncycastle.crypto.Digest d;

        BcDigest(org.bouncycastle.crypto.Digest d) {
            this.d = d;
        }

        @Override
        public int digestLength() {
            return d.getDigestSize();
        }

        @Override
        public void update(byte[] in, int off, int len) {
            d.update(in, off, len);
        }

        @Override
        public void doFinal(byte[] out, int outOff) {
            d.doFinal(out, outOff);
        }
    }
}
