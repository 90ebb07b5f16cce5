/**
 * HTTP plumbing shared by every route: the exception that carries a status and a client-facing message, and
 * the one place JSON responses are written (which also drops every inbound header so nothing is echoed), down
 * to the errors Tomcat answers by itself; how requests reach Camel (on the request thread, their bodies read
 * once and only up to the limit, their query parameters kept apart from their headers, an Error answered as a
 * 500); what a body must be to be stored (one JSON object, text and numbers
 * PostgreSQL can hold); and the gate that answers 503 while the instance is starting or stopping.
 * Depends on Camel, Jackson, Spring Web, Tomcat and the canonical model only.
 */
package io.leadhub.http;
