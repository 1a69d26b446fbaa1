package org.jvpn.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IkePolicyTest {

    private static String message(Runnable r) {
        return assertThrows(ConfigException.class, r::run).getMessage();
    }

    @Test
    void defaults() {
        IkePolicy p = IkePolicy.builder("ike1").build();
        assertEquals("ike1", p.name());
        assertTrue(p.description().isEmpty());
        assertEquals(IkeVersion.V1, p.ikeVersion());
        assertEquals(Phase1Mode.MAIN, p.phase1Mode());
        assertEquals(AuthAlgorithm.SHA256, p.authAlgorithm());
        assertEquals(EncryptionAlgorithm.AES_128, p.encryptionAlgorithm());
        assertEquals(DhGroup.GROUP14, p.dhGroup());
        assertEquals(Duration.ofSeconds(3600), p.lifetime());
        assertEquals(List.of(), p.warnings());
        assertEquals("aes128-sha256-modp2048", p.toProposal());
    }

    @Test
    void settersTakeApiStringsAndTypedValues() {
        IkePolicy a = IkePolicy.builder("ike1").description("to HQ").ikeVersion("v1").phase1Mode("main")
                .authAlgorithm("sha512").encryptionAlgorithm("aes-256").dhGroup("group21").lifetime(28800).build();
        IkePolicy b = IkePolicy.builder("ike1").description("to HQ").ikeVersion(IkeVersion.V1).phase1Mode(Phase1Mode.MAIN)
                .authAlgorithm(AuthAlgorithm.SHA512).encryptionAlgorithm(EncryptionAlgorithm.AES_256)
                .dhGroup(DhGroup.GROUP21).lifetime(Duration.ofHours(8)).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("to HQ", a.description().orElseThrow());
        assertEquals(DhGroup.GROUP14, IkePolicy.builder("x").dhGroup("14").build().dhGroup());
        assertEquals(EncryptionAlgorithm.AES_192, IkePolicy.builder("x").encryptionAlgorithm(" AES-192 ").build()
                .encryptionAlgorithm());
    }

    @Test
    void refusesIkeV2AndAggressiveMode() {
        assertEquals("IkePolicy 'ike1': ikeVersion 'v2' is not supported yet; supported: v1",
                message(() -> IkePolicy.builder("ike1").ikeVersion("v2")));
        assertEquals("IkePolicy 'ike1': ikeVersion 'v2' is not supported yet; supported: v1",
                message(() -> IkePolicy.builder("ike1").ikeVersion(IkeVersion.V2)));
        assertEquals("IkePolicy 'ike1': ikeVersion 'v3' is not supported; supported: v1",
                message(() -> IkePolicy.builder("ike1").ikeVersion("v3")));
        assertEquals("IkePolicy 'ike1': phase1Mode 'aggressive' is not supported (it exposes a PSK-keyed hash to "
                + "offline guessing); supported: main", message(() -> IkePolicy.builder("ike1").phase1Mode("aggressive")));
    }

    @Test
    void refusesUnknownAndAeadAlgorithms() {
        assertEquals("IkePolicy 'ike1': encryptionAlgorithm 'aes-128-gcm-16' is not supported in IKE policies (IKEv1 has "
                + "no AEAD ciphers); supported: 3des, aes-128, aes-192, aes-256",
                message(() -> IkePolicy.builder("ike1").encryptionAlgorithm("aes-128-gcm-16")));
        assertEquals("IkePolicy 'ike1': encryptionAlgorithm 'blowfish' is not supported; supported: 3des, aes-128, "
                + "aes-192, aes-256", message(() -> IkePolicy.builder("ike1").encryptionAlgorithm("blowfish")));
        assertEquals("IkePolicy 'ike1': authAlgorithm 'md5' is not supported; supported: sha1, sha256, sha384, sha512",
                message(() -> IkePolicy.builder("ike1").authAlgorithm("md5")));
        assertEquals("IkePolicy 'ike1': dhGroup 'group24' is not supported; supported: group1, group2, group5, group14, "
                + "group15, group16, group17, group18, group19, group20, group21",
                message(() -> IkePolicy.builder("ike1").dhGroup("group24")));
    }

    @Test
    void lifetimeRange() {
        assertEquals(Duration.ofSeconds(60), IkePolicy.builder("x").lifetime(60).build().lifetime());
        assertEquals("IkePolicy 'ike1': lifetime '59s' is out of range; expected 60..2147483647 seconds",
                message(() -> IkePolicy.builder("ike1").lifetime(59)));
        assertEquals("IkePolicy 'ike1': lifetime 'PT1M0.5S' is not a whole number of seconds; expected 60..2147483647 seconds",
                message(() -> IkePolicy.builder("ike1").lifetime(Duration.ofMillis(60500))));
        assertEquals("IkePolicy 'ike1': lifetime '2147483648s' is out of range; expected 60..2147483647 seconds",
                message(() -> IkePolicy.builder("ike1").lifetime(2147483648L)));
    }

    @Test
    void exceptionCarriesItsParts() {
        ConfigException e = assertThrows(ConfigException.class, () -> IkePolicy.builder("ike1").dhGroup("group3"));
        assertEquals("IkePolicy", e.resource());
        assertEquals("ike1", e.resourceName().orElseThrow());
        assertEquals("dhGroup", e.field());
        assertEquals("group3", e.value().orElseThrow());
        assertTrue(e instanceof IllegalArgumentException);
    }

    @Test
    void nameAndDescriptionLimits() {
        assertEquals("IkePolicy '': name '' is empty; expected 1..255 characters", message(() -> IkePolicy.builder("")));
        assertTrue(message(() -> IkePolicy.builder("x").description("d".repeat(256)))
                .startsWith("IkePolicy 'x': description 'dddddddddddddddddddd...' is 256 characters long"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aes256-sha256-modp2048", "3des-sha1-modp1024", "aes256-sha384-ecp384", "aes128-sha512-ecp521",
        "aes192-sha256-modp8192", "aes128-sha1-modp768", "aes256-sha256-ecp256"})
    void proposalRoundTrips(String proposal) {
        IkePolicy p = IkePolicy.fromProposal(proposal);
        assertEquals(proposal, p.toProposal());
        assertEquals(proposal, p.name());
    }

    @Test
    void proposalSetsAlgorithms() {
        IkePolicy p = IkePolicy.fromProposal("ike1", "aes256-sha256-modp2048");
        assertEquals(EncryptionAlgorithm.AES_256, p.encryptionAlgorithm());
        assertEquals(AuthAlgorithm.SHA256, p.authAlgorithm());
        assertEquals(DhGroup.GROUP14, p.dhGroup());
        IkePolicy q = IkePolicy.fromProposal("3des-sha1-modp1024");
        assertEquals(EncryptionAlgorithm.DES3, q.encryptionAlgorithm());
        assertEquals(DhGroup.GROUP2, q.dhGroup());
        // strongSwan aliases are read, the canonical form is printed
        assertEquals("aes128-sha1-modp2048", IkePolicy.fromProposal("AES-SHA-modp2048").toProposal());
        assertEquals("aes256-sha256-modp2048", IkePolicy.fromProposal("aes256-sha2_256-modp2048").toProposal());
        // builder form keeps other settings
        IkePolicy r = IkePolicy.builder("r").lifetime(7200).proposal("aes256-sha384-ecp384").build();
        assertEquals(Duration.ofSeconds(7200), r.lifetime());
        assertEquals(DhGroup.GROUP20, r.dhGroup());
    }

    @Test
    void proposalErrorsNameTheTokenAndTheAllowedOnes() {
        String m = message(() -> IkePolicy.fromProposal("ike1", "aes256-md5-modp2048"));
        assertTrue(m.startsWith("IkePolicy 'ike1': proposal 'aes256-md5-modp2048' has unknown token 'md5'; supported: "
                + "encryption 3des, aes128, aes192, aes256; integrity sha1, sha256, sha384, sha512; DH groups modp768, "), m);
        assertTrue(m.endsWith("ecp521"), m);
        assertTrue(message(() -> IkePolicy.fromProposal("ike1", "aes128gcm16-sha256-modp2048"))
                .contains("unknown token 'aes128gcm16'"));
        assertEquals("IkePolicy 'ike1': proposal 'aes256-sha256' has no DH group; expected one of modp768, modp1024, "
                + "modp1536, modp2048, modp3072, modp4096, modp6144, modp8192, ecp256, ecp384, ecp521",
                message(() -> IkePolicy.fromProposal("ike1", "aes256-sha256")));
        assertEquals("IkePolicy 'ike1': proposal 'sha256-modp2048' has no encryption algorithm; expected one of 3des, "
                + "aes128, aes192, aes256", message(() -> IkePolicy.fromProposal("ike1", "sha256-modp2048")));
        assertEquals("IkePolicy 'ike1': proposal 'aes256-modp2048' has no integrity algorithm; expected one of sha1, "
                + "sha256, sha384, sha512", message(() -> IkePolicy.fromProposal("ike1", "aes256-modp2048")));
        assertEquals("IkePolicy 'ike1': proposal 'aes256-aes128-sha1-modp2048' has two encryption algorithms; expected "
                + "at most one", message(() -> IkePolicy.fromProposal("ike1", "aes256-aes128-sha1-modp2048")));
        assertTrue(message(() -> IkePolicy.fromProposal("ike1", "")).contains("is empty"));
    }

    @Test
    void warnsAboutWeakChoices() {
        IkePolicy p = IkePolicy.fromProposal("legacy", "3des-sha1-modp1024");
        assertEquals(List.of(
                "IkePolicy 'legacy': encryptionAlgorithm '3des' is a weak legacy choice (64-bit block cipher); accepted for "
                        + "interoperability, prefer aes-128 or stronger",
                "IkePolicy 'legacy': authAlgorithm 'sha1' is a weak legacy choice (SHA-1 is deprecated); accepted for "
                        + "interoperability, prefer sha256 or stronger",
                "IkePolicy 'legacy': dhGroup 'group2' is a weak legacy choice (1024-bit MODP group); accepted for "
                        + "interoperability, prefer group14 or stronger"), p.warnings());
        assertEquals(1, IkePolicy.builder("g1").dhGroup("group1").build().warnings().size());
        assertEquals(1, IkePolicy.builder("g5").dhGroup("group5").build().warnings().size());
        assertEquals(List.of(), IkePolicy.fromProposal("aes256-sha256-ecp384").warnings());
    }

    @Test
    void equalsHashCodeToStringAndToBuilder() {
        IkePolicy a = IkePolicy.builder("ike1").dhGroup("group19").build();
        IkePolicy b = a.toBuilder().build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.toBuilder().lifetime(3601).build());
        assertNotEquals(a, a.toBuilder().name("ike2").build());
        assertNotEquals(a, a.toBuilder().description("x").build());
        assertEquals("IkePolicy[name=ike1, ikeVersion=v1, phase1Mode=main, authAlgorithm=sha256, encryptionAlgorithm=aes-128, "
                + "dhGroup=group19, lifetime=3600s]", a.toString());
    }

    @Test
    void enumsRoundTripApiNames() {
        for (IkeVersion v : IkeVersion.values()) {
            assertEquals(v, IkeVersion.fromApiName(v.apiName()).orElseThrow());
            assertEquals(v.apiName(), v.toString());
        }
        for (Phase1Mode v : Phase1Mode.values()) {
            assertEquals(v, Phase1Mode.fromApiName(v.toString()).orElseThrow());
        }
        for (TransformProtocol v : TransformProtocol.values()) {
            assertEquals(v, TransformProtocol.fromApiName(v.toString()).orElseThrow());
        }
        for (EncapsulationMode v : EncapsulationMode.values()) {
            assertEquals(v, EncapsulationMode.fromApiName(v.toString()).orElseThrow());
        }
        for (DpdAction v : DpdAction.values()) {
            assertEquals(v, DpdAction.fromApiName(v.toString()).orElseThrow());
        }
        for (InitiatorMode v : InitiatorMode.values()) {
            assertEquals(v, InitiatorMode.fromApiName(v.toString()).orElseThrow());
        }
        assertEquals("ah-esp", TransformProtocol.AH_ESP.apiName());
        assertEquals("bi-directional", InitiatorMode.BI_DIRECTIONAL.toString());
        assertEquals("response-only", InitiatorMode.RESPONSE_ONLY.apiName());
        assertEquals(InitiatorMode.RESPONSE_ONLY, InitiatorMode.fromApiName("RESPONSE_ONLY").orElseThrow());
        assertTrue(DpdAction.fromApiName("sometimes").isEmpty());
    }
}
