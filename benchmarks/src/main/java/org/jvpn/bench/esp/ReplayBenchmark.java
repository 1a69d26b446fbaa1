package org.jvpn.bench.esp;

import java.util.concurrent.TimeUnit;
import org.jvpn.esp.sa.ReplayWindow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The anti-replay window (RFC 6479 bitmap): {@code check} on numbers inside the window (the pre-ICV test
 * on every inbound packet) and {@code checkAndUpdate} for in-order arrival (the full per-packet cost).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ReplayBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplayBenchmark {

    @Param({"128", "4096"})
    public int window;

    private ReplayWindow w;
    private ReplayWindow inOrder;
    private long top;
    private long next;
    private int i;

    @Setup
    public void setup() {
        w = new ReplayWindow(window);
        top = 1_000_000;
        for (long s = top - window + 1; s <= top; s += 2) {
            w.update(s); // every other number seen
        }
        w.update(top);
        inOrder = new ReplayWindow(window);
        next = 1;
    }

    @Benchmark
    public boolean check() {
        int k = i++;
        return w.check(top - (k & (window - 1)) + ((k >>> 12) & 1));
    }

    @Benchmark
    public boolean checkAndUpdate() {
        long s = next++;
        return inOrder.check(s) && inOrder.update(s);
    }
}
