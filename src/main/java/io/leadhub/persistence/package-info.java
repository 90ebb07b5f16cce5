/**
 * PostgreSQL: the embedded-by-default database, and the stores that read and write leads. Every write that
 * spans tables is one transaction; dedup rules are unique indexes (see db/migration) targeted by
 * INSERT ... ON CONFLICT. SQL lives in src/main/resources/sql/. Depends on canonical and Spring JDBC.
 */
package io.leadhub.persistence;
