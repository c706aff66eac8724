package org.debentures.compliance.app;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * How much heap a run used at its peak. Every garbage collection reports the heap it found (all
 * pools together, just before it collected: the highest point since the previous collection) and
 * what it left (the data still live); the peak is the largest of the former, or the heap in use
 * now if that is larger. (Adding up each pool's own peak, as the run summary did before, counts
 * pools at their fullest at different moments and can exceed the maximum heap.)
 */
public final class HeapWatch {

    private static final AtomicLong PEAK_BEFORE_GC = new AtomicLong();
    private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();
    private static volatile boolean started;

    private HeapWatch() {
    }

    /** Starts listening to the collectors; idempotent. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                        PEAK_BEFORE_GC.accumulateAndGet(used(info.getMemoryUsageBeforeGc()), Math::max);
                        PEAK_AFTER_GC.accumulateAndGet(used(info.getMemoryUsageAfterGc()), Math::max);
                    }
                }, null, null);
            }
        }
    }

    private static long used(Map<String, MemoryUsage> pools) {
        long bytes = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pools.containsKey(pool.getName())) {
                bytes += pools.get(pool.getName()).getUsed();
            }
        }
        return bytes;
    }

    /** The most heap in use at any moment so far, in MB. */
    public static long peakMb() {
        long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return Math.max(PEAK_BEFORE_GC.get(), now) / (1024 * 1024);
    }

    /** The most data a collection found still live, in MB: what the run really needed at once. */
    public static long peakLiveMb() {
        return PEAK_AFTER_GC.get() / (1024 * 1024);
    }
}
