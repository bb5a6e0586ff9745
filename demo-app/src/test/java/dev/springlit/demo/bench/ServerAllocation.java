package dev.springlit.demo.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

/**
 * The heap bytes the server's threads have allocated so far, and its garbage collections, read over the JVM's local
 * management agent (attached to the server's pid, as {@code jcmd} does). Unlike CPU time and latency, the bytes a
 * rerun allocates do not move with the machine's load, so they compare two builds on a busy machine. Threads that
 * ended are counted too ({@code getTotalThreadAllocatedBytes}); the reading itself allocates a few KB on the
 * server's RMI threads, nothing beside a phase's megabytes.
 */
final class ServerAllocation implements AutoCloseable {

    private final JMXConnector connector;
    private final ThreadMXBean threads;
    private final List<GarbageCollectorMXBean> collectors;

    private ServerAllocation(JMXConnector connector, ThreadMXBean threads, List<GarbageCollectorMXBean> collectors) {
        this.connector = connector;
        this.threads = threads;
        this.collectors = collectors;
    }

    /** Attaches to the JVM with {@code pid} (same user) and starts its local management agent if need be. */
    static ServerAllocation attach(long pid) throws IOException {
        String address;
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException e) {
            throw new IOException("cannot attach to the server's JVM " + pid, e);
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        MBeanServerConnection server = connector.getMBeanServerConnection();
        ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.THREAD_MXBEAN_NAME,
                ThreadMXBean.class);
        List<GarbageCollectorMXBean> collectors = server.queryNames(collectorNames(), null).stream()
                .map(name -> newProxy(server, name))
                .toList();
        return new ServerAllocation(connector, threads, collectors);
    }

    private static ObjectName collectorNames() {
        try {
            return ObjectName.getInstance(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*");
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GarbageCollectorMXBean newProxy(MBeanServerConnection server, ObjectName name) {
        try {
            return ManagementFactory.newPlatformMXBeanProxy(server, name.toString(), GarbageCollectorMXBean.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the server's collector " + name, e);
        }
    }

    /** What the server has allocated and collected so far; subtract two readings for a phase. */
    Reading read() {
        long collections = 0;
        long collectionMillis = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            collections += Math.max(0, collector.getCollectionCount());
            collectionMillis += Math.max(0, collector.getCollectionTime());
        }
        return new Reading(threads.getTotalThreadAllocatedBytes(), collections, collectionMillis);
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException gone) {
            // the server is gone or going
        }
    }

    /** Bytes allocated by all threads, garbage collections (young and old together) and their accumulated time. */
    record Reading(long allocatedBytes, long collections, long collectionMillis) {

        /** Allocated bytes per event between {@code before} and this reading. */
        double bytesPer(Reading before, long events) {
            return (allocatedBytes - before.allocatedBytes) / (double) Math.max(1, events);
        }

        long collectionsSince(Reading before) {
            return collections - before.collections;
        }

        long collectionMillisSince(Reading before) {
            return collectionMillis - before.collectionMillis;
        }
    }
}
