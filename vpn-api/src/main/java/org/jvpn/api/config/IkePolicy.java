package org.jvpn.api.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An IKE policy (Neutron VPNaaS {@code ikepolicy}): how the IKEv1 phase 1 SA is negotiated. Immutable;
 * build with {@link #builder(String)} or from a strongSwan proposal with {@link #fromProposal(String)}.
 *
 * <pre>{@code
 * IkePolicy ike = IkePolicy.builder("ike1")
 *         .encryptionAlgorithm("aes-256").authAlgorithm("sha256").dhGroup("group14")
 *         .lifetime(Duration.ofHours(8))
 *         .build();
 * }</pre>
 */
public final class IkePolicy {

    /** Default and minimum IKE SA lifetime. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(3600);
    public static final long MIN_LIFETIME_SECONDS = 60;

    static final String RESOURCE = "IkePolicy";
    static final List<IkeVersion> SUPPORTED_VERSIONS = List.of(IkeVersion.V1);
    static final List<Phase1Mode> SUPPORTED_MODES = List.of(Phase1Mode.MAIN);
    static final List<EncryptionAlgorithm> SUPPORTED_ENCRYPTION = Arrays.stream(EncryptionAlgorithm.values())
            .filter(e -> !e.isAead()).toList();

    private final String name;
    private final @Nullable String description;
    private final IkeVersion ikeVersion;
    private final Phase1Mode phase1Mode;
    private final AuthAlgorithm authAlgorithm;
    private final EncryptionAlgorithm encryptionAlgorithm;
    private final DhGroup dhGroup;
    private final Duration lifetime;

    private IkePolicy(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.ikeVersion = b.ikeVersion;
        this.phase1Mode = b.phase1Mode;
        this.authAlgorithm = b.authAlgorithm;
        this.encryptionAlgorithm = b.encryptionAlgorithm;
        this.dhGroup = b.dhGroup;
        this.lifetime = b.lifetime;
    }

    /** A builder with every default set. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A policy named after the proposal, from a strongSwan IKE proposal such as {@code aes256-sha256-modp2048}. */
    public static IkePolicy fromProposal(String proposal) {
        return builder(proposal.trim()).proposal(proposal).build();
    }

    public static IkePolicy fromProposal(String name, String proposal) {
        return builder(name).proposal(proposal).build();
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

    public IkeVersion ikeVersion() {
        return ikeVersion;
    }

    public Phase1Mode phase1Mode() {
        return phase1Mode;
    }

    /** The hash and PRF (HMAC) of phase 1. */
    public AuthAlgorithm authAlgorithm() {
        return authAlgorithm;
    }

    public EncryptionAlgorithm encryptionAlgorithm() {
        return encryptionAlgorithm;
    }

    public DhGroup dhGroup() {
        return dhGroup;
    }

    /** The IKE SA lifetime (whole seconds). */
    public Duration lifetime() {
        return lifetime;
    }

    /** The strongSwan proposal: {@code aes128-sha256-modp2048}. */
    public String toProposal() {
        return Proposals.print(encryptionAlgorithm, authAlgorithm, dhGroup);
    }

    /** Weak legacy choices in this policy (3des, sha1, group1/2/5), accepted for interoperability. */
    public List<String> warnings() {
        Where w = new Where(RESOURCE, name);
        List<String> out = new ArrayList<>();
        if (encryptionAlgorithm.isWeak()) {
            out.add(Rules.weak(w, "encryptionAlgorithm", encryptionAlgorithm, "64-bit block cipher", "aes-128 or stronger"));
        }
        if (authAlgorithm.isWeak()) {
            out.add(Rules.weak(w, "authAlgorithm", authAlgorithm, "SHA-1 is deprecated", "sha256 or stronger"));
        }
        if (dhGroup.isWeak()) {
            out.add(Rules.weak(w, "dhGroup", dhGroup, dhGroup.bits() + "-bit MODP group", "group14 or stronger"));
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof IkePolicy p && p.name.equals(name) && Objects.equals(p.description, description)
                && p.ikeVersion == ikeVersion && p.phase1Mode == phase1Mode && p.authAlgorithm == authAlgorithm
                && p.encryptionAlgorithm == encryptionAlgorithm && p.dhGroup == dhGroup && p.lifetime.equals(lifetime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, ikeVersion, phase1Mode, authAlgorithm, encryptionAlgorithm, dhGroup, lifetime);
    }

    @Override
    public String toString() {
        return "IkePolicy[name=" + name + (description == null ? "" : ", description=" + description)
                + ", ikeVersion=" + ikeVersion + ", phase1Mode=" + phase1Mode + ", authAlgorithm=" + authAlgorithm
                + ", encryptionAlgorithm=" + encryptionAlgorithm + ", dhGroup=" + dhGroup
                + ", lifetime=" + Rules.secs(lifetime) + "]";
    }

    /**
     * Builds an {@link IkePolicy}. Every setter validates at once and throws {@link ConfigException};
     * setters taking a String accept the cloud API names ({@code "aes-256"}, {@code "group14"}).
     */
    public static final class Builder {
        private String name;
        private Where where;
        private @Nullable String description;
        private IkeVersion ikeVersion = IkeVersion.V1;
        private Phase1Mode phase1Mode = Phase1Mode.MAIN;
        private AuthAlgorithm authAlgorithm = AuthAlgorithm.SHA256;
        private EncryptionAlgorithm encryptionAlgorithm = EncryptionAlgorithm.AES_128;
        private DhGroup dhGroup = DhGroup.GROUP14;
        private Duration lifetime = DEFAULT_LIFETIME;

        private Builder(String name) {
            this.name = Rules.name(RESOURCE, name);
            this.where = new Where(RESOURCE, name);
        }

        private Builder(IkePolicy p) {
            this(p.name);
            description = p.description;
            ikeVersion = p.ikeVersion;
            phase1Mode = p.phase1Mode;
            authAlgorithm = p.authAlgorithm;
            encryptionAlgorithm = p.encryptionAlgorithm;
            dhGroup = p.dhGroup;
            lifetime = p.lifetime;
        }

        /** The name: 1 to 255 characters, unique among IKE policies. Set by {@link IkePolicy#builder(String)}. */
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

        /** The IKE version. Default and only supported value: {@code v1}; {@code v2} is refused (not supported yet). */
        public Builder ikeVersion(IkeVersion version) {
            if (version != IkeVersion.V1) {
                throw where.fail("ikeVersion", version, "is not supported yet; supported: " + Rules.join(SUPPORTED_VERSIONS));
            }
            this.ikeVersion = version;
            return this;
        }

        /** {@code "v1"}; see {@link #ikeVersion(IkeVersion)}. */
        public Builder ikeVersion(String version) {
            return ikeVersion(Rules.lookup(where, "ikeVersion", version, IkeVersion::fromApiName, SUPPORTED_VERSIONS));
        }

        /**
         * The phase 1 exchange. Default and only supported value: {@code main}; {@code aggressive} is refused
         * because it sends a PSK-keyed hash that can be attacked offline.
         */
        public Builder phase1Mode(Phase1Mode mode) {
            if (mode != Phase1Mode.MAIN) {
                throw where.fail("phase1Mode", mode, "is not supported (it exposes a PSK-keyed hash to offline guessing); "
                        + "supported: " + Rules.join(SUPPORTED_MODES));
            }
            this.phase1Mode = mode;
            return this;
        }

        /** {@code "main"}; see {@link #phase1Mode(Phase1Mode)}. */
        public Builder phase1Mode(String mode) {
            return phase1Mode(Rules.lookup(where, "phase1Mode", mode, Phase1Mode::fromApiName, SUPPORTED_MODES));
        }

        /** Hash and PRF: sha1 (weak), sha256, sha384, sha512. Default: sha256. */
        public Builder authAlgorithm(AuthAlgorithm algorithm) {
            this.authAlgorithm = algorithm;
            return this;
        }

        /** {@code "sha256"}; see {@link #authAlgorithm(AuthAlgorithm)}. */
        public Builder authAlgorithm(String algorithm) {
            return authAlgorithm(Rules.lookup(where, "authAlgorithm", algorithm, AuthAlgorithm::fromApiName,
                    List.of(AuthAlgorithm.values())));
        }

        /**
         * Cipher: 3des (weak), aes-128, aes-192, aes-256. Default: aes-128. The GCM algorithms are refused:
         * IKEv1 has no AEAD ciphers for the IKE SA.
         */
        public Builder encryptionAlgorithm(EncryptionAlgorithm algorithm) {
            if (algorithm.isAead()) {
                throw where.fail("encryptionAlgorithm", algorithm, "is not supported in IKE policies (IKEv1 has no AEAD "
                        + "ciphers); supported: " + Rules.join(SUPPORTED_ENCRYPTION));
            }
            this.encryptionAlgorithm = algorithm;
            return this;
        }

        /** {@code "aes-256"}; see {@link #encryptionAlgorithm(EncryptionAlgorithm)}. */
        public Builder encryptionAlgorithm(String algorithm) {
            return encryptionAlgorithm(Rules.lookup(where, "encryptionAlgorithm", algorithm,
                    EncryptionAlgorithm::fromApiName, SUPPORTED_ENCRYPTION));
        }

        /**
         * Diffie-Hellman group: group1, group2, group5 (weak), group14 to group18 (MODP), group19 to group21
         * (ECP). Default: group14.
         */
        public Builder dhGroup(DhGroup group) {
            this.dhGroup = group;
            return this;
        }

        /** {@code "group14"} (or {@code "14"}); see {@link #dhGroup(DhGroup)}. */
        public Builder dhGroup(String group) {
            return dhGroup(Rules.lookup(where, "dhGroup", group, DhGroup::fromApiName, List.of(DhGroup.values())));
        }

        /** IKE SA lifetime, whole seconds from 60 to 2147483647. Default: 3600 s. */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = Rules.seconds(where, "lifetime", lifetime, MIN_LIFETIME_SECONDS);
            return this;
        }

        /** Lifetime in seconds; see {@link #lifetime(Duration)}. */
        public Builder lifetime(long seconds) {
            return lifetime(Duration.ofSeconds(seconds));
        }

        /**
         * Sets encryption, integrity and DH group from a strongSwan IKE proposal such as
         * {@code aes256-sha256-modp2048} or {@code 3des-sha1-modp1024}; all three are required.
         */
        public Builder proposal(String proposal) {
            Proposals.Parsed p = Proposals.parse(where, proposal, true);
            if (p.encryption() == null) {
                throw where.fail("proposal", proposal, "has no encryption algorithm; expected one of "
                        + Proposals.ikeEncryptionList());
            }
            if (p.integrity() == null) {
                throw where.fail("proposal", proposal, "has no integrity algorithm; expected one of "
                        + Proposals.integrityList());
            }
            if (p.dh() == null) {
                throw where.fail("proposal", proposal, "has no DH group; expected one of " + Proposals.dhList());
            }
            encryptionAlgorithm = p.encryption();
            authAlgorithm = p.integrity();
            dhGroup = p.dh();
            return this;
        }

        public IkePolicy build() {
            return new IkePolicy(this);
        }
    }
}
