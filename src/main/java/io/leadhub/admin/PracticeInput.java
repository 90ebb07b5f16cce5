package io.leadhub.admin;

/**
 * A create or update request after parsing: strings trimmed, blanks as null, so "absent" has one meaning.
 * {@code id} only identifies the practice on update; the booleans are null when the caller did not send them.
 */
public record PracticeInput(
        String id,
        String practiceName,
        String firstName,
        String lastName,
        String email,
        String externalPracticeId,
        String slug,
        String streetAddress,
        String city,
        String state,
        String postalCode,
        Boolean formsEnabled,
        Boolean bookingEnabled) {
}
