/** Response styles of the intake dialects, chosen per source by the route file's {@code respond} parameter. */
package io.leadhub.intake.respond;
