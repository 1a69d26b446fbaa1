package org.jvpn.api.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Checks shared by the builders; every failure names the resource, field, value and what is allowed. */
final class Rules {

    /** Longest name and description, as in the cloud APIs. */
    static final int MAX_TEXT = 255;
    /** Upper bound of lifetimes and DPD timers in seconds (fits IKE's 32-bit attributes). */
    static final long MAX_SECONDS = Integer.MAX_VALUE;

    private Rules() {}

    static String name(String resource, String name) {
        Where w = new Where(resource, name);
        if (name.isBlank()) {
            throw w.fail("name", name, "is empty; expected 1.." + MAX_TEXT + " characters");
        }
        if (name.length() > MAX_TEXT) {
            throw w.fail("name", name.substring(0, 20) + "...", "is " + name.length() + " characters long; expected 1.."
                    + MAX_TEXT);
        }
        return name;
    }

    static @Nullable String description(Where w, @Nullable String description) {
        if (description != null && description.length() > MAX_TEXT) {
            throw w.fail("description", description.substring(0, 20) + "...", "is " + description.length()
                    + " characters long; expected at most " + MAX_TEXT);
        }
        return description;
    }

    static <T> T required(Where w, String field, @Nullable T value, String expected) {
        if (value == null) {
            throw w.fail(field, null, "is missing; expected " + expected);
        }
        return value;
    }

    /** Looks {@code text} up with {@code finder} (an enum's fromApiName); an unknown name lists {@code supported}. */
    static <E> E lookup(Where w, String field, String text, Function<String, Optional<E>> finder,
            Collection<E> supported) {
        return finder.apply(text).orElseThrow(() -> w.fail(field, text, "is not supported; supported: " + join(supported)));
    }

    static String join(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static boolean isNone(String text) {
        return text.trim().equalsIgnoreCase("none");
    }

    /** A whole number of seconds in {@code [min, MAX_SECONDS]}. */
    static Duration seconds(Where w, String field, Duration d, long min) {
        if (d.isNegative() || d.getNano() != 0) {
            throw w.fail(field, d, "is not a whole number of seconds; expected " + min + ".." + MAX_SECONDS + " seconds");
        }
        long s = d.getSeconds();
        if (s < min || s > MAX_SECONDS) {
            throw w.fail(field, s + "s", "is out of range; expected " + min + ".." + MAX_SECONDS + " seconds");
        }
        return d;
    }

    static String secs(Duration d) {
        return d.getSeconds() + "s";
    }

    static Cidr cidr(Where w, String field, String text) {
        Object r = Cidr.parseOrProblem(text);
        if (r instanceof Cidr c) {
            return c;
        }
        throw w.fail(field, text, (String) r);
    }

    static List<Cidr> cidrs(Where w, String field, String... texts) {
        List<Cidr> out = new ArrayList<>(texts.length);
        for (String t : texts) {
            out.add(cidr(w, field, t));
        }
        return cidrs(w, field, out);
    }

    /** One or more CIDRs, unique, all of one IP version. */
    static List<Cidr> cidrs(Where w, String field, Collection<Cidr> cidrs) {
        if (cidrs.isEmpty()) {
            throw w.fail(field, null, "is empty; expected one or more CIDRs");
        }
        List<Cidr> out = List.copyOf(cidrs);
        Cidr first = out.get(0);
        for (int i = 0; i < out.size(); i++) {
            Cidr c = out.get(i);
            if (c.isIpv4() != first.isIpv4()) {
                throw w.fail(field, c, "is IPv" + c.ipVersion() + " but '" + first + "' is IPv" + first.ipVersion()
                        + "; expected CIDRs of one IP version");
            }
            if (out.subList(0, i).contains(c)) {
                throw w.fail(field, c, "is listed twice; expected unique CIDRs");
            }
        }
        return out;
    }

    /** An IP literal that may be a tunnel endpoint (unicast); never a DNS lookup. */
    static InetAddress endpoint(Where w, String field, String text) {
        Optional<InetAddress> a = Cidr.parseAddress(text);
        if (a.isEmpty()) {
            throw w.fail(field, text, "is not an IP address; expected an IPv4 or IPv6 literal (no DNS names)");
        }
        return endpoint(w, field, a.get());
    }

    static InetAddress endpoint(Where w, String field, InetAddress a) {
        if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
            throw w.fail(field, Cidr.format(a), "is not a unicast address; expected a unicast IPv4 or IPv6 address");
        }
        return a;
    }

    /**
     * Why {@code s} is not a host name (RFC 1123 labels; underscores tolerated), as a phrase for a
     * parenthesis, or null if it is one.
     */
    static @Nullable String hostnameProblem(String s) {
        String h = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        if (h.isEmpty() || h.length() > 253) {
            return "its length must be 1..253 characters";
        }
        boolean allNumeric = true;
        for (String label : h.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                return "each dot-separated label must be 1..63 characters";
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return "a label may not start or end with '-'";
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                    return "only letters, digits, '-', '_' and '.' are allowed";
                }
            }
            allNumeric &= label.chars().allMatch(c -> c >= '0' && c <= '9');
        }
        if (allNumeric) {
            return "all its labels are numeric";
        }
        return null;
    }

    /** A warning for a weak legacy choice. */
    static String weak(Where w, String field, Object value, String why, String prefer) {
        return w.prefix() + field + " '" + value + "' is a weak legacy choice (" + why
                + "); accepted for interoperability, prefer " + prefer;
    }
}
