package io.leadhub.persistence;

import io.leadhub.persistence.LeadBatchStatement.LeadRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit for concurrent lead writes. A request thread queues its write and waits; a few writer threads
 * each take whatever is queued (up to {@code max-size}) and save it with one statement, so under load many leads
 * share one round trip, one commit and one WAL flush instead of paying for their own. Every caller still gets
 * its own answer only after its lead is committed, so acceptance stays as durable as before; when the load is
 * light a batch is simply one lead and nothing waits for company.
 *
 * <p>Failures keep their meaning per lead. A lock timeout says that some lead's row is held by another
 * transaction, not which: the writer stops that batch and hands each lead it has not committed back to its own
 * caller, which writes it alone, so the free leads commit at once and only the held one waits and fails. Its key
 * is remembered for {@link #HELD_FOR}, and its writes (the request's retries, later deliveries) are made by their
 * callers, never queued, so a held row costs the writer, and every lead queued behind it, one lock_timeout, not
 * one per attempt. Any other transient failure (lost connection, statement timeout) fails every lead of the
 * batch with that same exception, so each request's own redelivery and parking policy applies; any other
 * failure re-runs the leads one by one, so one bad lead fails alone.
 *
 * <p>Hand-written because nothing on the classpath answers each caller from a shared batch: Camel's Aggregator
 * completes the batch but ends the exchanges it absorbed, and Spring JDBC batching needs one thread's list.
 */
@Component
public class LeadGroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeadGroupCommit.class);

    /** How long, after a lead's row timed out waiting for a lock, its writes are made alone by their callers. */
    static final Duration HELD_FOR = Duration.ofMinutes(1);

    /** A writer's answer for a lead it did not write: the caller writes it alone, on its own connection. */
    private static final SavedLead WRITE_ALONE = new SavedLead(null, false, null, null);

    private final LeadBatchStatement statement;
    private final int writers;
    private final int maxBatchSize;
    private final BlockingQueue<PendingWrite> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    /** Dedup keys of leads whose rows recently timed out waiting for a lock, each until its System.nanoTime(). */
    private final Map<Object, Long> heldLeads = new ConcurrentHashMap<>();

    public LeadGroupCommit(LeadBatchStatement statement,
            @Value("${hub.intake.group-commit.writers:4}") int writers,
            @Value("${hub.intake.group-commit.max-size:32}") int maxBatchSize) {
        if (writers < 1 || maxBatchSize < 1) {
            throw new IllegalArgumentException("hub.intake.group-commit.writers and max-size must be at least 1");
        }
        this.statement = statement;
        this.writers = writers;
        this.maxBatchSize = maxBatchSize;
    }

    /**
     * Saves the write in the next batch and returns what it did once that batch is committed. Inside a
     * transaction (the inbox replay) the caller writes alone on its own connection, so the write joins that
     * transaction and nobody else's lead ever does; so does a caller before start-up or after shutdown began,
     * when there are no writers, and a caller whose lead's row was lately found held by another transaction.
     */
    public SavedLead save(LeadWrite write) {
        if (!running.get() || TransactionSynchronizationManager.isActualTransactionActive() || isHeld(write)) {
            return writeAlone(statement.row(write));
        }
        PendingWrite pending = new PendingWrite(statement.row(write), new CompletableFuture<>());
        queue.add(pending);
        try {
            while (true) {
                try {
                    SavedLead saved = pending.result().get(1, TimeUnit.SECONDS);
                    return saved == WRITE_ALONE ? writeAlone(pending.row()) : saved;
                } catch (TimeoutException stillQueued) {
                    // Writers that stopped after this write was queued will not take it: write it alone.
                    if (!running.get() && queue.remove(pending)) {
                        return writeAlone(pending.row());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the lead was being saved", e);
        } catch (ExecutionException e) {
            // The writer's exception as it was thrown, so the caller's error policy sees its real type.
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void writeLoop() {
        List<PendingWrite> batch = new ArrayList<>(maxBatchSize);
        while (running.get() || !queue.isEmpty()) {
            try {
                PendingWrite first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatchSize - 1);
                if (!heldLeads.isEmpty()) {
                    handBackHeldLeads(batch);
                }
                if (!batch.isEmpty()) {
                    writeInRounds(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // Never leave a caller waiting forever, whatever went wrong.
                batch.forEach(pending -> pending.result().completeExceptionally(e));
                log.error("Lead writer failed outside a statement", e);
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Two writes of one lead (a fast retry, say) go in consecutive statements, in the order they came. Once a
     * statement timed out on a lock, the writes of later rounds go back to their callers too: they are more
     * writes of the batch's leads, the held one perhaps among them.
     */
    private void writeInRounds(List<PendingWrite> batch) {
        List<PendingWrite> round = new ArrayList<>(batch.size());
        List<PendingWrite> later = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        for (PendingWrite pending : batch) {
            (keys.add(pending.row().write().dedupKey()) ? round : later).add(pending);
        }
        if (!write(round)) {
            later.forEach(LeadGroupCommit::handBack);
        } else if (!later.isEmpty()) {
            writeInRounds(later);
        }
    }

    /**
     * Writes the leads in one statement and answers their callers.
     *
     * @return false if a lock timeout stopped the writer: leads it did not answer were handed back
     */
    private boolean write(List<PendingWrite> batch) {
        try {
            List<SavedLead> saved = statement.executeRows(batch.stream().map(PendingWrite::row).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(saved.get(i));
            }
            return true;
        } catch (RuntimeException failure) {
            if (TransientDatabaseFailures.isLockTimeout(failure)) {
                // One lead's row is held by someone else, and waiting again to learn which would cost the
                // writer another lock_timeout: each caller writes its own lead, side by side.
                if (batch.size() == 1) {
                    markHeld(batch.get(0).row());
                    batch.get(0).result().completeExceptionally(failure);
                } else {
                    batch.forEach(LeadGroupCommit::handBack);
                }
                return false;
            }
            if (batch.size() == 1 || TransientDatabaseFailures.isTransient(failure)) {
                batch.forEach(pending -> pending.result().completeExceptionally(failure));
                return true;
            }
            for (int i = 0; i < batch.size(); i++) {
                if (!write(List.of(batch.get(i)))) {
                    batch.subList(i + 1, batch.size()).forEach(LeadGroupCommit::handBack);
                    return false;
                }
            }
            return true;
        }
    }

    /** Writes one lead on the caller's thread and connection; a lock timeout marks its row as held. */
    private SavedLead writeAlone(LeadRow row) {
        try {
            return statement.executeRows(List.of(row)).get(0);
        } catch (RuntimeException failure) {
            if (TransientDatabaseFailures.isLockTimeout(failure)) {
                markHeld(row);
            }
            throw failure;
        }
    }

    private static void handBack(PendingWrite pending) {
        pending.result().complete(WRITE_ALONE);
    }

    /** Leads whose rows are held go back to their callers before the writer would wait for them again. */
    private void handBackHeldLeads(List<PendingWrite> batch) {
        for (Iterator<PendingWrite> it = batch.iterator(); it.hasNext(); ) {
            PendingWrite pending = it.next();
            if (isHeld(pending.row().write().dedupKey())) {
                handBack(pending);
                it.remove();
            }
        }
    }

    private boolean isHeld(LeadWrite write) {
        return !heldLeads.isEmpty() && isHeld(write.dedupKey());
    }

    private boolean isHeld(Object key) {
        Long until = heldLeads.get(key);
        if (until == null) {
            return false;
        }
        if (until - System.nanoTime() < 0) {
            heldLeads.remove(key, until);
            return false;
        }
        return true;
    }

    private void markHeld(LeadRow row) {
        long now = System.nanoTime();
        heldLeads.values().removeIf(until -> until - now < 0);
        heldLeads.put(row.write().dedupKey(), now + HELD_FOR.toNanos());
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            for (int i = 1; i <= writers; i++) {
                Thread thread = new Thread(this::writeLoop, "lead-writer-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }
    }

    /** Writers finish what is queued before they exit, so no accepted request is left unanswered. */
    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            for (Thread thread : threads) {
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(30));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            threads.clear();
        }
    }

    /** Writes waiting for a writer; for tests and diagnostics. */
    int queued() {
        return queue.size();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** Stops after Camel (a lower phase stops later), so in-flight intake requests still have writers. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private record PendingWrite(LeadRow row, CompletableFuture<SavedLead> result) {
    }
}
