package io.leadhub.intake;

import io.leadhub.canonical.CanonicalLead;
import io.leadhub.mapping.LeadMapping;
import io.leadhub.mapping.MappingRegistry;
import io.leadhub.persistence.IntakeInbox;
import io.leadhub.persistence.IntakeInbox.ParkedLead;
import io.leadhub.persistence.LeadStore;
import io.leadhub.persistence.SavedLead;
import io.leadhub.persistence.TransientDatabaseFailures;
import io.leadhub.security.PersonalDataMasker;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays parked leads (the {@code intake-inbox-replay} job in routes/ calls {@link #replayDue()}). Each entry is
 * claimed, mapped, stored and marked processed in one transaction, so a lead is stored exactly once even with
 * several hub instances replaying at the same time. Entries are taken in the order they arrived and stored with
 * their arrival time, so a parked delivery replayed after a newer one of the same lead only fills what the lead
 * lacks (save-leads.sql).
 */
@Component("intakeInboxReplayer")
public class IntakeInboxReplayer {

    private static final Logger log = LoggerFactory.getLogger(IntakeInboxReplayer.class);
    private static final int MAX_ERROR_LENGTH = 1_000;

    private final IntakeInbox inbox;
    private final MappingRegistry mappings;
    private final LeadStore leads;
    private final TransactionTemplate transaction;
    private final int batchSize;
    private final int maxAttempts;
    private final long backoffMillis;

    public IntakeInboxReplayer(IntakeInbox inbox, MappingRegistry mappings, LeadStore leads,
            TransactionTemplate transaction,
            @Value("${hub.inbox.batch-size:100}") int batchSize,
            @Value("${hub.inbox.max-attempts:20}") int maxAttempts,
            @Value("${hub.inbox.backoff-ms:5000}") long backoffMillis) {
        this.inbox = inbox;
        this.mappings = mappings;
        this.leads = leads;
        this.transaction = transaction;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.backoffMillis = backoffMillis;
    }

    /** Replays up to one batch of due entries; returns how many were stored. */
    public int replayDue() {
        int stored = 0;
        for (int i = 0; i < batchSize; i++) {
            AtomicReference<ParkedLead> claimed = new AtomicReference<>();
            try {
                Optional<SavedLead> saved = transaction.execute(status -> inbox.claimNextDue().map(parked -> {
                    claimed.set(parked);
                    return store(parked);
                }));
                if (saved == null || saved.isEmpty()) {
                    break;
                }
                stored++;
            } catch (RuntimeException e) {
                if (claimed.get() == null) {
                    throw e;
                }
                // The lead's transaction rolled back; record the attempt outside it. A mapping that no longer
                // accepts the payload will not accept it next time either.
                boolean permanent = !TransientDatabaseFailures.isTransient(e);
                String error = PersonalDataMasker.mask(describe(e));
                inbox.markRetry(claimed.get().id(), error, permanent, maxAttempts, backoffMillis);
                log.warn("Replay of parked lead {} failed ({}): {}", claimed.get().id(),
                        permanent ? "giving up" : "will retry", error);
            }
        }
        if (stored > 0) {
            log.info("Stored {} parked lead(s) from the intake inbox", stored);
        }
        return stored;
    }

    /**
     * What went wrong, for the inbox row and the log: PostgreSQL's SQLState and message when the database
     * refused, not Spring's wrapper, whose message repeats the whole statement (some 5 KB of SQL per attempt).
     */
    static String describe(RuntimeException failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        String described = cause instanceof SQLException sql ? sql.getSQLState() + " " + sql.getMessage()
                : String.valueOf(cause.getMessage());
        return described.length() <= MAX_ERROR_LENGTH ? described : described.substring(0, MAX_ERROR_LENGTH);
    }

    private SavedLead store(ParkedLead parked) {
        LeadMapping mapping = mappings.get(parked.mapping());
        CanonicalLead lead = mapping.map(parked.payload());
        mapping.validate(lead);
        SavedLead saved = leads.save(parked.tenantId(), parked.source(), lead, parked.payloadJson(),
                parked.receivedAt());
        inbox.markProcessed(parked.id(), saved.id());
        return saved;
    }
}
