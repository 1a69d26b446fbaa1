package org.jvpn.cli.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The file's {@code jvpn} section: what is not part of the cloud API.
 *
 * @param innerHosts   addresses of the built-in inner host (answers ICMP echo and UDP echo)
 * @param udpEchoPort  the UDP echo port of the inner host (default 7; 0 disables UDP echo)
 * @param ikePort      the local and remote IKE port (default 500)
 * @param nattPort     the local and remote NAT-T port (default 4500)
 * @param keyLogDir    where Wireshark key files are written (secrets!), or null for none
 */
public record JvpnSettings(List<InetAddress> innerHosts, int udpEchoPort, int ikePort, int nattPort,
                           @Nullable Path keyLogDir) {

    public static final int DEFAULT_UDP_ECHO_PORT = 7;

    public JvpnSettings {
        innerHosts = List.copyOf(innerHosts);
    }

    public Optional<Path> keyLog() {
        return Optional.ofNullable(keyLogDir);
    }
}
