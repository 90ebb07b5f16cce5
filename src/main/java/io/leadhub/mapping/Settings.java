package io.leadhub.mapping;

/** The file-wide settings of a mapping that every rule's conversions depend on. */
record Settings(NullValues nulls, String flatten, String defaultRegion) {
}
