/**
 * The canonical lead/intake model every dialect is normalized into. Plain records with no dependency on
 * Camel, Spring, Jackson or any other package of the hub; everything else may depend on it.
 */
package io.leadhub.canonical;
