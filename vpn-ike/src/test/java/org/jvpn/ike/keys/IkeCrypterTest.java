package org.jvpn.ike.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.api.spi.crypto.Secret;

/** Message encryption and the IV chains: both peers stay in step; bad or replayed messages change nothing. */
class IkeCrypterTest {

    private static final byte[] GXI = TestData.seeded(31).nextBytes(128);
    private static final byte[] GXR = TestData.seeded(32).nextBytes(128);

    private static IkeCrypter crypter(EncryptionAlgorithm enc, byte[] key) {
        try (Secret k = Secret.copyOf(key)) {
            return IkeCrypter.create(TestData.BACKEND, enc, HashAlgorithm.SHA1, k, GXI, GXR);
        }
    }

    private static byte[] body(int seed, int len) {
        return TestData.seeded(seed).nextBytes(len);
    }

    /** Sends {@code plain} from a to b on {@code mid} and checks b decrypts it (plus zero padding); b confirms. */
    private static void exchange(IkeCrypter a, IkeCrypter b, int mid, byte[] plain) throws DecryptException {
        byte[] ct = a.encrypt(mid, plain);
        assertEquals(a.encryptedLength(plain.length), ct.length);
        byte[] pt = b.decrypt(mid, ct, 0, ct.length);
        assertArrayEquals(plain, Arrays.copyOf(pt, plain.length));
        for (int i = plain.length; i < pt.length; i++) {
            assertEquals(0, pt[i], "zero padding");
        }
        b.confirm(mid);
        assertArrayEquals(a.currentIv(mid), b.currentIv(mid), "chains in step after mid " + mid);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = EncryptionAlgorithm.class, names = {"DES3", "AES_128", "AES_192", "AES_256"})
    void peersStayInStep(EncryptionAlgorithm enc) throws Exception {
        byte[] key = TestData.seeded(33).nextBytes(enc.keyLength());
        IkeCrypter i = crypter(enc, key);
        IkeCrypter r = crypter(enc, key);
        assertEquals(enc.blockSize(), i.blockSize());
        byte[] hash = TestData.BACKEND.digest(HashAlgorithm.SHA1).digest(GXI, GXR);
        assertArrayEquals(Arrays.copyOf(hash, enc.blockSize()), i.currentIv(0), "hash(g^xi | g^xr) truncated");
        /* HDR*, IDii, HASH_I --> */
        exchange(i, r, 0, body(1, 37));
        /* <-- HDR*, IDir, HASH_R */
        exchange(r, i, 0, body(2, 48));
        // quick mode and an informational exchange interleaved, each with its own chain
        int qm = 0x259cf133;
        int info = 0x2bed2854;
        byte[] p1 = i.currentIv(0);
        byte[] qmIv = Arrays.copyOf(TestData.BACKEND.digest(HashAlgorithm.SHA1).digest(p1,
                new byte[] {0x25, (byte) 0x9c, (byte) 0xf1, 0x33}), enc.blockSize());
        assertArrayEquals(qmIv, i.currentIv(qm), "hash(last phase-1 block | M-ID)");
        exchange(i, r, qm, body(3, 100));
        exchange(r, i, info, body(4, 20));
        exchange(r, i, qm, body(5, 64));
        exchange(i, r, qm, body(6, 24));
        assertArrayEquals(p1, r.currentIv(0), "phase-1 chain untouched by phase 2");
        i.forget(qm);
        assertArrayEquals(qmIv, i.currentIv(qm), "a forgotten M-ID starts again from the phase-1 IV");
        i.destroy();
        r.destroy();
    }

    @Test
    void matchesPlainJcaCbc() throws Exception {
        byte[] key = TestData.seeded(34).nextBytes(32);
        IkeCrypter c = crypter(EncryptionAlgorithm.AES_256, key);
        byte[] iv = c.currentIv(0);
        byte[] plain = body(7, 64);
        byte[] ct = c.encrypt(0, plain);
        Cipher jca = Cipher.getInstance("AES/CBC/NoPadding");
        jca.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        assertArrayEquals(jca.doFinal(plain), ct);
        assertArrayEquals(Arrays.copyOfRange(ct, 48, 64), c.currentIv(0), "next IV = last ciphertext block");
    }

