/**
 * Who may call the hub: API key generation and SHA-256 lookup hashes, the tenant authenticator used by the
 * intake pipeline and the read API, the partner admin-key guard, encryption of the retrievable key copy,
 * and masking of emails and phone numbers in logs. Depends on http (for refusals) and Spring JDBC only.
 */
package io.leadhub.security;
