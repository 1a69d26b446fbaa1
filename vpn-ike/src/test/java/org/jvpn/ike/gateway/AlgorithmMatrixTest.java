package org.jvpn.ike.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvpn.api.IkeSaInfo;
import org.jvpn.api.IpsecSaInfo;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.DhGroup;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.api.config.TransformProtocol;
import org.jvpn.testkit.inner.Pinger;
import org.jvpn.testkit.junit.TestArtifacts;
import org.jvpn.testkit.junit.VpnTest;

/**
 * Every IkePolicy x IpsecPolicy algorithm jvpn offers brings a tunnel up between two jvpn gateways and
 * carries pings both ways: IKE ciphers x hashes x DH groups (2, 14, 19, 20 in full product; every other
 * group once), ESP CBC ciphers x integrity, every ESP GCM variant, AH with each hash, AH+ESP, PFS off and
 * on with every group (MODP-8192 once: it is slow).
 */
@VpnTest
class AlgorithmMatrixTest {

    private static final int PINGS = 3;
    private static final IpsecPolicy DEFAULT_ESP = IpsecPolicy.fromProposal("aes128-sha256");
    private static final IkePolicy FAST_IKE = IkePolicy.fromProposal("aes128-sha256-ecp256");

    static Stream<Arguments> ikeSuites() {
        List<Arguments> out = new ArrayList<>();
        EncryptionAlgorithm[] ciphers = {EncryptionAlgorithm.DES3, EncryptionAlgorithm.AES_128, EncryptionAlgorithm.AES_192,
                EncryptionAlgorithm.AES_256};
        DhGroup[] groups = {DhGroup.GROUP2, DhGroup.GROUP14, DhGroup.GROUP19, DhGroup.GROUP20};
        for (EncryptionAlgorithm enc : ciphers) {
            for (AuthAlgorithm auth : AuthAlgorithm.values()) {
                for (DhGroup g : groups) {
                    out.add(Arguments.of(ike(enc, auth, g)));
                }
            }
        }
        // Every other group once (MODP-8192 is in the PFS case below).
        out.add(Arguments.of(ike(EncryptionAlgorithm.AES_128, AuthAlgorithm.SHA1, DhGroup.GROUP1)));
        out.add(Arguments.of(ike(EncryptionAlgorithm.DES3, AuthAlgorithm.SHA1, DhGroup.GROUP5)));
        out.add(Arguments.of(ike(EncryptionAlgorithm.AES_256, AuthAlgorithm.SHA256, DhGroup.GROUP15)));
        out.add(Arguments.of(ike(EncryptionAlgorithm.AES_256, AuthAlgorithm.SHA384, DhGroup.GROUP16)));
        out.add(Arguments.of(ike(EncryptionAlgorithm.AES_256, AuthAlgorithm.SHA512, DhGroup.GROUP17)));
        out.add(Arguments.of(ike(EncryptionAlgorithm.AES_256, AuthAlgorithm.SHA512, DhGroup.GROUP21)));
        return out.stream();
    }

    static Stream<Arguments> ipsecSuites() {
        List<Arguments> out = new ArrayList<>();
        // PFS groups cycle through every group (none included); MODP-8192 once, separately.
        DhGroup[] pfsCycle = {null, DhGroup.GROUP2, DhGroup.GROUP14, DhGroup.GROUP19, DhGroup.GROUP20, DhGroup.GROUP1,
                DhGroup.GROUP5, DhGroup.GROUP15, DhGroup.GROUP16, DhGroup.GROUP17, DhGroup.GROUP21};
        int i = 0;
        for (EncryptionAlgorithm enc : EncryptionAlgorithm.values()) {
            if (enc.isAead()) {
                out.add(Arguments.of(esp(enc, null, pfsCycle[i++ % pfsCycle.length])));
            } else {
                for (AuthAlgorithm auth : AuthAlgorithm.values()) {
                    out.add(Arguments.of(esp(enc, auth, pfsCycle[i++ % pfsCycle.length])));
                }
            }
        }
        for (AuthAlgorithm auth : AuthAlgorithm.values()) {
            IpsecPolicy.Builder b = IpsecPolicy.builder("ah-" + auth.apiName()).transformProtocol(TransformProtocol.AH)
                    .noEncryption().authAlgorithm(auth);
            DhGroup g = pfsCycle[i++ % pfsCycle.length];
            out.add(Arguments.of((g == null ? b.noPfs() : b.pfs(g)).build()));
        }
        EncryptionAlgorithm[] inner = {EncryptionAlgorithm.DES3, EncryptionAlgorithm.AES_128, EncryptionAlgorithm.AES_256,
                EncryptionAlgorithm.AES_256_GCM_16};
        for (int k = 0; k < AuthAlgorithm.values().length; k++) {
            AuthAlgorithm auth = AuthAlgorithm.values()[k];
            IpsecPolicy.Builder b = IpsecPolicy.builder("ah-esp-" + inner[k].apiName() + "-" + auth.apiName())
                    .transformProtocol(TransformProtocol.AH_ESP).encryptionAlgorithm(inner[k]).authAlgorithm(auth);
            DhGroup g = pfsCycle[i++ % pfsCycle.length];
            out.add(Arguments.of((g == null ? b.noPfs() : b.pfs(g)).build()));
        }
        return out.stream();
    }

