package org.jvpn.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jvpn.api.config.AuthAlgorithm;
import org.jvpn.api.config.DhGroup;
import org.jvpn.api.config.DpdAction;
import org.jvpn.api.config.EncryptionAlgorithm;
import org.jvpn.api.config.InitiatorMode;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.config.PeerId;
import org.jvpn.cli.Main;
import org.jvpn.testkit.ip.IpPackets;

class ConfigFileTest {

    static final String PSK = "interop-test-psk-0123456789";

    /** A minimal valid document; {@code %s} placeholders are not used, tests edit it by string replacement. */
    static final String MINIMAL = """
            {
              "ikepolicies": [{"name": "ike1"}],
              "ipsecpolicies": [{"name": "esp1"}],
              "vpnservice": {"name": "svc", "local_address": "198.51.100.2", "subnets": ["203.0.113.128/25"]},
              "ipsec_site_connections": [{"name": "c1", "ikepolicy": "ike1", "ipsecpolicy": "esp1",
                  "peer_address": "198.51.100.1", "peer_cidrs": ["203.0.113.0/25"], "psk": "PSKVALUE"}],
              "jvpn": {"inner_hosts": ["203.0.113.130"]}
            }
            """.replace("PSKVALUE", PSK);

    @Test
    void theInteropExampleMatchesTheSharedEnvironment() throws Exception {
        ConfigFile f = ConfigFile.read(Path.of("examples", "strongswan-interop.json"));
        assertEquals("198.51.100.2", f.gateway().service().localAddress().getHostAddress());
        assertEquals("[203.0.113.128/25]", f.gateway().service().localSubnets().toString());
        IpsecSiteConnection c = f.gateway().connections().get(0);
        assertEquals("to-strongswan", c.name());
        assertEquals("198.51.100.1", c.peerAddress());
        assertEquals(PeerId.parse("198.51.100.1"), c.peerId());
        assertEquals("[203.0.113.0/25]", c.peerCidrs().toString());
        assertTrue(c.psk().equals(org.jvpn.api.config.PreSharedKey.of(PSK)));
        assertEquals("aes256-sha256-modp2048", c.ikePolicy().toProposal());
        assertEquals("aes128gcm16-modp2048", c.ipsecPolicy().toProposal());
        assertEquals(EncryptionAlgorithm.AES_256, c.ikePolicy().encryptionAlgorithm());
        assertEquals(AuthAlgorithm.SHA256, c.ikePolicy().authAlgorithm());
        assertEquals(DhGroup.GROUP14, c.ikePolicy().dhGroup());
        assertEquals(Duration.ofSeconds(3600), c.ipsecPolicy().lifetime());
        assertEquals(DpdAction.RESTART, c.dpd().action());
        assertEquals(Duration.ofSeconds(10), c.dpd().interval());
        assertEquals(Duration.ofSeconds(30), c.dpd().timeout());
        assertEquals(InitiatorMode.BI_DIRECTIONAL, c.initiator());
        assertEquals(List.of(IpPackets.address("203.0.113.130")), f.settings().innerHosts());
        assertEquals(7, f.settings().udpEchoPort());
        assertEquals(500, f.settings().ikePort());
        assertEquals(4500, f.settings().nattPort());
        assertNull(f.settings().keyLogDir());
    }

    @Test
    void loopbackExamplesAreValidAndMirrorEachOther() throws Exception {
        ConfigFile a = ConfigFile.read(Path.of("examples", "loopback-site-a.json"));
        ConfigFile b = ConfigFile.read(Path.of("examples", "loopback-site-b.json"));
        IpsecSiteConnection ca = a.gateway().connections().get(0);
        IpsecSiteConnection cb = b.gateway().connections().get(0);
        assertEquals(ca.localCidrs(), cb.peerCidrs());
        assertEquals(cb.localCidrs(), ca.peerCidrs());
        assertEquals(InitiatorMode.RESPONSE_ONLY, cb.initiator());
        assertEquals(15500, a.settings().ikePort());
        assertEquals(14500, b.settings().nattPort());
    }

