package org.jvpn.api.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An IKE identity (the peer's {@code peer_id}, the gateway's local id), typed as in RFC 2407 section
 * 4.6.2.1. {@link #parse(String)} reads the usual text forms; {@link #toString()} prints one that
 * {@code parse} reads back.
 *
 * <table>
 * <caption>Text forms</caption>
 * <tr><th>text</th><th>type</th></tr>
 * <tr><td>{@code 192.0.2.1}, {@code 2001:db8::1}</td><td>IPV4_ADDR, IPV6_ADDR</td></tr>
 * <tr><td>{@code vpn.example.com}, {@code @vpn.example.com}</td><td>FQDN</td></tr>
 * <tr><td>{@code alice@example.com}</td><td>USER_FQDN</td></tr>
 * <tr><td>{@code keyid:gw-17}</td><td>KEY_ID (the UTF-8 bytes after the prefix)</td></tr>
 * </table>
 */
public final class PeerId {

    /** Identification types with their IKEv1 ID type numbers (RFC 2407 section 4.6.2.1). */
    public enum Type {
        IPV4_ADDR(1),
        FQDN(2),
        USER_FQDN(3),
        IPV6_ADDR(5),
        KEY_ID(11);

        private final int ikeV1IdType;

        Type(int ikeV1IdType) {
            this.ikeV1IdType = ikeV1IdType;
        }

        /** The ID type number in the IKEv1 identification payload. */
        public int ikeV1IdType() {
            return ikeV1IdType;
        }
    }

    private static final String KEY_ID_PREFIX = "keyid:";

    private final Type type;
    private final String value;
    private final byte[] data;

    private PeerId(Type type, String value, byte[] data) {
        this.type = type;
        this.value = value;
        this.data = data;
    }

    /**
     * Reads an identity in one of the text forms above; never consults DNS.
     *
     * @throws ConfigException if {@code text} is none of them
     */
    public static PeerId parse(String text) {
        return parse(text, new Where("PeerId", null), "peerId");
    }

    static PeerId parse(String text, Where where, String field) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw where.fail(field, text, "is empty; expected an IP address, host name, user@host or keyid:...");
        }
        if (s.toLowerCase(Locale.ROOT).startsWith(KEY_ID_PREFIX)) {
            String id = s.substring(KEY_ID_PREFIX.length());
            if (id.isEmpty()) {
                throw where.fail(field, text, "has an empty key id; expected keyid: followed by the id");
            }
            return keyId(id);
        }
        Optional<InetAddress> addr = Cidr.parseAddress(s);
        if (addr.isPresent()) {
            return address(addr.get());
        }
        if (s.startsWith("@")) {
            return fqdn(s.substring(1), where, field, text);
        }
        int at = s.indexOf('@');
        if (at > 0) {
            String user = s.substring(0, at);
            if (user.chars().anyMatch(c -> c <= ' ' || c == '@' || c > '~')) {
                throw where.fail(field, text, "has a bad user part; expected user@host in printable ASCII");
            }
            String problem = Rules.hostnameProblem(s.substring(at + 1));
            if (problem != null) {
                throw where.fail(field, text, "has a bad host part (" + problem + "); expected user@host");
            }
            return new PeerId(Type.USER_FQDN, s, ascii(s));
        }
        return fqdn(s, where, field, text);
    }

    private static PeerId fqdn(String host, Where where, String field, String text) {
        String problem = Rules.hostnameProblem(host);
        if (problem != null) {
            throw where.fail(field, text, "is neither an IP address nor a host name (" + problem
                    + "); expected an IP address, host name, user@host or keyid:...");
        }
        return new PeerId(Type.FQDN, host, ascii(host));
    }

    /** An IPV4_ADDR or IPV6_ADDR identity. */
    public static PeerId address(InetAddress address) {
        byte[] b = address.getAddress();
        return new PeerId(b.length == 4 ? Type.IPV4_ADDR : Type.IPV6_ADDR, Cidr.format(b), b);
    }

    /** An FQDN identity ({@code vpn.example.com}). */
    public static PeerId fqdn(String host) {
        return fqdn(host, new Where("PeerId", null), "fqdn", host);
    }

    /** A USER_FQDN identity ({@code alice@example.com}). */
    public static PeerId userFqdn(String userAtHost) {
        PeerId id = parse(userAtHost, new Where("PeerId", null), "userFqdn");
        if (id.type != Type.USER_FQDN) {
            throw new ConfigException("PeerId", null, "userFqdn", userAtHost, "is not user@host");
        }
        return id;
    }

    /** A KEY_ID identity: the UTF-8 bytes of {@code id}. */
    public static PeerId keyId(String id) {
        if (id.isEmpty()) {
            throw new ConfigException("PeerId", null, "keyId", id, "is empty; expected at least 1 character");
        }
        return new PeerId(Type.KEY_ID, id, id.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The identity carried in an IKEv1 identification payload, or empty for a type this model does not
     * configure (subnets, ranges, DER names). Wire data is not validated as configuration is.
     */
    public static Optional<PeerId> fromIdData(int ikeV1IdType, byte[] data) {
        for (Type t : Type.values()) {
            if (t.ikeV1IdType != ikeV1IdType) {
                continue;
            }
            switch (t) {
                case IPV4_ADDR, IPV6_ADDR -> {
                    if (data.length != (t == Type.IPV4_ADDR ? 4 : 16)) {
                        return Optional.empty();
                    }
                    try {
                        InetAddress a = InetAddress.getByAddress(data);
                        if ((a instanceof Inet4Address) != (t == Type.IPV4_ADDR)) {
                            return Optional.empty(); // an IPv4-mapped IPv6 address
                        }
                        return Optional.of(address(a));
                    } catch (UnknownHostException e) {
                        return Optional.empty();
                    }
                }
                case KEY_ID -> {
                    return Optional.of(new PeerId(t, new String(data, StandardCharsets.UTF_8), data.clone()));
                }
                default -> {
                    return Optional.of(new PeerId(t, new String(data, StandardCharsets.ISO_8859_1), data.clone()));
                }
            }
        }
        return Optional.empty();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    public Type type() {
        return type;
    }

    /** The identity as text without any prefix: the address, host name, user@host or key id. */
    public String value() {
        return value;
    }

    /** The address of an IPV4_ADDR/IPV6_ADDR identity. */
    public Optional<InetAddress> address() {
        if (type != Type.IPV4_ADDR && type != Type.IPV6_ADDR) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(data));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The identification data of the IKEv1 ID payload (a copy): address bytes, ASCII name or key id bytes. */
    public byte[] idData() {
        return data.clone();
    }

    /** Whether this identity matches {@code type} and {@code data} received in an ID payload. */
    public boolean matches(int ikeV1IdType, byte[] idData) {
        return type.ikeV1IdType == ikeV1IdType && Arrays.equals(data, idData);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PeerId p && p.type == type && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(data);
    }

    /** A text form {@link #parse} reads back: {@code 192.0.2.1}, {@code vpn.example.com}, {@code keyid:gw-17}. */
    @Override
    public String toString() {
        return type == Type.KEY_ID ? KEY_ID_PREFIX + value : value;
    }
}
