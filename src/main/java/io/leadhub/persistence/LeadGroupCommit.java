package io.leadhub.persistence;

import io.leadhub.persistence.LeadBatchStatement.LeadRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
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
 * <p>Failures keep their meaning per lead: a transient failure (lock timeout, lost connection) fails every lead
 * of the batch with that same exception, so each request's own redelivery and parking policy applies; any other
 * failure re-runs the leads one by one, so one bad lead fails alone.
 *
 * <p>Hand-written because nothing on the classpath answers each caller from a shared batch: Camel's Aggregator
 * completes the batch but ends the exchanges it absorbed, and Spring JDBC batching needs one thread's list.
 */
@Component
public class LeadGroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeadGroupCommit.class);

    private final LeadBatchStatement statement;
    private final int writers;
    private final int maxBatchSize;
    private final BlockingQueue<PendingWrite> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();

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
     * when there are no writers.
     */
    public SavedLead save(LeadWrite write) {
        if (!running.get() || TransactionSynchronizationManager.isActualTransactionActive()) {
            return statement.execute(List.of(write)).get(0);
        }
        PendingWrite pending = new PendingWrite(statement.row(write), new CompletableFuture<>());
        queue.add(pending);
        try {
            while (true) {
                try {
                    return pending.result().get(1, TimeUnit.SECONDS);
                } catch (TimeoutException stillQueued) {
                    // Writers that stopped after this write was queued will not take it: write it alone.
                    if (!running.get() && queue.remove(pending)) {
                        return statement.executeRows(List.of(pending.row())).get(0);
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
                writeInRounds(batch);
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

    /** Two writes of one lead (a fast retry, say) go in consecutive statements, in the order they came. */
    private void writeInRounds(List<PendingWrite> batch) {
        List<PendingWrite> round = new ArrayList<>(batch.size());
        List<PendingWrite> later = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        for (PendingWrite pending : batch) {
            (keys.add(pending.row().write().dedupKey()) ? round : later).add(pending);
        }
        write(round);
        if (!later.isEmpty()) {
            writeInRounds(later);
        }
    }

    private void write(List<PendingWrite> batch) {
        try {
            List<SavedLead> saved = statement.executeRows(batch.stream().map(PendingWrite::row).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(saved.get(i));
            }
        } catch (RuntimeException failure) {
            if (batch.size() == 1 || TransientDatabaseFailures.isTransient(failure)) {
                batch.forEach(pending -> pending.result().completeExceptionally(failure));
            } else {
                batch.forEach(pending -> write(List.of(pending)));
            }
        }
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
