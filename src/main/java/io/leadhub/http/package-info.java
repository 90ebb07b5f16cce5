/**
 * HTTP plumbing shared by every route: the exception that carries a status and a client-facing message, and
 * the one place JSON responses are written (which also drops every inbound header so nothing is echoed).
 * Depends on Camel and Jackson only.
 */
package io.leadhub.http;
