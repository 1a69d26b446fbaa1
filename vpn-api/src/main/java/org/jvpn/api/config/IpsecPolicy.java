package org.jvpn.api.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * An IPsec policy (Neutron VPNaaS {@code ipsecpolicy}): how the phase 2 (quick mode) SAs are
 * negotiated. Immutable; build with {@link #builder(String)} or from a strongSwan proposal with
 * {@link #fromProposal(String)} / {@link #fromAhProposal(String)}.
 *
 * <p>Which algorithm protects what:
 * <ul>
 * <li>{@code esp}: {@link #encryptionAlgorithm()} is present; {@link #authAlgorithm()} is present for the
 *     CBC ciphers and absent for GCM (which authenticates by itself).
 * <li>{@code ah}: no encryption; {@link #authAlgorithm()} is AH's integrity algorithm.
 * <li>{@code ah-esp}: ESP inside AH; {@link #authAlgorithm()} is AH's integrity algorithm and also ESP's
 *     when the cipher is CBC; with GCM, ESP uses no separate integrity algorithm.
 * </ul>
 * {@link #espAuthAlgorithm()} and {@link #ahAuthAlgorithm()} spell this out for the engine.
 */
public final class IpsecPolicy {

    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(3600);
    public static final long MIN_LIFETIME_SECONDS = 60;

    static final String RESOURCE = "IpsecPolicy";
    static final List<EncapsulationMode> SUPPORTED_MODES = List.of(EncapsulationMode.TUNNEL);
    private static final List<EncryptionAlgorithm> ALL_ENCRYPTION = List.of(EncryptionAlgorithm.values());
    private static final List<String> ENCRYPTION_OR_NONE = names(ALL_ENCRYPTION);
    private static final List<String> AUTH_OR_NONE = names(List.of(AuthAlgorithm.values()));
    private static final List<String> PFS_OR_NONE = names(List.of(DhGroup.values()));

    private final String name;
    private final @Nullable String description;
    private final TransformProtocol transformProtocol;
    private final EncapsulationMode encapsulationMode;
    private final @Nullable EncryptionAlgorithm encryptionAlgorithm;
    private final @Nullable AuthAlgorithm authAlgorithm;
    private final @Nullable DhGroup pfs;
    private final Duration lifetime;
    private final long lifetimeKilobytes; // 0: none

    private IpsecPolicy(Builder b, @Nullable EncryptionAlgorithm enc, @Nullable AuthAlgorithm auth) {
        this.name = b.name;
        this.description = b.description;
        this.transformProtocol = b.transformProtocol;
        this.encapsulationMode = b.encapsulationMode;
        this.encryptionAlgorithm = enc;
        this.authAlgorithm = auth;
        this.pfs = b.pfs;
        this.lifetime = b.lifetime;
        this.lifetimeKilobytes = b.lifetimeKilobytes;
    }

    private static List<String> names(List<?> values) {
        List<String> out = new ArrayList<>();
        out.add("none");
        values.forEach(v -> out.add(v.toString()));
        return List.copyOf(out);
    }

    /** A builder with every default set. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * An ESP policy named after the proposal, from a strongSwan ESP proposal: {@code aes128gcm16-modp2048},
     * {@code aes256-sha384-ecp384}, {@code aes128-sha1} (no DH group: no PFS).
     */
    public static IpsecPolicy fromProposal(String proposal) {
        return builder(proposal.trim()).proposal(proposal).build();
    }

    public static IpsecPolicy fromProposal(String name, String proposal) {
        return builder(name).proposal(proposal).build();
    }

    /** An AH policy named after the proposal, from a strongSwan AH proposal: {@code sha256}, {@code sha256-modp2048}. */
    public static IpsecPolicy fromAhProposal(String proposal) {
        return builder(proposal.trim()).transformProtocol(TransformProtocol.AH).proposal(proposal).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public String name() {
        return name;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public TransformProtocol transformProtocol() {
        return transformProtocol;
    }

    public EncapsulationMode encapsulationMode() {
        return encapsulationMode;
    }

    /** ESP's cipher; empty with {@code ah}. */
    public Optional<EncryptionAlgorithm> encryptionAlgorithm() {
        return Optional.ofNullable(encryptionAlgorithm);
    }

    /** The integrity algorithm; empty with GCM under {@code esp}. */
    public Optional<AuthAlgorithm> authAlgorithm() {
        return Optional.ofNullable(authAlgorithm);
    }

    /** ESP's integrity algorithm: present when ESP is used with a CBC cipher. */
    public Optional<AuthAlgorithm> espAuthAlgorithm() {
        return usesEsp() && encryptionAlgorithm != null && !encryptionAlgorithm.isAead()
                ? Optional.ofNullable(authAlgorithm) : Optional.empty();
    }

    /** AH's integrity algorithm: present with {@code ah} and {@code ah-esp}. */
    public Optional<AuthAlgorithm> ahAuthAlgorithm() {
        return usesAh() ? Optional.ofNullable(authAlgorithm) : Optional.empty();
    }

    public boolean usesEsp() {
        return transformProtocol != TransformProtocol.AH;
    }

    public boolean usesAh() {
        return transformProtocol != TransformProtocol.ESP;
    }

    /** The DH group of quick mode's perfect forward secrecy; empty for none. */
    public Optional<DhGroup> pfs() {
        return Optional.ofNullable(pfs);
    }

    /** The SA lifetime (whole seconds). */
    public Duration lifetime() {
        return lifetime;
    }

    /** The SA's volume limit in kilobytes, when set. */
    public OptionalLong lifetimeKilobytes() {
        return lifetimeKilobytes == 0 ? OptionalLong.empty() : OptionalLong.of(lifetimeKilobytes);
    }

    /**
     * The strongSwan proposal: ESP's ({@code aes128-sha256-modp2048}, {@code aes128gcm16-modp2048}) for
     * {@code esp} and {@code ah-esp}, AH's ({@code sha256-modp2048}) for {@code ah}. The DH group is the PFS
     * group; none is printed without PFS.
     */
    public String toProposal() {
        if (!usesEsp()) {
            return Proposals.print(null, authAlgorithm, pfs);
        }
        return Proposals.print(encryptionAlgorithm, espAuthAlgorithm().orElse(null), pfs);
    }

    /** Weak legacy choices in this policy (3des, sha1, group1/2/5, 64-bit GCM ICVs), accepted for interoperability. */
    public List<String> warnings() {
        Where w = new Where(RESOURCE, name);
        List<String> out = new ArrayList<>();
        if (encryptionAlgorithm != null && encryptionAlgorithm.isWeak()) {
            out.add(encryptionAlgorithm.isAead()
                    ? Rules.weak(w, "encryptionAlgorithm", encryptionAlgorithm, "64-bit ICV", "a 16-byte ICV (-gcm-16)")
                    : Rules.weak(w, "encryptionAlgorithm", encryptionAlgorithm, "64-bit block cipher", "aes-128 or stronger"));
        }
        if (authAlgorithm != null && authAlgorithm.isWeak()) {
            out.add(Rules.weak(w, "authAlgorithm", authAlgorithm, "SHA-1 is deprecated", "sha256 or stronger"));
        }
        if (pfs != null && pfs.isWeak()) {
            out.add(Rules.weak(w, "pfs", pfs, pfs.bits() + "-bit MODP group", "group14 or stronger"));
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof IpsecPolicy p && p.name.equals(name) && Objects.equals(p.description, description)
                && p.transformProtocol == transformProtocol && p.encapsulationMode == encapsulationMode
                && p.encryptionAlgorithm == encryptionAlgorithm && p.authAlgorithm == authAlgorithm && p.pfs == pfs
                && p.lifetime.equals(lifetime) && p.lifetimeKilobytes == lifetimeKilobytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, transformProtocol, encapsulationMode, encryptionAlgorithm, authAlgorithm,
                pfs, lifetime, lifetimeKilobytes);
    }

    @Override
    public String toString() {
        return "IpsecPolicy[name=" + name + (description == null ? "" : ", description=" + description)
                + ", transformProtocol=" + transformProtocol + ", encapsulationMode=" + encapsulationMode
                + ", encryptionAlgorithm=" + (encryptionAlgorithm == null ? "none" : encryptionAlgorithm)
                + ", authAlgorithm=" + (authAlgorithm == null ? "none" : authAlgorithm)
                + ", pfs=" + (pfs == null ? "none" : pfs) + ", lifetime=" + Rules.secs(lifetime)
                + (lifetimeKilobytes == 0 ? "" : ", lifetimeKilobytes=" + lifetimeKilobytes) + "]";
    }

    /**
     * Builds an {@link IpsecPolicy}. Every setter validates at once and throws {@link ConfigException};
     * {@link #build()} checks that the algorithms fit the transform protocol. Setters taking a String accept
     * the cloud API names ({@code "aes-128-gcm-16"}, {@code "group14"}, {@code "none"}).
     */
    public static final class Builder {
        private String name;
        private Where where;
        private @Nullable String description;
        private TransformProtocol transformProtocol = TransformProtocol.ESP;
        private EncapsulationMode encapsulationMode = EncapsulationMode.TUNNEL;
        private @Nullable EncryptionAlgorithm encryptionAlgorithm;
        private boolean encryptionSet;
        private @Nullable AuthAlgorithm authAlgorithm;
        private boolean authSet;
        private @Nullable DhGroup pfs = DhGroup.GROUP14;
        private Duration lifetime = DEFAULT_LIFETIME;
        private long lifetimeKilobytes;

        private Builder(String name) {
            this.name = Rules.name(RESOURCE, name);
            this.where = new Where(RESOURCE, name);
        }

        private Builder(IpsecPolicy p) {
            this(p.name);
            description = p.description;
            transformProtocol = p.transformProtocol;
            encapsulationMode = p.encapsulationMode;
            encryptionAlgorithm = p.encryptionAlgorithm;
            encryptionSet = true;
            authAlgorithm = p.authAlgorithm;
            authSet = true;
            pfs = p.pfs;
            lifetime = p.lifetime;
            lifetimeKilobytes = p.lifetimeKilobytes;
        }

        /** The name: 1 to 255 characters. Set by {@link IpsecPolicy#builder(String)}. */
        public Builder name(String name) {
            this.name = Rules.name(RESOURCE, name);
            this.where = new Where(RESOURCE, name);
            return this;
        }

        /** Free text, at most 255 characters; null for none. Default: none. */
        public Builder description(@Nullable String description) {
            this.description = Rules.description(where, description);
            return this;
        }

        /** esp, ah or ah-esp. Default: esp. */
        public Builder transformProtocol(TransformProtocol protocol) {
            this.transformProtocol = protocol;
            return this;
        }

        /** {@code "esp"}, {@code "ah"}, {@code "ah-esp"}; see {@link #transformProtocol(TransformProtocol)}. */
        public Builder transformProtocol(String protocol) {
            return transformProtocol(Rules.lookup(where, "transformProtocol", protocol, TransformProtocol::fromApiName,
                    List.of(TransformProtocol.values())));
        }

        /** Default and only supported value: tunnel; transport is refused. */
        public Builder encapsulationMode(EncapsulationMode mode) {
            if (mode != EncapsulationMode.TUNNEL) {
                throw where.fail("encapsulationMode", mode, "is not supported; supported: " + Rules.join(SUPPORTED_MODES));
            }
            this.encapsulationMode = mode;
            return this;
        }

        /** {@code "tunnel"}; see {@link #encapsulationMode(EncapsulationMode)}. */
        public Builder encapsulationMode(String mode) {
            return encapsulationMode(Rules.lookup(where, "encapsulationMode", mode, EncapsulationMode::fromApiName,
                    SUPPORTED_MODES));
        }

        /**
         * ESP's cipher: 3des (weak), aes-128, aes-192, aes-256, aes-128/192/256-gcm-16 and the -gcm-12 and -gcm-8
         * (weak) ICV variants. Default: aes-128 with esp and ah-esp, none with ah (where a cipher is refused).
         */
        public Builder encryptionAlgorithm(EncryptionAlgorithm algorithm) {
            this.encryptionAlgorithm = algorithm;
            this.encryptionSet = true;
            return this;
        }

        /** An API name or {@code "none"}; see {@link #encryptionAlgorithm(EncryptionAlgorithm)}. */
        public Builder encryptionAlgorithm(String algorithm) {
            if (Rules.isNone(algorithm)) {
                return noEncryption();
            }
            Optional<EncryptionAlgorithm> e = EncryptionAlgorithm.fromApiName(algorithm);
            if (e.isEmpty()) {
                throw where.fail("encryptionAlgorithm", algorithm, "is not supported; supported: "
                        + String.join(", ", ENCRYPTION_OR_NONE));
            }
            return encryptionAlgorithm(e.get());
        }

        /** No cipher: required with ah. */
        public Builder noEncryption() {
            this.encryptionAlgorithm = null;
            this.encryptionSet = true;
            return this;
        }

        /**
         * The integrity algorithm: sha1 (weak), sha256, sha384, sha512. Default: sha256, except none with a GCM
         * cipher under esp. Refused with GCM under esp (GCM already authenticates); required with ah and ah-esp.
         */
        public Builder authAlgorithm(AuthAlgorithm algorithm) {
            this.authAlgorithm = algorithm;
            this.authSet = true;
            return this;
        }

        /** An API name or {@code "none"}; see {@link #authAlgorithm(AuthAlgorithm)}. */
        public Builder authAlgorithm(String algorithm) {
            if (Rules.isNone(algorithm)) {
                return noAuthAlgorithm();
            }
            Optional<AuthAlgorithm> a = AuthAlgorithm.fromApiName(algorithm);
            if (a.isEmpty()) {
                throw where.fail("authAlgorithm", algorithm, "is not supported; supported: " + String.join(", ", AUTH_OR_NONE));
            }
            return authAlgorithm(a.get());
        }

        /** No separate integrity algorithm: for GCM under esp. */
        public Builder noAuthAlgorithm() {
            this.authAlgorithm = null;
            this.authSet = true;
            return this;
        }

        /** Perfect forward secrecy with this DH group (any of {@link DhGroup}). Default: group14. */
        public Builder pfs(DhGroup group) {
            this.pfs = group;
            return this;
        }

        /** {@code "none"} or a group name ({@code "group14"}); see {@link #pfs(DhGroup)}. */
        public Builder pfs(String group) {
            if (Rules.isNone(group)) {
                return noPfs();
            }
            Optional<DhGroup> g = DhGroup.fromApiName(group);
            if (g.isEmpty()) {
                throw where.fail("pfs", group, "is not supported; supported: " + String.join(", ", PFS_OR_NONE));
            }
            return pfs(g.get());
        }

        /** No perfect forward secrecy. */
        public Builder noPfs() {
            this.pfs = null;
            return this;
        }

        /** SA lifetime, whole seconds from 60 to 2147483647. Default: 3600 s. */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = Rules.seconds(where, "lifetime", lifetime, MIN_LIFETIME_SECONDS);
            return this;
        }

        /** Lifetime in seconds; see {@link #lifetime(Duration)}. */
        public Builder lifetime(long seconds) {
            return lifetime(Duration.ofSeconds(seconds));
        }

        /** A volume limit in kilobytes, at least 1; the SA is rekeyed when either limit is reached. Default: none. */
        public Builder lifetimeKilobytes(long kilobytes) {
            if (kilobytes < 1) {
                throw where.fail("lifetimeKilobytes", kilobytes, "is out of range; expected at least 1 (or no limit)");
            }
            this.lifetimeKilobytes = kilobytes;
            return this;
        }

        /** No volume limit (the default). */
        public Builder noLifetimeKilobytes() {
            this.lifetimeKilobytes = 0;
            return this;
        }

        /**
         * Sets encryption, integrity and PFS from a strongSwan proposal: {@code aes128-sha256-modp2048},
         * {@code aes128gcm16-ecp384}, {@code 3des-sha1-modp1024}, or for AH {@code sha256-modp2048}. A missing
         * token means none (no DH group: no PFS). The transform protocol is not part of the proposal.
         */
        public Builder proposal(String proposal) {
            Proposals.Parsed p = Proposals.parse(where, proposal, false);
            encryptionAlgorithm = p.encryption();
            encryptionSet = true;
            authAlgorithm = p.integrity();
            authSet = true;
            pfs = p.dh();
            return this;
        }

        /** Resolves the defaults that depend on the transform protocol and checks the algorithms fit it. */
        public IpsecPolicy build() {
            TransformProtocol tp = transformProtocol;
            EncryptionAlgorithm enc = encryptionSet ? encryptionAlgorithm : tp == TransformProtocol.AH ? null
                    : EncryptionAlgorithm.AES_128;
            AuthAlgorithm auth = authSet ? authAlgorithm
                    : tp == TransformProtocol.ESP && enc != null && enc.isAead() ? null : AuthAlgorithm.SHA256;
            if (tp == TransformProtocol.AH && enc != null) {
                throw where.fail("encryptionAlgorithm", enc, "is not allowed with transformProtocol 'ah' (AH does not "
                        + "encrypt); supported: none");
            }
            if (tp != TransformProtocol.AH && enc == null) {
                throw where.fail("encryptionAlgorithm", "none", "is not allowed with transformProtocol '" + tp
                        + "'; supported: " + Rules.join(ALL_ENCRYPTION));
            }
            if (tp == TransformProtocol.ESP && enc != null && enc.isAead() && auth != null) {
                throw where.fail("authAlgorithm", auth, "is not allowed with encryptionAlgorithm '" + enc
                        + "' (GCM already authenticates); supported: none");
            }
            if (tp != TransformProtocol.ESP && auth == null) {
                throw where.fail("authAlgorithm", "none", "is not allowed with transformProtocol '" + tp
                        + "' (AH needs an integrity algorithm); supported: " + Rules.join(List.of(AuthAlgorithm.values())));
            }
            if (enc != null && !enc.isAead() && auth == null) {
                throw where.fail("authAlgorithm", "none", "is not allowed with encryptionAlgorithm '" + enc
                        + "' (a CBC cipher needs an integrity algorithm); supported: "
                        + Rules.join(Arrays.asList(AuthAlgorithm.values())));
            }
            return new IpsecPolicy(this, enc, auth);
        }
    }
}
