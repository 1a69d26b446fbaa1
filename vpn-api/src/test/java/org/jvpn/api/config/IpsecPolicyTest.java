package org.jvpn.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpsecPolicyTest {

    private static String message(Runnable r) {
        return assertThrows(ConfigException.class, r::run).getMessage();
    }

    @Test
    void defaults() {
        IpsecPolicy p = IpsecPolicy.builder("p1").build();
        assertEquals(TransformProtocol.ESP, p.transformProtocol());
        assertEquals(EncapsulationMode.TUNNEL, p.encapsulationMode());
        assertEquals(Optional.of(EncryptionAlgorithm.AES_128), p.encryptionAlgorithm());
        assertEquals(Optional.of(AuthAlgorithm.SHA256), p.authAlgorithm());
        assertEquals(Optional.of(DhGroup.GROUP14), p.pfs());
        assertEquals(Duration.ofSeconds(3600), p.lifetime());
        assertEquals(OptionalLong.empty(), p.lifetimeKilobytes());
        assertEquals(List.of(), p.warnings());
        assertEquals("aes128-sha256-modp2048", p.toProposal());
        assertTrue(p.usesEsp());
        assertEquals(Optional.of(AuthAlgorithm.SHA256), p.espAuthAlgorithm());
        assertEquals(Optional.empty(), p.ahAuthAlgorithm());
    }

    @Test
    void defaultsFollowTheTransformProtocolAndCipher() {
        IpsecPolicy ah = IpsecPolicy.builder("ah").transformProtocol("ah").build();
        assertEquals(Optional.empty(), ah.encryptionAlgorithm());
        assertEquals(Optional.of(AuthAlgorithm.SHA256), ah.authAlgorithm());
        assertEquals(Optional.of(AuthAlgorithm.SHA256), ah.ahAuthAlgorithm());
        assertEquals(Optional.empty(), ah.espAuthAlgorithm());
        assertEquals("sha256-modp2048", ah.toProposal());

        IpsecPolicy gcm = IpsecPolicy.builder("gcm").encryptionAlgorithm("aes-256-gcm-16").build();
        assertEquals(Optional.empty(), gcm.authAlgorithm());
        assertEquals("aes256gcm16-modp2048", gcm.toProposal());

        IpsecPolicy ahEsp = IpsecPolicy.builder("both").transformProtocol(TransformProtocol.AH_ESP).build();
        assertEquals(Optional.of(EncryptionAlgorithm.AES_128), ahEsp.encryptionAlgorithm());
        assertEquals(Optional.of(AuthAlgorithm.SHA256), ahEsp.espAuthAlgorithm());
        assertEquals(Optional.of(AuthAlgorithm.SHA256), ahEsp.ahAuthAlgorithm());

        IpsecPolicy ahEspGcm = IpsecPolicy.builder("both").transformProtocol("ah-esp")
                .encryptionAlgorithm("aes-128-gcm-16").build();
        assertEquals(Optional.of(AuthAlgorithm.SHA256), ahEspGcm.ahAuthAlgorithm());
        assertEquals(Optional.empty(), ahEspGcm.espAuthAlgorithm());
    }

    @Test
    void settersTakeApiStringsAndTypedValues() {
        IpsecPolicy a = IpsecPolicy.builder("p1").transformProtocol("esp").encapsulationMode("tunnel")
                .encryptionAlgorithm("aes-256").authAlgorithm("sha384").pfs("group20").lifetime(1800)
                .lifetimeKilobytes(4_000_000).build();
        IpsecPolicy b = IpsecPolicy.builder("p1").transformProtocol(TransformProtocol.ESP)
                .encapsulationMode(EncapsulationMode.TUNNEL).encryptionAlgorithm(EncryptionAlgorithm.AES_256)
                .authAlgorithm(AuthAlgorithm.SHA384).pfs(DhGroup.GROUP20).lifetime(Duration.ofMinutes(30))
                .lifetimeKilobytes(4_000_000).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(OptionalLong.of(4_000_000), a.lifetimeKilobytes());
        assertEquals(Optional.empty(), IpsecPolicy.builder("p").pfs("none").build().pfs());
        assertEquals(Optional.empty(), IpsecPolicy.builder("p").pfs("group5").noPfs().build().pfs());
        assertEquals(OptionalLong.empty(), a.toBuilder().noLifetimeKilobytes().build().lifetimeKilobytes());
    }

    @Test
    void refusesTransportModeAndUnknownValues() {
        assertEquals("IpsecPolicy 'p1': encapsulationMode 'transport' is not supported; supported: tunnel",
                message(() -> IpsecPolicy.builder("p1").encapsulationMode("transport")));
        assertEquals("IpsecPolicy 'p1': encapsulationMode 'transport' is not supported; supported: tunnel",
                message(() -> IpsecPolicy.builder("p1").encapsulationMode(EncapsulationMode.TRANSPORT)));
        assertEquals("IpsecPolicy 'p1': transformProtocol 'gre' is not supported; supported: esp, ah, ah-esp",
                message(() -> IpsecPolicy.builder("p1").transformProtocol("gre")));
        assertEquals("IpsecPolicy 'p1': encryptionAlgorithm 'aes-128-ccm' is not supported; supported: none, 3des, "
                + "aes-128, aes-192, aes-256, aes-128-gcm-8, aes-128-gcm-12, aes-128-gcm-16, aes-192-gcm-8, aes-192-gcm-12, "
                + "aes-192-gcm-16, aes-256-gcm-8, aes-256-gcm-12, aes-256-gcm-16",
                message(() -> IpsecPolicy.builder("p1").encryptionAlgorithm("aes-128-ccm")));
        assertEquals("IpsecPolicy 'p1': authAlgorithm 'md5' is not supported; supported: none, sha1, sha256, sha384, sha512",
                message(() -> IpsecPolicy.builder("p1").authAlgorithm("md5")));
        assertEquals("IpsecPolicy 'p1': pfs 'group22' is not supported; supported: none, group1, group2, group5, group14, "
                + "group15, group16, group17, group18, group19, group20, group21",
                message(() -> IpsecPolicy.builder("p1").pfs("group22")));
        assertEquals("IpsecPolicy 'p1': lifetime '30s' is out of range; expected 60..2147483647 seconds",
                message(() -> IpsecPolicy.builder("p1").lifetime(30)));
        assertEquals("IpsecPolicy 'p1': lifetimeKilobytes '0' is out of range; expected at least 1 (or no limit)",
                message(() -> IpsecPolicy.builder("p1").lifetimeKilobytes(0)));
    }

    @Test
    void crossChecksAlgorithmsAgainstTheProtocol() {
        assertEquals("IpsecPolicy 'p1': authAlgorithm 'sha256' is not allowed with encryptionAlgorithm 'aes-128-gcm-16' "
                + "(GCM already authenticates); supported: none",
                message(() -> IpsecPolicy.builder("p1").encryptionAlgorithm("aes-128-gcm-16").authAlgorithm("sha256").build()));
        assertEquals("IpsecPolicy 'p1': encryptionAlgorithm 'aes-128' is not allowed with transformProtocol 'ah' (AH does "
                + "not encrypt); supported: none",
                message(() -> IpsecPolicy.builder("p1").transformProtocol("ah").encryptionAlgorithm("aes-128").build()));
        assertEquals("IpsecPolicy 'p1': authAlgorithm 'none' is not allowed with transformProtocol 'ah' (AH needs an "
                + "integrity algorithm); supported: sha1, sha256, sha384, sha512",
                message(() -> IpsecPolicy.builder("p1").transformProtocol("ah").authAlgorithm("none").build()));
        assertEquals("IpsecPolicy 'p1': authAlgorithm 'none' is not allowed with transformProtocol 'ah-esp' (AH needs an "
                + "integrity algorithm); supported: sha1, sha256, sha384, sha512",
                message(() -> IpsecPolicy.builder("p1").transformProtocol("ah-esp").encryptionAlgorithm("aes-128-gcm-16")
                        .noAuthAlgorithm().build()));
        assertEquals("IpsecPolicy 'p1': encryptionAlgorithm 'none' is not allowed with transformProtocol 'esp'; supported: "
                + "3des, aes-128, aes-192, aes-256, aes-128-gcm-8, aes-128-gcm-12, aes-128-gcm-16, aes-192-gcm-8, "
                + "aes-192-gcm-12, aes-192-gcm-16, aes-256-gcm-8, aes-256-gcm-12, aes-256-gcm-16",
                message(() -> IpsecPolicy.builder("p1").encryptionAlgorithm("none").build()));
        assertEquals("IpsecPolicy 'p1': authAlgorithm 'none' is not allowed with encryptionAlgorithm 'aes-256' (a CBC "
                + "cipher needs an integrity algorithm); supported: sha1, sha256, sha384, sha512",
                message(() -> IpsecPolicy.builder("p1").encryptionAlgorithm("aes-256").authAlgorithm("none").build()));
        // explicitly none with ah is fine, as is GCM with auth none
        assertEquals(Optional.empty(), IpsecPolicy.builder("p1").transformProtocol("ah").encryptionAlgorithm("none").build()
                .encryptionAlgorithm());
        assertEquals(Optional.empty(), IpsecPolicy.builder("p1").encryptionAlgorithm("aes-192-gcm-12").authAlgorithm("none")
                .build().authAlgorithm());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aes128gcm16-modp2048", "aes128-sha1", "3des-sha1-modp1024", "aes256-sha384-ecp384",
        "aes256gcm16-ecp384", "aes192gcm12", "aes128gcm8-modp3072", "aes256-sha512-ecp521", "aes192-sha256-modp1536"})
    void espProposalRoundTrips(String proposal) {
        IpsecPolicy p = IpsecPolicy.fromProposal(proposal);
        assertEquals(proposal, p.toProposal());
        assertEquals(proposal, p.name());
        assertEquals(TransformProtocol.ESP, p.transformProtocol());
    }

    @Test
    void proposalsMeanWhatStrongSwanMeans() {
        IpsecPolicy gcm = IpsecPolicy.fromProposal("aes128gcm16-modp2048");
        assertEquals(Optional.of(EncryptionAlgorithm.AES_128_GCM_16), gcm.encryptionAlgorithm());
        assertEquals(Optional.empty(), gcm.authAlgorithm());
        assertEquals(Optional.of(DhGroup.GROUP14), gcm.pfs());
        IpsecPolicy noPfs = IpsecPolicy.fromProposal("p", "aes128-sha1");
        assertEquals(Optional.empty(), noPfs.pfs());
        assertEquals(Optional.of(AuthAlgorithm.SHA1), noPfs.authAlgorithm());
        IpsecPolicy ecp = IpsecPolicy.fromProposal("aes256gcm16-ecp384");
        assertEquals(Optional.of(DhGroup.GROUP20), ecp.pfs());

        IpsecPolicy ah = IpsecPolicy.fromAhProposal("sha256");
        assertEquals(TransformProtocol.AH, ah.transformProtocol());
        assertEquals(Optional.empty(), ah.pfs());
        assertEquals("sha256", ah.toProposal());
        assertEquals("sha512-ecp256", IpsecPolicy.fromAhProposal("sha512-ecp256").toProposal());
        IpsecPolicy ah2 = IpsecPolicy.builder("ah2").transformProtocol("ah").proposal("sha384-modp2048").build();
        assertEquals(Optional.of(AuthAlgorithm.SHA384), ah2.authAlgorithm());

        IpsecPolicy both = IpsecPolicy.builder("b").transformProtocol("ah-esp").proposal("aes256-sha256-modp2048").build();
        assertEquals("aes256-sha256-modp2048", both.toProposal());

        assertEquals("IpsecPolicy 'p': authAlgorithm 'sha256' is not allowed with encryptionAlgorithm 'aes-128-gcm-16' "
                + "(GCM already authenticates); supported: none",
                message(() -> IpsecPolicy.fromProposal("p", "aes128gcm16-sha256")));
        assertTrue(message(() -> IpsecPolicy.fromAhProposal("aes128-sha256")).contains("not allowed with transformProtocol 'ah'"));
        String m = message(() -> IpsecPolicy.fromProposal("p", "aes128-sha256-esn"));
        assertTrue(m.startsWith("IpsecPolicy 'p': proposal 'aes128-sha256-esn' has unknown token 'esn'; supported: "
                + "encryption 3des, aes128, aes192, aes256, aes128gcm8, aes128gcm12, aes128gcm16, "), m);
    }

    @Test
    void warnsAboutWeakChoices() {
        assertEquals(List.of(
                "IpsecPolicy 'p': encryptionAlgorithm '3des' is a weak legacy choice (64-bit block cipher); accepted for "
                        + "interoperability, prefer aes-128 or stronger",
                "IpsecPolicy 'p': authAlgorithm 'sha1' is a weak legacy choice (SHA-1 is deprecated); accepted for "
                        + "interoperability, prefer sha256 or stronger",
                "IpsecPolicy 'p': pfs 'group5' is a weak legacy choice (1536-bit MODP group); accepted for "
                        + "interoperability, prefer group14 or stronger"),
                IpsecPolicy.fromProposal("p", "3des-sha1-modp1536").warnings());
        assertEquals(List.of("IpsecPolicy 'g': encryptionAlgorithm 'aes-256-gcm-8' is a weak legacy choice (64-bit ICV); "
                + "accepted for interoperability, prefer a 16-byte ICV (-gcm-16)"),
                IpsecPolicy.builder("g").encryptionAlgorithm("aes-256-gcm-8").build().warnings());
        assertEquals(List.of(), IpsecPolicy.builder("g").encryptionAlgorithm("aes-256-gcm-12").noPfs().build().warnings());
    }

    @Test
    void equalsHashCodeToStringAndToBuilder() {
        IpsecPolicy a = IpsecPolicy.builder("p1").encryptionAlgorithm("aes-128-gcm-16").lifetimeKilobytes(1000).build();
        assertEquals(a, a.toBuilder().build());
        assertEquals(a.hashCode(), a.toBuilder().build().hashCode());
        assertNotEquals(a, a.toBuilder().noPfs().build());
        assertNotEquals(a, a.toBuilder().lifetimeKilobytes(1001).build());
        assertEquals("IpsecPolicy[name=p1, transformProtocol=esp, encapsulationMode=tunnel, encryptionAlgorithm="
                + "aes-128-gcm-16, authAlgorithm=none, pfs=group14, lifetime=3600s, lifetimeKilobytes=1000]", a.toString());
        // toBuilder keeps the resolved algorithms explicit
        IpsecPolicy ah = IpsecPolicy.builder("ah").transformProtocol("ah").build();
        assertEquals(ah, ah.toBuilder().build());
    }
}
