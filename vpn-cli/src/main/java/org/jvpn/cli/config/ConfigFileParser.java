package org.jvpn.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.InetAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.jvpn.api.config.ConfigException;
import org.jvpn.api.config.GatewayConfig;
import org.jvpn.api.config.IkePolicy;
import org.jvpn.api.config.IpsecPolicy;
import org.jvpn.api.config.IpsecSiteConnection;
import org.jvpn.api.config.VpnService;
import org.jvpn.testkit.ip.IpPackets;

/** Reads the JSON document into the configuration model, naming the JSON path of every problem. */
final class ConfigFileParser {

    static final List<String> TOP_KEYS = List.of("ikepolicies", "ipsecpolicies", "vpnservice", "ipsec_site_connections", "jvpn");
    static final List<String> IKE_KEYS = List.of("name", "description", "auth_algorithm", "encryption_algorithm",
            "phase1_negotiation_mode", "ike_version", "pfs", "lifetime");
    static final List<String> IPSEC_KEYS = List.of("name", "description", "transform_protocol", "encapsulation_mode",
            "auth_algorithm", "encryption_algorithm", "pfs", "lifetime");
    static final List<String> LIFETIME_KEYS = List.of("units", "value");
    static final List<String> SERVICE_KEYS = List.of("name", "description", "local_address", "external_v4_ip",
            "external_v6_ip", "subnets", "local_cidrs", "router_id", "admin_state_up");
    static final List<String> CONNECTION_KEYS = List.of("name", "description", "vpnservice", "ikepolicy", "ipsecpolicy",
            "peer_address", "peer_id", "local_id", "peer_cidrs", "local_cidrs", "psk", "mtu", "initiator", "dpd",
            "admin_state_up");
    static final List<String> DPD_KEYS = List.of("action", "interval", "timeout");
    static final List<String> JVPN_KEYS = List.of("inner_hosts", "udp_echo_port", "ike_port", "natt_port", "key_log_dir");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String source;

    ConfigFileParser(String source) {
        this.source = source;
    }

