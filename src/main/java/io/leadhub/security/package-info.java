/**
 * Who may call the hub: API key generation and SHA-256 lookup hashes, the tenant authenticator used by the
 * intake pipeline and the read API with its cache of key lookups (kept fresh across instances by PostgreSQL
 * LISTEN/NOTIFY), the partner admin-key guard, encryption of the retrievable key copy, and masking of emails
 * and phone numbers in logs. Depends on http (for refusals), Spring JDBC, the PostgreSQL driver and HikariCP
 * (for the listening connection), Caffeine and Spring Security Crypto only; key configuration failures are
 * explained at start-up by a Spring Boot failure analyzer.
 */
package io.leadhub.security;
