/**
 * Plumbing shared by the scheduled jobs in routes/ (YAML routes on Camel's scheduler): their error policy.
 * Depends on Camel only; the jobs' work lives in the packages that own it.
 */
package io.leadhub.jobs;
