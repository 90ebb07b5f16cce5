package io.leadhub.admin;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.UUID;

/**
 * A practice as the partner API shows it: the seed's field names and order, every field present (null when
 * unset) so partners see one stable shape, and DateCreated with exactly three fraction digits like IntakeQ's.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"Id", "PracticeName", "FirstName", "LastName", "Email", "ExternalPracticeId", "Slug",
        "DateCreated", "StreetAddress", "City", "State", "PostalCode", "FormsEnabled", "BookingEnabled"})
public record Practice(
        @JsonProperty("Id") UUID id,
        @JsonProperty("PracticeName") String practiceName,
        @JsonProperty("FirstName") String firstName,
        @JsonProperty("LastName") String lastName,
        @JsonProperty("Email") String email,
        @JsonProperty("ExternalPracticeId") String externalPracticeId,
        @JsonProperty("Slug") String slug,
        @JsonProperty("DateCreated")
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", timezone = "UTC")
        Instant dateCreated,
        @JsonProperty("StreetAddress") String streetAddress,
        @JsonProperty("City") String city,
        @JsonProperty("State") String state,
        @JsonProperty("PostalCode") String postalCode,
        @JsonProperty("FormsEnabled") boolean formsEnabled,
        @JsonProperty("BookingEnabled") boolean bookingEnabled) {
}
