/**
 * Where a session lives between runs when it must outlive one JVM: the {@link dev.springlit.store.SessionStore}
 * SPI, the record it keeps per session ({@link dev.springlit.store.StoredSession}), the plain-Java picture of a
 * session's committed state ({@link dev.springlit.store.SessionSnapshot}) and the codec that turns it into bytes
 * and refuses any bytes that are not ours ({@link dev.springlit.store.SnapshotCodec}), made of parts serialized
 * one by one ({@link dev.springlit.store.SnapshotParts}) so that a commit can carry only what its run changed
 * ({@link dev.springlit.store.SnapshotDelta}), plus the two stores Springlit ships: in memory and Redis (its
 * scripts, their calls on Lettuce's shared connection, and {@code ScriptBatches}, which sends the commits made while
 * others travel together).
 *
 * <p>Threading: every type here is immutable or thread-safe. A store is called concurrently by the runs of many
 * sessions; it serializes nothing itself beyond what its backend does, and guarantees per session only what
 * its compare-and-set says: of two commits made from the same version, at most one lands. Redis answers complete on
 * Lettuce's event loop, where the next batch of commits leaves too; nothing blocking may run there.
 */
package dev.springlit.store;
