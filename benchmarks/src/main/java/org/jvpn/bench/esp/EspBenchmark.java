package org.jvpn.bench.esp;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.Cidr;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.api.spi.crypto.Secret;
import org.jvpn.api.spi.dataplane.Direction;
import org.jvpn.api.spi.dataplane.LifetimeLimits;
import org.jvpn.api.spi.dataplane.PolicyConfig;
import org.jvpn.api.spi.dataplane.SaConfig;
import org.jvpn.api.spi.dataplane.SaKeys;
import org.jvpn.api.spi.io.PacketBuffer;
import org.jvpn.api.spi.time.Clock;
import org.jvpn.esp.EspDataplane;
import org.jvpn.esp.Verdict;
import org.jvpn.esp.crypto.CryptoBackends;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ESP encapsulation and decapsulation through {@link EspDataplane} (SPD lookup, framing, crypto, counters,
 * lifetimes; sender and sink are no-ops), one thread, per algorithm and inner packet size, against the
 * raw JDK cipher on the same bytes in the same run ({@code raw*}: the in-process limit: SunJCE with
 * {@code doFinal(in, off, len, out, off)} in place, plus {@code javax.crypto.Mac} for CBC suites, over as
 * many bytes as the ESP ciphertext: the inner packet plus padding and trailer).
 *
 * <p>Decapsulation runs with the replay window disabled so the same packet can be fed again; the window
 * itself is measured by {@link ReplayBenchmark}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EspBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EspBenchmark {

    @Param({"aes-128-gcm-16", "aes-256-gcm-16", "aes-128+sha1", "aes-256+sha256", "3des+sha1"})
    public String algorithm;

    @Param({"64", "512", "1400", "8192"})
    public int size;

    private static final InetSocketAddress LEFT = new InetSocketAddress("192.0.2.1", 4500);
    private static final InetSocketAddress RIGHT = new InetSocketAddress("198.51.100.1", 4500);
    private static final int HEAD = 128;

    private EspDataplane out;
    private EspDataplane in;
    private byte[] inner;
    private byte[] innerPadded;
    private byte[] wire;
    private PacketBuffer buf;

    // raw baseline
    private boolean gcm;
    private Cipher rawCipher;
    private Mac rawMac;
    private SecretKeySpec rawKey;
    private byte[] rawIv;
    private byte[] rawAad;
    private byte[] rawMacOut;
    private byte[] rawSealed;
    private int rawLen;
    private long counter;

    @Setup
    public void setup() throws Exception {
        SplittableRandom r = new SplittableRandom(7);
        RandomSource random = (b, off, len) -> {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) r.nextInt();
            }
        };
        Clock clock = new Clock() {
            @Override
            public long nanoTime() {
                return 0;
            }

            @Override
            public Instant wallTime() {
                return Instant.EPOCH;
            }
        };
        String[] parts = algorithm.split("\\+");
        EncryptionAlgorithm enc = EncryptionAlgorithm.fromApiName(parts[0]).orElseThrow();
        AuthAlgorithm auth = parts.length > 1 ? AuthAlgorithm.fromApiName(parts[1]).orElseThrow() : null;
        gcm = enc.isAead();
        byte[] ek = new byte[enc.keyLength() + (gcm ? 4 : 0)];
        random.nextBytes(ek, 0, ek.length);
        byte[] ak = auth == null ? null : random.nextBytes(auth.keyLength());

        byte[][] captured = new byte[1][];
        out = new EspDataplane(CryptoBackends.defaults(), clock, random, (l, rem, p) -> {
            if (captured[0] == null) {
                captured[0] = p.toByteArray();
            }
            return true;
        }, p -> true);
        in = new EspDataplane(CryptoBackends.defaults(), clock, random, (l, rem, p) -> true, p -> true);
        Cidr a = Cidr.parse("10.1.0.0/16");
        Cidr b = Cidr.parse("10.2.0.0/16");
        out.addPolicy(new PolicyConfig(1, a, b, 1));
        in.addPolicy(new PolicyConfig(1, b, a, 1));
        int spi = in.allocateSpi();
        in.addSa(new SaConfig(1, Direction.INBOUND, keys(spi, enc, ek, auth, ak), null, RIGHT, LEFT, 0, false, LifetimeLimits.NONE));
        out.addSa(new SaConfig(1, Direction.OUTBOUND, keys(spi, enc, ek, auth, ak), null, LEFT, RIGHT, 0, false,
                new LifetimeLimits(0, 0, 0, Long.MAX_VALUE, 0, Long.MAX_VALUE)));

        inner = new byte[size];
        random.nextBytes(inner, 0, size);
        inner[0] = 0x45;
        inner[2] = (byte) (size >>> 8);
        inner[3] = (byte) size;
        System.arraycopy(new byte[] {10, 1, 0, 5, 10, 2, 0, 7}, 0, inner, 12, 8);
        buf = PacketBuffer.allocate(HEAD + size + 256, HEAD);
        innerPadded = Arrays.copyOf(inner, size + 64);
        if (encapsulate() != Verdict.SENT) {
            throw new IllegalStateException("encapsulation failed");
        }
        wire = captured[0];
        if (decapsulate() != Verdict.DELIVERED) {
            throw new IllegalStateException("decapsulation failed: " + in.counters());
        }

        // The raw JDK cipher on the same bytes.
        rawAad = new byte[8];
        rawIv = new byte[gcm ? 12 : enc == EncryptionAlgorithm.DES3 ? 8 : 16];
        if (gcm) {
            rawCipher = Cipher.getInstance("AES/GCM/NoPadding");
            rawKey = new SecretKeySpec(ek, 0, enc.keyLength(), "AES");
            rawLen = (size + 2 + 3) / 4 * 4; // the ESP ciphertext length: payload, padding, trailer
        } else {
            String alg = enc == EncryptionAlgorithm.DES3 ? "DESede" : "AES";
            rawCipher = Cipher.getInstance(alg + "/CBC/NoPadding");
            rawKey = new SecretKeySpec(ek, alg);
            rawMac = Mac.getInstance(auth.hash().jcaHmacName());
            rawMac.init(new SecretKeySpec(ak, auth.hash().jcaHmacName()));
            rawMacOut = new byte[auth.hash().outputLength()];
            rawLen = (size + 2 + rawIv.length - 1) / rawIv.length * rawIv.length;
        }
        rawEncrypt();
        rawSealed = Arrays.copyOfRange(buf.array(), HEAD, HEAD + rawLen + (gcm ? 16 : 0));
        if (rawDecrypt() < 0) {
            throw new IllegalStateException("raw decryption failed");
        }
    }

    private static SaKeys keys(int spi, EncryptionAlgorithm enc, byte[] ek, AuthAlgorithm auth, byte[] ak) {
        return new SaKeys(spi, enc, Secret.copyOf(ek), auth, ak == null ? null : Secret.copyOf(ak));
    }

    @Benchmark
    public Verdict encapsulate() {
        System.arraycopy(inner, 0, buf.array(), HEAD, size);
        buf.set(HEAD, size);
        return out.outbound(buf);
    }

    @Benchmark
    public Verdict decapsulate() {
        System.arraycopy(wire, 0, buf.array(), HEAD, wire.length);
        buf.set(HEAD, wire.length);
        return in.inbound(LEFT, buf);
    }

    @Benchmark
    public int rawEncrypt() throws Exception {
        byte[] b = buf.array();
        System.arraycopy(innerPadded, 0, b, HEAD, rawLen);
        long c = ++counter;
        for (int i = 0; i < 8; i++) {
            rawIv[rawIv.length - 1 - i] = (byte) (c >>> (8 * i));
        }
        if (gcm) {
            rawCipher.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, rawIv));
            rawCipher.updateAAD(rawAad, 0, 8);
            return rawCipher.doFinal(b, HEAD, rawLen, b, HEAD);
        }
        rawCipher.init(Cipher.ENCRYPT_MODE, rawKey, new IvParameterSpec(rawIv));
        int n = rawCipher.doFinal(b, HEAD, rawLen, b, HEAD);
        rawMac.update(b, HEAD - 8 - rawIv.length, 8 + rawIv.length + rawLen);
        rawMac.doFinal(rawMacOut, 0);
        return n;
    }

    @Benchmark
    public int rawDecrypt() throws Exception {
        byte[] b = buf.array();
        System.arraycopy(rawSealed, 0, b, HEAD, rawSealed.length);
        if (gcm) {
            rawCipher.init(Cipher.DECRYPT_MODE, rawKey, new GCMParameterSpec(128, rawIv));
            rawCipher.updateAAD(rawAad, 0, 8);
            return rawCipher.doFinal(b, HEAD, rawSealed.length, b, HEAD);
        }
        rawMac.update(b, HEAD - 8 - rawIv.length, 8 + rawIv.length + rawLen);
        rawMac.doFinal(rawMacOut, 0);
        rawCipher.init(Cipher.DECRYPT_MODE, rawKey, new IvParameterSpec(rawIv));
        return rawCipher.doFinal(b, HEAD, rawLen, b, HEAD);
    }
}
