/**
 * HTTP plumbing shared by every route: the exception that carries a status and a client-facing message, and
 * the one place JSON responses are written (which also drops every inbound header so nothing is echoed); how
 * requests reach Camel (on the request thread, their bodies read once and only up to the limit); and the gate
 * that answers 503 while the instance is starting or stopping; and what a body must be to be stored (one JSON
 * object, text and numbers PostgreSQL can hold).
 * Depends on Camel, Jackson and the canonical model only.
 */
package io.leadhub.http;
