package io.leadhub.canonical;

/**
 * How to reach the person. {@code email} is trimmed and lower-cased; {@code phone} is E.164 when the number could
 * be parsed, otherwise the trimmed original; {@code phoneOriginal} is always what the source sent.
 */
public record Contact(
        String firstName,
        String lastName,
        String fullName,
        String email,
        String phone,
        String phoneOriginal,
        String phoneType) {

    public static final Contact EMPTY = new Contact(null, null, null, null, null, null, null);

    /** The longest email address there can be (RFC 5321: 256 octets for a path, less its angle brackets). */
    public static final int MAX_EMAIL_LENGTH = 254;

    public boolean hasName() {
        return firstName != null || lastName != null || fullName != null;
    }
}