    @Test
    void defaultsAndAliases() throws Exception {
        String doc = MINIMAL.replace("\"local_address\"", "\"external_v4_ip\"").replace("\"subnets\"", "\"local_cidrs\"")
                .replace("\"inner_hosts\": [\"203.0.113.130\"]",
                        "\"inner_hosts\": [\"203.0.113.130\"], \"ike_port\": 15500, \"natt_port\": 14500, "
                                + "\"udp_echo_port\": 0, \"key_log_dir\": \"keys\"");
        ConfigFile f = ConfigFile.parse("t.json", doc);
        IpsecSiteConnection c = f.gateway().connections().get(0);
        assertEquals(EncryptionAlgorithm.AES_128, c.ikePolicy().encryptionAlgorithm());
        assertEquals(InitiatorMode.BI_DIRECTIONAL, c.initiator());
        assertEquals(1500, c.mtu());
        assertEquals(15500, f.settings().ikePort());
        assertEquals(14500, f.settings().nattPort());
        assertEquals(0, f.settings().udpEchoPort());
        assertEquals(Path.of("keys"), f.settings().keyLogDir());
    }

    @Test
    void kilobyteLifetimesAndBareSecondsForIpsec() throws Exception {
        String doc = MINIMAL.replace("{\"name\": \"esp1\"}",
                "{\"name\": \"esp1\", \"lifetime\": {\"units\": \"kilobytes\", \"value\": 100000}}")
                .replace("{\"name\": \"ike1\"}", "{\"name\": \"ike1\", \"lifetime\": 7200}");
        ConfigFile f = ConfigFile.parse("t.json", doc);
        assertEquals(100000, f.gateway().connections().get(0).ipsecPolicy().lifetimeKilobytes().getAsLong());
        assertEquals(Duration.ofSeconds(7200), f.gateway().connections().get(0).ikePolicy().lifetime());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top key | "jvpn": {|"jvpm": {"x": 1}, "jvpn": {|$.jvpm: unknown key 'jvpm'; allowed keys: ikepolicies, ipsecpolicies, vpnservice, ipsec_site_connections, jvpn
            unknown policy key | {"name": "ike1"}|{"name": "ike1", "encryption": "aes-256"}|$.ikepolicies[0].encryption: unknown key 'encryption'; allowed keys: name, description, auth_algorithm, encryption_algorithm, phase1_negotiation_mode, ike_version, pfs, lifetime
            model violation | {"name": "esp1"}|{"name": "esp1", "encapsulation_mode": "transport"}|$.ipsecpolicies[0].encapsulation_mode: IpsecPolicy 'esp1': encapsulationMode 'transport' is not supported; supported: tunnel
            bad algorithm | {"name": "ike1"}|{"name": "ike1", "encryption_algorithm": "aes-999"}|$.ikepolicies[0].encryption_algorithm: IkePolicy 'ike1': encryptionAlgorithm 'aes-999'
            ike v2 refused | {"name": "ike1"}|{"name": "ike1", "ike_version": "v2"}|$.ikepolicies[0].ike_version: IkePolicy 'ike1': ikeVersion 'v2'
            wrong type | "psk":|"mtu": "big", "psk":|$.ipsec_site_connections[0].mtu: expected an integer, got the string "big"
            lifetime units | {"name": "ike1"}|{"name": "ike1", "lifetime": {"units": "kilobytes", "value": 10}}|$.ikepolicies[0].lifetime.units: units 'kilobytes' is not supported for an IKE policy; supported: seconds
            missing peer | "peer_address": "198.51.100.1",|"peer": "198.51.100.1",|$.ipsec_site_connections[0].peer: unknown key 'peer'; allowed keys: name, description, vpnservice, ikepolicy, ipsecpolicy
            unknown policy ref | "ikepolicy": "ike1"|"ikepolicy": "ike9"|$.ipsec_site_connections[0].ikepolicy: no IKE policy named 'ike9'; defined: ike1
            dpd cross check | "psk":|"dpd": {"interval": 30, "timeout": 10}, "psk":|$.ipsec_site_connections[0]: IpsecSiteConnection 'c1': dpd
            dpd unknown key | "psk":|"dpd": {"interval": 30, "delay": 10}, "psk":|$.ipsec_site_connections[0].dpd.delay: unknown key 'delay'; allowed keys: action, interval, timeout
            bad cidr | ["203.0.113.0/25"]|["203.0.113.0/33"]|$.ipsec_site_connections[0].peer_cidrs:
            overlapping cidrs | ["203.0.113.0/25"]|["203.0.113.128/26"]|$.ipsec_site_connections[0]: IpsecSiteConnection 'c1'
            inner host outside | "inner_hosts": ["203.0.113.130"]|"inner_hosts": ["10.0.0.1"]|$.jvpn.inner_hosts[0]: inner host 10.0.0.1 is not in the VPN service's local subnets [203.0.113.128/25]
            inner host not ip | "inner_hosts": ["203.0.113.130"]|"inner_hosts": ["host.example"]|$.jvpn.inner_hosts[0]: 'host.example' is not an IP address literal
            no inner hosts | "jvpn": {"inner_hosts": ["203.0.113.130"]}|"jvpn": {"udp_echo_port": 7}|$.jvpn.inner_hosts: is required
            ports equal | "inner_hosts": ["203.0.113.130"]|"inner_hosts": ["203.0.113.130"], "ike_port": 4500|$.jvpn.natt_port: must differ from ike_port 4500
            port range | "inner_hosts": ["203.0.113.130"]|"inner_hosts": ["203.0.113.130"], "ike_port": 70000|$.jvpn.ike_port: value 70000 is out of range; expected 1..65535
            two aliases | "local_address": "198.51.100.2",|"local_address": "198.51.100.2", "external_v4_ip": "198.51.100.2",|$.vpnservice.external_v4_ip: give only one of local_address, external_v4_ip, external_v6_ip
            no address | "local_address": "198.51.100.2",|"name2": 1,|$.vpnservice.name2: unknown key 'name2'
            missing service address | "local_address": "198.51.100.2",|"description": "d",|$.vpnservice.local_address: is required
            duplicate key | "name": "svc",|"name": "svc", "name": "svc2",|$: not valid JSON at line
            trailing garbage | "jvpn": {|"jvpn": {} } { "jvpn": {|$: not valid JSON
            duplicate policy | [{"name": "ike1"}]|[{"name": "ike1"}, {"name": "ike1"}]|$.ikepolicies[1].name: duplicate IKE policy name 'ike1'
            no connections | "ipsec_site_connections": [|"ipsec_site_connections": [], "x": [|$.x: unknown key
            service ref | "name": "c1",|"name": "c1", "vpnservice": "other",|$.ipsec_site_connections[0].vpnservice: refers to VPN service 'other', but the file defines only 'svc'
            """)
    void errorsNameThePathAndTheProblem(String label, String from, String to, String expected) {
        assertTrue(MINIMAL.contains(from), () -> label + ": test text not found: " + from);
        String doc = MINIMAL.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFile.parse("t.json", doc), label);
        assertTrue(e.getMessage().startsWith("t.json: " + expected), () -> label + ": got: " + e.getMessage());
        assertFalse(e.getMessage().contains(PSK), "the PSK leaked: " + e.getMessage());
    }

    @Test
    void pskOfTheWrongTypeIsNotEchoed() {
        String doc = MINIMAL.replace("\"" + PSK + "\"", "123456789");
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFile.parse("t.json", doc));
        assertEquals("t.json: $.ipsec_site_connections[0].psk: expected a string", e.getMessage());
    }

    @Test
    void emptyPskIsRefusedWithoutItsValue() {
        String doc = MINIMAL.replace("\"" + PSK + "\"", "\"\"");
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFile.parse("t.json", doc));
        assertTrue(e.getMessage().startsWith("t.json: $.ipsec_site_connections[0].psk: IpsecSiteConnection 'c1': psk"),
                e.getMessage());
    }

    @Test
    void missingFileAndEmptyFile(@TempDir Path dir) throws Exception {
        ConfigFileException missing = assertThrows(ConfigFileException.class, () -> ConfigFile.read(dir.resolve("nope.json")));
        assertTrue(missing.getMessage().endsWith("nope.json: $: no such file"), missing.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFile.read(empty));
        assertTrue(e.getMessage().contains("$: the file is empty"), e.getMessage());
    }

    @Test
    void runExitsWith2OnABadFile(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), MINIMAL.replace("\"ike1\"}", "\"ike1\", \"colour\": 1}"));
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        int rc;
        try {
            rc = Main.execute("run", bad.toString());
        } finally {
            System.setErr(err);
        }
        assertEquals(Main.EXIT_CONFIG, rc);
        String text = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("$.ikepolicies[0].colour: unknown key 'colour'"), text);
    }

    @Test
    void checkAcceptsTheExample() {
        assertEquals(0, Main.execute("run", "--check", Path.of("examples", "strongswan-interop.json").toString()));
    }
}
