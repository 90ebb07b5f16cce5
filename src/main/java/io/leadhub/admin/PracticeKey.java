package io.leadhub.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.UUID;

/** The answer of the key endpoints: the practice's id and the plaintext of its live API key. */
@JsonPropertyOrder({"Id", "ApiKey"})
public record PracticeKey(@JsonProperty("Id") UUID practiceId, @JsonProperty("ApiKey") String apiKey) {

    /** Keeps the key out of logs and exception messages should this record ever be printed. */
    @Override
    public String toString() {
        return "PracticeKey[practiceId=" + practiceId + ", apiKey=<redacted>]";
    }
}
