package org.jvpn.bench.ike;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jvpn.api.spi.crypto.HashAlgorithm;
import org.jvpn.api.spi.crypto.Secret;
import org.jvpn.esp.crypto.CryptoBackends;
import org.jvpn.ike.keys.IsakmpKeys;
import org.jvpn.ike.keys.Prf;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SKEYID, SKEYID_d/a/e and the phase-1 key (AES-256, so SHA-1 needs the appendix B expansion) from a
 * pre-shared key, 2048-bit g^xy and 32-byte nonces, per PRF, with the default crypto back end.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SkeyidBenchmark {

    @Param({"SHA1", "SHA256", "SHA512"})
    public String hash;

    private Prf prf;
    private Secret psk;
    private Secret gxy;
    private byte[] ni;
    private byte[] nr;
    private byte[] ckyI;
    private byte[] ckyR;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(7);
        prf = new Prf(CryptoBackends.defaults(), HashAlgorithm.valueOf(hash));
        psk = Secret.wrap(bytes(r, 16));
        gxy = Secret.wrap(bytes(r, 256));
        ni = bytes(r, 32);
        nr = bytes(r, 32);
        ckyI = bytes(r, 8);
        ckyR = bytes(r, 8);
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt();
        }
        return b;
    }

    @Benchmark
    public int derivePsk() {
        try (IsakmpKeys keys = IsakmpKeys.derivePsk(prf, psk, ni, nr, gxy, ckyI, ckyR, 32)) {
            return keys.encryptionKey().unsafeBytes()[0];
        }
    }
}
