package io.leadhub.canonical;

public record Address(String line1, String line2, String city, String state, String postalCode, String country) {

    public static final Address EMPTY = new Address(null, null, null, null, null, null);
}
