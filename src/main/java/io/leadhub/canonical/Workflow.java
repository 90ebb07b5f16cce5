package io.leadhub.canonical;

import java.util.List;
import java.util.Map;

/**
 * Where the lead stands inside the tenant: the entity (lead object) it belongs to, its status in each pipeline
 * (pipeline name to status name), who owns and who may see it, notes, tags and the practice area.
 */
public record Workflow(
        String entity,
        Map<String, String> statuses,
        String assignee,
        List<String> viewers,
        List<Note> notes,
        List<String> tags,
        String practiceArea) {

    public static final Workflow EMPTY = new Workflow(null, Map.of(), null, List.of(), List.of(), List.of(), null);

    public Workflow {
        statuses = statuses == null ? Map.of() : statuses;
        viewers = viewers == null ? List.of() : viewers;
        notes = notes == null ? List.of() : notes;
        tags = tags == null ? List.of() : tags;
    }

    /** A note on the lead, optionally tagged (Leadflip's {@code {"text", "tag"}} objects). */
    public record Note(String text, String tag) {
    }
}
