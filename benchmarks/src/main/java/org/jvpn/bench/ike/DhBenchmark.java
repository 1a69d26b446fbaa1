package org.jvpn.bench.ike;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.DHParameterSpec;
import org.jvpn.api.config.DhGroup;
import org.jvpn.api.spi.crypto.InvalidPublicValueException;
import org.jvpn.api.spi.crypto.RandomSource;
import org.jvpn.api.spi.crypto.Secret;
import org.jvpn.ike.keys.DhGroups;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Handshake Diffie-Hellman cost per IKE group, one side of an exchange: key pair generation
 * ({@code keyPair}) and key pair + shared secret ({@code exchange}) with {@link DhGroups}; and, for
 * MODP-2048 and P-256, the alternatives it was chosen over (JDK DH with its default exponent, SunEC).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DhBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DhBenchmark {

    @Param({"GROUP2", "GROUP14", "GROUP15", "GROUP16", "GROUP19", "GROUP20", "GROUP21"})
    public String group;

    private DhGroup dhGroup;
    private RandomSource random;
    private byte[] peerPublic;

    private DHParameterSpec modp2048;
    private KeyPairGenerator jdkDh;
    private KeyPair jdkDhPeer;
    private KeyPairGenerator sunEc;
    private KeyPair sunEcPeer;

    @Setup
    public void setup() throws Exception {
        dhGroup = DhGroup.valueOf(group);
        SplittableRandom r = new SplittableRandom(42);
        random = (out, off, len) -> {
            for (int i = 0; i < len; i++) {
                out[off + i] = (byte) r.nextInt();
            }
        };
        peerPublic = DhGroups.create(dhGroup, random).publicValue();

        BigInteger p = new BigInteger(1, modp2048Prime());
        modp2048 = new DHParameterSpec(p, BigInteger.TWO);
        jdkDh = KeyPairGenerator.getInstance("DH");
        jdkDh.initialize(modp2048);
        jdkDhPeer = jdkDh.generateKeyPair();
        sunEc = KeyPairGenerator.getInstance("EC", "SunEC");
        sunEc.initialize(new ECGenParameterSpec("secp256r1"));
        sunEcPeer = sunEc.generateKeyPair();
    }

    /** g^x for the group (the KE payload). */
    @Benchmark
    public byte[] keyPair() {
        return DhGroups.create(dhGroup, random).publicValue();
    }

    /** g^x and then g^xy from the peer's value: one side's whole DH cost in a handshake. */
    @Benchmark
    public int exchange() throws InvalidPublicValueException {
        org.jvpn.api.spi.crypto.KeyAgreement ka = DhGroups.create(dhGroup, random);
        byte[] pub = ka.publicValue();
        try (Secret s = ka.computeShared(peerPublic)) {
            ka.destroy();
            return pub.length + s.unsafeBytes()[0];
        }
    }

    /** Reference: JDK DH on MODP-2048 with the JDK's default private exponent length (independent of {@code group}). */
    @Benchmark
    public byte[] jdkDefaultModp2048Exchange() throws Exception {
        KeyPair kp = jdkDh.generateKeyPair();
        KeyAgreement ka = KeyAgreement.getInstance("DH");
        ka.init(kp.getPrivate());
        ka.doPhase(jdkDhPeer.getPublic(), true);
        return ka.generateSecret();
    }

    /** Reference: SunEC ECDH on P-256 (independent of {@code group}). */
    @Benchmark
    public byte[] sunEcP256Exchange() throws Exception {
        KeyPair kp = sunEc.generateKeyPair();
        KeyAgreement ka = KeyAgreement.getInstance("ECDH", "SunEC");
        ka.init(kp.getPrivate());
        ka.doPhase(sunEcPeer.getPublic(), true);
        return ka.generateSecret();
    }

    private static byte[] modp2048Prime() {
        // RFC 3526 section 3, the 2048-bit MODP prime
        String hex = "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
                + "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
                + "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05"
                + "98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB"
                + "9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
                + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718"
                + "3995497CEA956AE515D2261898FA051015728E5A8AACAA68FFFFFFFFFFFFFFFF";
        return new BigInteger(hex, 16).toByteArray();
    }
}
