/**
 * PostgreSQL: the embedded-by-default database, and the stores that read and write leads. Every write that
 * spans tables is one transaction; dedup rules are unique indexes (see db/migration) targeted by
 * INSERT ... ON CONFLICT. SQL lives in src/main/resources/sql/. Depends on canonical, Spring JDBC, and security
 * only for the generator of the embedded database's password.
 */
package io.leadhub.persistence;
