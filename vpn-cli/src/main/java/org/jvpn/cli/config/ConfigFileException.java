package org.jvpn.cli.config;

/**
 * A configuration file was refused. The message names the file, the JSON path of the offending value
 * ({@code $.ipsec_site_connections[0].dpd.interval}) and the problem, and never contains a pre-shared key.
 */
public final class ConfigFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String jsonPath;

    public ConfigFileException(String source, String jsonPath, String problem) {
        super(source + ": " + jsonPath + ": " + problem);
        this.jsonPath = jsonPath;
    }

    /** Where in the document the problem is, e.g. {@code $.ikepolicies[1].lifetime.value}. */
    public String jsonPath() {
        return jsonPath;
    }
}
