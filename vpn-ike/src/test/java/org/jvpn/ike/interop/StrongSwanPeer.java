package org.jvpn.ike.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * strongSwan as a real peer, driven through ../shared/interop/strongswan-peer.sh: the namespaces
 * ipsec-peer and ipsec-java exist (made by .ci/run before the test JVM starts inside ipsec-java); each
 * test restarts charon in ipsec-peer with its own proposals, role and timers.
 */
final class StrongSwanPeer {

    static final String PEER_OUTER = "198.51.100.1";
    static final String JAVA_OUTER = "198.51.100.2";
    static final String PEER_HOST = "203.0.113.1";
    static final String JAVA_HOST = "203.0.113.130";
    static final String PEER_TS = "203.0.113.0/25";
    static final String JAVA_TS = "203.0.113.128/25";
    static final String PSK = "interop-test-psk-0123456789";

    final Path shared;
    final Path script;
    final Path base;
    private final Map<String, String> env = new LinkedHashMap<>();
    private @Nullable Process capture;

    StrongSwanPeer() {
        shared = Path.of(System.getProperty("jvpn.shared", "../shared")).toAbsolutePath().normalize();
        script = shared.resolve("interop/strongswan-peer.sh");
        base = Path.of(System.getenv().getOrDefault("IPSEC_BASE", "/tmp/jvpn-interop"));
    }

    /** Whether this JVM can drive the peer: the script exists and the peer namespace answers. */
    static boolean available() {
        StrongSwanPeer p = new StrongSwanPeer();
        if (!Files.isRegularFile(p.script)) {
            return false;
        }
        try {
            return p.run(Duration.ofSeconds(5), "ip", "netns", "exec", "ipsec-peer", "true").exit == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    StrongSwanPeer set(String name, String value) {
        env.put(name, value);
        return this;
    }

    /**
     * (Re)starts charon with the current settings: {@code initiator} makes strongSwan initiate (and
     * retry until jvpn answers), otherwise it waits. {@code swanctlEdit} may rewrite swanctl.conf
     * (e.g. for AH), or be null.
     */
    void restart(boolean initiator, @Nullable String swanctlSed) {
        String sa = initiator ? "start" : "none";
        String edit = swanctlSed == null ? "" : "sed -i '" + swanctlSed + "' \"$SW/swanctl.conf\"; ";
        bash("source '" + script + "'; stop_charon \"$SW\"; rm -f \"$SW/charon.log\" \"$SW/charon.vici\"; "
                + "write_sw_conf \"$SW\" \"$PEER_OUTER\" \"$JAVA_OUTER\" \"$PEER_TS\" \"$JAVA_TS\" " + sa + "; " + edit
                + "start_charon \"$PEER_NS\" \"$SW\"", Duration.ofSeconds(20));
    }

    void stopCharon() {
        bash("source '" + script + "'; stop_charon \"$SW\"", Duration.ofSeconds(10));
    }

    /** Kills charon with SIGKILL: the peer dies without sending Deletes. */
    void killCharon() {
        bash("source '" + script + "'; [ -f \"$SW/charon.pid\" ] && kill -9 \"$(cat \"$SW/charon.pid\")\"; "
                + "for i in $(seq 30); do kill -0 \"$(cat \"$SW/charon.pid\")\" 2>/dev/null || break; sleep 0.1; done; rm -f \"$SW/charon.pid\"",
                Duration.ofSeconds(10));
    }

    /** Starts charon again with the config already written (e.g. after {@link #stopCharon}). */
    void startCharon() {
        bash("source '" + script + "'; rm -f \"$SW/charon.vici\"; start_charon \"$PEER_NS\" \"$SW\"", Duration.ofSeconds(20));
    }

    Result initiate() {
        return run(Duration.ofSeconds(40), "bash", script.toString(), "initiate");
    }

    Result terminate() {
        return run(Duration.ofSeconds(20), "bash", script.toString(), "terminate");
    }

    /** {@code swanctl --list-sas} output. */
    String listSas() {
        return run(Duration.ofSeconds(10), "bash", script.toString(), "status").out;
    }

    /** Pings from the peer's protected host to {@code dst}; returns ping's output. */
    Result ping(String dst, int count, String interval) {
        return run(Duration.ofSeconds(count + 20), "ip", "netns", "exec", "ipsec-peer", "ping", "-n", "-c", String.valueOf(count),
                "-i", interval, "-W", "2", "-I", PEER_HOST, dst);
    }

    Path charonLog() {
        return base.resolve("strongswan/charon.log");
    }

    String charonLogText() {
        try {
            return Files.readString(charonLog(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Starts tshark capturing on the peer's outer interface. */
    void startCapture(Path pcap) {
        try {
            Files.createDirectories(pcap.getParent());
            Files.deleteIfExists(pcap);
            capture = new ProcessBuilder("ip", "netns", "exec", "ipsec-peer", "tshark", "-q", "-i", "vpeer", "-w", pcap.toString(),
                    "-f", "udp port 500 or udp port 4500").redirectErrorStream(true)
                    .redirectOutput(pcap.resolveSibling(pcap.getFileName() + ".log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline && (!Files.exists(pcap) || Files.size(pcap) == 0)) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start tshark: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stopCapture() {
        Process p = capture;
        capture = null;
        if (p != null) {
            try {
                TimeUnit.MILLISECONDS.sleep(500); // let tshark flush the last frames
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
                run(Duration.ofSeconds(5), "bash", "-c", "pkill -f 'tshark -q -i vpeer' || true");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** tshark on {@code pcap} with strongSwan's keys (IKEv1 and ESP decryption, ICV check), showing {@code filter}. */
    Result decrypt(Path pcap, String filter, String... fields) {
        List<String> cmd = new ArrayList<>(List.of("bash", shared.resolve("interop/tshark-decrypt.sh").toString(), pcap.toString(),
                charonLog().toString(), "-Y", filter));
        if (fields.length > 0) {
            cmd.add("-T");
            cmd.add("fields");
            for (String f : fields) {
                cmd.add("-e");
                cmd.add(f);
            }
        }
        return run(Duration.ofSeconds(60), cmd.toArray(String[]::new));
    }

    private Result bash(String script, Duration timeout) {
        Result r = run(timeout, "bash", "-c", script);
        if (r.exit != 0) {
            throw new IllegalStateException("strongSwan control failed (" + r.exit + "): " + r.out);
        }
        return r;
    }

    Result run(Duration timeout, String... cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, new String(out, StandardCharsets.UTF_8) + "\n(timed out)");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    record Result(int exit, String out) {

        /** The "N received" count of ping's summary, or -1. */
        int received() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) (packets )?received").matcher(out);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }
    }
}