    @Test
    void badOrReplayedMessagesDoNotMoveTheChain() throws Exception {
        byte[] key = TestData.seeded(35).nextBytes(16);
        IkeCrypter i = crypter(EncryptionAlgorithm.AES_128, key);
        IkeCrypter r = crypter(EncryptionAlgorithm.AES_128, key);
        byte[] mm5 = i.encrypt(0, body(8, 40));
        byte[] before = r.currentIv(0);

        // wrong length: typed error, nothing changes
        assertThrows(DecryptException.class, () -> r.decrypt(0, mm5, 0, mm5.length - 1));
        assertThrows(DecryptException.class, () -> r.decrypt(0, mm5, 0, 0));
        assertArrayEquals(before, r.currentIv(0));

        // a corrupted copy decrypts to garbage; the engine's HASH check fails, it never confirms
        byte[] bad = mm5.clone();
        bad[bad.length - 1] ^= 0x55;
        r.decrypt(0, bad, 0, bad.length);
        assertArrayEquals(before, r.currentIv(0));

        // the genuine message still decrypts and is confirmed
        byte[] pt = r.decrypt(0, mm5, 0, mm5.length);
        assertArrayEquals(body(8, 40), Arrays.copyOf(pt, 40));
        r.confirm(0);
        assertThrows(IllegalStateException.class, () -> r.confirm(0), "confirm twice");

        byte[] mm6 = r.encrypt(0, body(9, 30));
        // the initiator retransmits MM5 (MM6 was "lost"): the responder would resend its cached MM6; if it
        // does decrypt the duplicate, the result is garbage and its chain stays where it is
        byte[] afterMm6 = r.currentIv(0);
        byte[] dup = r.decrypt(0, mm5, 0, mm5.length);
        assertFalse(Arrays.equals(body(8, 40), Arrays.copyOf(dup, 40)));
        assertArrayEquals(afterMm6, r.currentIv(0));

        // the initiator gets MM6 and both sides derive the same quick mode IV
        i.decrypt(0, mm6, 0, mm6.length);
        i.confirm(0);
        assertArrayEquals(r.currentIv(7), i.currentIv(7));
    }

    @Test
    void unverifiedMessageIdsCreateNoState() throws Exception {
        byte[] key = TestData.seeded(36).nextBytes(16);
        IkeCrypter r = crypter(EncryptionAlgorithm.AES_128, key);
        for (int mid = 1; mid <= 100; mid++) {
            r.decrypt(mid, new byte[32], 0, 32);
        }
        assertTrue(r.toString().contains("0 exchange IVs"), r.toString());
        assertThrows(IllegalStateException.class, () -> r.confirm(5), "only the last decrypted message is pending");
        r.confirm(100);
        assertTrue(r.toString().contains("1 exchange IVs"), r.toString());
    }

    @Test
    void leastRecentlyUsedExchangesAreForgotten() {
        byte[] key = TestData.seeded(37).nextBytes(16);
        IkeCrypter c = crypter(EncryptionAlgorithm.AES_128, key);
        byte[] initial1 = c.currentIv(1);
        for (int mid = 1; mid <= IkeCrypter.DEFAULT_MAX_EXCHANGES + 1; mid++) {
            c.encrypt(mid, new byte[16]);
        }
        assertArrayEquals(initial1, c.currentIv(1), "mid 1 was evicted");
        assertFalse(Arrays.equals(c.currentIv(2), initial1));
    }

    @Test
    void wholeMessages() throws Exception {
        byte[] key = TestData.seeded(38).nextBytes(16);
        IkeCrypter i = crypter(EncryptionAlgorithm.AES_128, key);
        IkeCrypter r = crypter(EncryptionAlgorithm.AES_128, key);
        byte[] header = new byte[28];
        header[17] = 0x10;
        header[18] = 2;
        header[19] = 1;
        byte[] msg = i.encryptMessage(0, header, body(10, 17));
        assertEquals(28 + 32, msg.length);
        assertEquals(60, msg[27]);
        assertArrayEquals(body(10, 17), Arrays.copyOf(r.decryptMessage(0, msg), 17));

        byte[] trailing = Arrays.copyOf(msg, msg.length + 5);
        assertArrayEquals(body(10, 17), Arrays.copyOf(r.decryptMessage(0, trailing), 17), "bytes past the length ignored");
        byte[] longer = msg.clone();
        longer[27] = 61;
        assertThrows(DecryptException.class, () -> r.decryptMessage(0, longer));
        assertThrows(DecryptException.class, () -> r.decryptMessage(0, new byte[20]));
        assertThrows(IllegalArgumentException.class, () -> i.encryptMessage(0, new byte[27], new byte[1]));
    }

    @Test
    void refusesWrongAlgorithmsAndKeys() {
        try (Secret k = Secret.copyOf(new byte[16]); Secret k24 = Secret.copyOf(new byte[24])) {
            assertThrows(IllegalArgumentException.class, () -> IkeCrypter.create(TestData.BACKEND,
                    EncryptionAlgorithm.AES_128_GCM_16, HashAlgorithm.SHA1, k, GXI, GXR));
            assertThrows(IllegalArgumentException.class, () -> IkeCrypter.create(TestData.BACKEND,
                    EncryptionAlgorithm.AES_256, HashAlgorithm.SHA1, k, GXI, GXR));
            IkeCrypter c = IkeCrypter.create(TestData.BACKEND, EncryptionAlgorithm.DES3, HashAlgorithm.MD5, k24, GXI, GXR);
            assertEquals(8, c.blockSize());
            assertEquals(16, c.encryptedLength(9));
            assertEquals(8, c.encryptedLength(8));
            assertFalse(c.toString().contains("00000000"));
        }
    }
}