    private static IkePolicy ike(EncryptionAlgorithm enc, AuthAlgorithm auth, DhGroup g) {
        return IkePolicy.builder("ike").encryptionAlgorithm(enc).authAlgorithm(auth).dhGroup(g).build();
    }

    private static IpsecPolicy esp(EncryptionAlgorithm enc, AuthAlgorithm auth, DhGroup pfs) {
        IpsecPolicy.Builder b = IpsecPolicy.builder("esp").transformProtocol(TransformProtocol.ESP).encryptionAlgorithm(enc);
        b = auth == null ? b.noAuthAlgorithm() : b.authAlgorithm(auth);
        return (pfs == null ? b.noPfs() : b.pfs(pfs)).build();
    }

    @ParameterizedTest(name = "IKE {0}")
    @MethodSource("ikeSuites")
    void ikeSuite(IkePolicy ike, TestArtifacts world) {
        tunnel(world, ike, DEFAULT_ESP);
    }

    @ParameterizedTest(name = "IPsec {0}")
    @MethodSource("ipsecSuites")
    void ipsecSuite(IpsecPolicy ipsec, TestArtifacts world) {
        tunnel(world, FAST_IKE, ipsec);
    }

    @org.junit.jupiter.api.Test
    void modp8192ForIkeAndPfs(TestArtifacts world) {
        tunnel(world, IkePolicy.fromProposal("aes256-sha512-modp8192"), IpsecPolicy.fromProposal("aes256gcm16-modp8192"));
    }

    private static void tunnel(TestArtifacts world, IkePolicy ike, IpsecPolicy ipsec) {
        Sites s = Sites.create(world, ike, ipsec);
        s.start();
        assertTrue(s.awaitUp(Duration.ofSeconds(10)), () -> "not up: " + s.describe());
        Pinger[] p = s.pingBothWays(PINGS);
        assertEquals(PINGS, p[0].stats().received(), () -> "A->B " + p[0].summary() + " " + s.describe());
        assertEquals(PINGS, p[1].stats().received(), () -> "B->A " + p[1].summary() + " " + s.describe());
        IkeSaInfo ikeA = s.handleA().ikeSa().orElseThrow();
        IkeSaInfo ikeB = s.handleB().ikeSa().orElseThrow();
        assertEquals(ike.toProposal(), ikeA.algorithms());
        assertEquals(ike.toProposal(), ikeB.algorithms());
        assertEquals(ikeA.initiatorCookie(), ikeB.initiatorCookie());
        List<IpsecSaInfo> sasA = s.handleA().ipsecSas();
        List<IpsecSaInfo> sasB = s.handleB().ipsecSas();
        assertEquals(1, sasA.size(), sasA::toString);
        assertEquals(1, sasB.size(), sasB::toString);
        IpsecSaInfo a = sasA.get(0);
        IpsecSaInfo b = sasB.get(0);
        assertEquals(ipsec.transformProtocol().apiName(), a.protocol());
        assertEquals(a.inboundSpi(), b.outboundSpi());
        assertEquals(a.outboundSpi(), b.inboundSpi());
        assertTrue(a.packetsOut() >= 2L * PINGS && a.packetsIn() >= 2L * PINGS, a::toString);
        assertTrue(s.handleA().stats().packetsIn() >= 2L * PINGS);
    }
}
