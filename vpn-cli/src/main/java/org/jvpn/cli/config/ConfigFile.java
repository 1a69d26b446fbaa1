package org.jvpn.cli.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jvpn.api.config.GatewayConfig;

/**
 * A parsed jvpn configuration file: the gateway (service and connections, validated by the model) and
 * the jvpn settings. See {@code vpn-cli/README.md} for the format.
 *
 * @param gateway   the VPN service and its connections
 * @param settings  the {@code jvpn} section
 */
public record ConfigFile(GatewayConfig gateway, JvpnSettings settings) {

    /** Reads and validates {@code file}. */
    public static ConfigFile read(Path file) throws ConfigFileException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigFileException(file.toString(), "$", "no such file");
        } catch (IOException e) {
            throw new ConfigFileException(file.toString(), "$", "cannot read: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** Parses a document; {@code source} names it in error messages. */
    public static ConfigFile parse(String source, String json) throws ConfigFileException {
        return new ConfigFileParser(source).parse(json);
    }
}
