package org.jvpn.esp.sa;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An int-keyed map for the packet path: lock-free, allocation-free reads (no boxing) over an immutable
 * open-addressing table; writes (control plane, rare) copy the table under a lock.
 */
public final class IntMap<V> {

    private static final class Table {
        final int[] keys;
        final Object[] values;
        final int mask;
        final int size;

        Table(int capacity, int size) {
            keys = new int[capacity];
            values = new Object[capacity];
            mask = capacity - 1;
            this.size = size;
        }
    }

    private volatile Table table = new Table(16, 0);

    private static int slot(int key, int mask) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    @SuppressWarnings("unchecked")
    public @Nullable V get(int key) {
        Table t = table;
        int i = slot(key, t.mask);
        while (true) {
            Object v = t.values[i];
            if (v == null) {
                return null;
            }
            if (t.keys[i] == key) {
                return (V) v;
            }
            i = (i + 1) & t.mask;
        }
    }

    public synchronized @Nullable V put(int key, V value) {
        V old = get(key);
        List<Object[]> entries = entries();
        entries.removeIf(e -> (int) e[0] == key);
        entries.add(new Object[] {key, value});
        rebuild(entries);
        return old;
    }

    public synchronized @Nullable V remove(int key) {
        V old = get(key);
        if (old != null) {
            List<Object[]> entries = entries();
            entries.removeIf(e -> (int) e[0] == key);
            rebuild(entries);
        }
        return old;
    }

    public int size() {
        return table.size;
    }

    /** A snapshot of the values. */
    @SuppressWarnings("unchecked")
    public List<V> values() {
        List<V> out = new ArrayList<>();
        for (Object v : table.values) {
            if (v != null) {
                out.add((V) v);
            }
        }
        return out;
    }

    private List<Object[]> entries() {
        Table t = table;
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < t.values.length; i++) {
            if (t.values[i] != null) {
                out.add(new Object[] {t.keys[i], t.values[i]});
            }
        }
        return out;
    }

    private void rebuild(List<Object[]> entries) {
        int cap = 16;
        while (cap < entries.size() * 3) {
            cap <<= 1;
        }
        Table t = new Table(cap, entries.size());
        for (Object[] e : entries) {
            int k = (int) e[0];
            int i = slot(k, t.mask);
            while (t.values[i] != null) {
                i = (i + 1) & t.mask;
            }
            t.keys[i] = k;
            t.values[i] = e[1];
        }
        table = t;
    }
}
