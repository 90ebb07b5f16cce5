package io.leadhub.persistence;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import java.util.UUID;

/**
 * Ids for the rows intake writes at its full rate: leads (and so their events' {@code lead_id}) and parked
 * deliveries. They are UUID version 7 (RFC 9562): the time of creation in milliseconds first, then 74 random
 * bits, so they are as unguessable as before but a new row's index entries land beside the last one's instead of
 * on a random page of {@code leads_pkey} and {@code lead_events_lead_idx}. Random ids made every insert touch, and
 * after each checkpoint write out whole, a page no recent insert had touched: measured on PostgreSQL, a batch of
 * leads cost it about a fifth more CPU with random ids once the table held a million rows (docs/PERFORMANCE.md).
 *
 * <p>Jackson's java-uuid-generator makes them; its random part comes from a SecureRandom, as
 * {@link UUID#randomUUID()}'s does.
 */
public final class RowIds {

    private static final NoArgGenerator TIME_ORDERED = Generators.timeBasedEpochRandomGenerator();

    private RowIds() {
    }

    public static UUID next() {
        return TIME_ORDERED.generate();
    }
}