    ConfigFile parse(String text) throws ConfigFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new ConfigFileException(source, "$", "not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigFileException(source, "$", "the file is empty; expected an object with keys "
                    + String.join(", ", TOP_KEYS));
        }
        Node top = new Node(source, "$", root).object(TOP_KEYS);
        Map<String, IkePolicy> ike = new LinkedHashMap<>();
        for (Node n : top.require("ikepolicies").elements()) {
            IkePolicy p = ikePolicy(n);
            if (ike.putIfAbsent(p.name(), p) != null) {
                throw n.child("name").fail("duplicate IKE policy name '" + p.name() + "'");
            }
        }
        Map<String, IpsecPolicy> ipsec = new LinkedHashMap<>();
        for (Node n : top.require("ipsecpolicies").elements()) {
            IpsecPolicy p = ipsecPolicy(n);
            if (ipsec.putIfAbsent(p.name(), p) != null) {
                throw n.child("name").fail("duplicate IPsec policy name '" + p.name() + "'");
            }
        }
        Node svcNode = top.require("vpnservice");
        VpnService service = service(svcNode);
        Node connsNode = top.require("ipsec_site_connections");
        List<Node> connNodes = connsNode.elements();
        if (connNodes.isEmpty()) {
            throw connsNode.fail("expected at least one connection");
        }
        GatewayConfig.Builder gw = GatewayConfig.builder(service);
        for (Node n : connNodes) {
            IpsecSiteConnection c = connection(n, service, ike, ipsec);
            try {
                gw.addConnection(c);
            } catch (ConfigException e) {
                throw n.fail(e.getMessage());
            }
        }
        GatewayConfig config;
        try {
            config = gw.build();
        } catch (ConfigException e) {
            throw connsNode.fail(e.getMessage());
        }
        JvpnSettings settings = settings(top, service);
        return new ConfigFile(config, settings);
    }

    private IkePolicy ikePolicy(Node n) throws ConfigFileException {
        n.object(IKE_KEYS);
        IkePolicy.Builder b;
        try {
            b = IkePolicy.builder(n.require("name").text());
        } catch (ConfigException e) {
            throw n.child("name").fail(e.getMessage());
        }
        if (n.has("description")) {
            n.child("description").apply(n.child("description").text(), b::description);
        }
        text(n, "auth_algorithm", b::authAlgorithm);
        text(n, "encryption_algorithm", b::encryptionAlgorithm);
        text(n, "phase1_negotiation_mode", b::phase1Mode);
        text(n, "ike_version", b::ikeVersion);
        text(n, "pfs", b::dhGroup);
        if (n.has("lifetime")) {
            Node lt = n.child("lifetime");
            Lifetime l = lifetime(lt);
            if (!l.units.equals("seconds")) {
                throw lt.child("units").fail("units '" + l.units + "' is not supported for an IKE policy; supported: seconds");
            }
            lt.child("value").apply(l.value, b::lifetime);
        }
        try {
            return b.build();
        } catch (ConfigException e) {
            throw n.fail(e.getMessage());
        }
    }

    private IpsecPolicy ipsecPolicy(Node n) throws ConfigFileException {
        n.object(IPSEC_KEYS);
        IpsecPolicy.Builder b;
        try {
            b = IpsecPolicy.builder(n.require("name").text());
        } catch (ConfigException e) {
            throw n.child("name").fail(e.getMessage());
        }
        if (n.has("description")) {
            n.child("description").apply(n.child("description").text(), b::description);
        }
        text(n, "transform_protocol", b::transformProtocol);
        text(n, "encapsulation_mode", b::encapsulationMode);
        text(n, "encryption_algorithm", b::encryptionAlgorithm);
        text(n, "auth_algorithm", b::authAlgorithm);
        text(n, "pfs", b::pfs);
        if (n.has("lifetime")) {
            Node lt = n.child("lifetime");
            Lifetime l = lifetime(lt);
            if (l.units.equals("seconds")) {
                lt.child("value").apply(l.value, b::lifetime);
            } else if (l.units.equals("kilobytes")) {
                lt.child("value").apply(l.value, b::lifetimeKilobytes);
            } else {
                throw lt.child("units").fail("units '" + l.units + "' is not supported; supported: seconds, kilobytes");
            }
        }
        try {
            return b.build();
        } catch (ConfigException e) {
            throw n.fail(e.getMessage());
        }
    }

    private record Lifetime(String units, long value) {}

    /** {@code {"units": "seconds", "value": 3600}}, or a bare number of seconds. */
    private static Lifetime lifetime(Node lt) throws ConfigFileException {
        try {
            return new Lifetime("seconds", lt.integer(1, Integer.MAX_VALUE));
        } catch (ConfigFileException notANumber) {
            lt.object(LIFETIME_KEYS);
            String units = lt.has("units") ? lt.child("units").text() : "seconds";
            return new Lifetime(units, lt.require("value").integer(1, Integer.MAX_VALUE));
        }
    }

    private VpnService service(Node n) throws ConfigFileException {
        n.object(SERVICE_KEYS);
        VpnService.Builder b;
        try {
            b = VpnService.builder(n.require("name").text());
        } catch (ConfigException e) {
            throw n.child("name").fail(e.getMessage());
        }
        if (n.has("description")) {
            n.child("description").apply(n.child("description").text(), b::description);
        }
        Node addr = n.oneOf("local_address", "external_v4_ip", "external_v6_ip");
        if (addr == null) {
            throw n.child("local_address").fail("is required (the gateway's outer address; also accepted as "
                    + "external_v4_ip or external_v6_ip)");
        }
        addr.apply(addr.text(), b::localAddress);
        Node subnets = n.oneOf("subnets", "local_cidrs");
        if (subnets == null) {
            throw n.child("subnets").fail("is required (the local subnets; also accepted as local_cidrs)");
        }
        List<String> s = subnets.texts();
        subnets.apply(s.toArray(String[]::new), b::localSubnets);
        if (n.has("router_id")) {
            n.child("router_id").apply(n.child("router_id").text(), b::routerId);
        }
        if (n.has("admin_state_up")) {
            boolean up = n.child("admin_state_up").bool();
            b.adminStateUp(up);
        }
        try {
            return b.build();
        } catch (ConfigException e) {
            throw n.fail(e.getMessage());
        }
    }

    private IpsecSiteConnection connection(Node n, VpnService service, Map<String, IkePolicy> ike,
            Map<String, IpsecPolicy> ipsec) throws ConfigFileException {
        n.object(CONNECTION_KEYS);
        IpsecSiteConnection.Builder b;
        try {
            b = IpsecSiteConnection.builder(n.require("name").text());
        } catch (ConfigException e) {
            throw n.child("name").fail(e.getMessage());
        }
        b.service(service);
        if (n.has("vpnservice")) {
            String s = n.child("vpnservice").text();
            if (!s.equals(service.name())) {
                throw n.child("vpnservice").fail("refers to VPN service '" + s + "', but the file defines only '"
                        + service.name() + "'");
            }
        }
        String ikeName = n.require("ikepolicy").text();
        IkePolicy ip = ike.get(ikeName);
        if (ip == null) {
            throw n.child("ikepolicy").fail("no IKE policy named '" + ikeName + "'; defined: " + String.join(", ", ike.keySet()));
        }
        b.ikePolicy(ip);
        String ipsecName = n.require("ipsecpolicy").text();
        IpsecPolicy sp = ipsec.get(ipsecName);
        if (sp == null) {
            throw n.child("ipsecpolicy").fail("no IPsec policy named '" + ipsecName + "'; defined: "
                    + String.join(", ", ipsec.keySet()));
        }
        b.ipsecPolicy(sp);
        if (n.has("description")) {
            n.child("description").apply(n.child("description").text(), b::description);
        }
        Node peer = n.require("peer_address");
        peer.apply(peer.text(), b::peerAddress);
        text(n, "peer_id", b::peerId);
        text(n, "local_id", b::localId);
        Node peerCidrs = n.require("peer_cidrs");
        peerCidrs.apply(peerCidrs.texts().toArray(String[]::new), b::peerCidrs);
        if (n.has("local_cidrs")) {
            Node lc = n.child("local_cidrs");
            lc.apply(lc.texts().toArray(String[]::new), b::localCidrs);
        }
        Node psk = n.require("psk");
        psk.apply(psk.secretText(), b::psk);
        if (n.has("mtu")) {
            Node m = n.child("mtu");
            m.apply((int) m.integer(0, 65535), b::mtu);
        }
        text(n, "initiator", b::initiator);
        if (n.has("dpd")) {
            Node d = n.child("dpd").object(DPD_KEYS);
            text(d, "action", b::dpdAction);
            if (d.has("interval")) {
                d.child("interval").apply(d.child("interval").integer(0, Integer.MAX_VALUE), b::dpdInterval);
            }
            if (d.has("timeout")) {
                d.child("timeout").apply(d.child("timeout").integer(0, Integer.MAX_VALUE), b::dpdTimeout);
            }
        }
        if (n.has("admin_state_up")) {
            b.adminStateUp(n.child("admin_state_up").bool());
        }
        try {
            return b.build();
        } catch (ConfigException e) {
            throw n.fail(e.getMessage());
        }
    }

    private JvpnSettings settings(Node top, VpnService service) throws ConfigFileException {
        Node n = top.child("jvpn");
        if (!top.has("jvpn")) {
            throw n.child("inner_hosts").fail("is required: at least one address of the built-in inner host, inside "
                    + "the local subnets " + service.localSubnets());
        }
        n.object(JVPN_KEYS);
        Node h = n.require("inner_hosts");
        List<Node> items = h.elements();
        if (items.isEmpty()) {
            throw h.fail("expected at least one inner host address");
        }
        List<InetAddress> hosts = new ArrayList<>();
        for (Node item : items) {
            String s = item.text();
            InetAddress a;
            try {
                a = IpPackets.address(s);
            } catch (IllegalArgumentException e) {
                throw item.fail("'" + s + "' is not an IP address literal");
            }
            if (service.localSubnets().stream().noneMatch(c -> c.contains(a))) {
                throw item.fail("inner host " + s + " is not in the VPN service's local subnets " + service.localSubnets());
            }
            hosts.add(a);
        }
        int echo = n.has("udp_echo_port") ? (int) n.child("udp_echo_port").integer(0, 65535)
                : JvpnSettings.DEFAULT_UDP_ECHO_PORT;
        int ikePort = n.has("ike_port") ? (int) n.child("ike_port").integer(1, 65535) : 500;
        int nattPort = n.has("natt_port") ? (int) n.child("natt_port").integer(1, 65535) : 4500;
        if (ikePort == nattPort) {
            throw n.child("natt_port").fail("must differ from ike_port " + ikePort);
        }
        @Nullable Path keyLog = null;
        if (n.has("key_log_dir")) {
            String s = n.child("key_log_dir").text();
            try {
                keyLog = Path.of(s);
            } catch (InvalidPathException e) {
                throw n.child("key_log_dir").fail("'" + s + "' is not a valid path: " + e.getReason());
            }
        }
        return new JvpnSettings(hosts, echo, ikePort, nattPort, keyLog);
    }

    /** Applies an optional string (or integer written bare) attribute to a model setter. */
    private static void text(Node parent, String key, java.util.function.Consumer<String> setter)
            throws ConfigFileException {
        if (parent.has(key)) {
            Node v = parent.child(key);
            v.apply(v.scalarText(), setter);
        }
    }
}
