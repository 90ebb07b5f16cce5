package io.leadhub.mapping;

import com.dashjoin.jsonata.Jsonata;
import java.util.List;
import java.util.Map;

/** Where a rule takes its value from: source keys, a constant, or a JSONata expression. */
sealed interface ValueSource {

    /** The converted value, or null when nothing usable was found. */
    Resolved resolve(MappingRun run, Converter converter);

    /** A rule's transforms and its target's normalization: null for "no value", {@link ValueException} if unusable. */
    @FunctionalInterface
    interface Converter {
        Object convert(Object original);
    }

    /**
     * Candidate paths in order; the first present value that converts wins. Keys the rule looked at and found
     * empty ("null", "") are consumed too: the mapping knows them and they say nothing, so custom need not repeat
     * them. Keys after the winner, values that would not convert, and values a transform reduced to nothing
     * (rest-words of "Cher") are left for custom, because they did say something.
     */
    record Paths(List<String> written, List<PayloadPaths.SourcePath> normalized) implements ValueSource {
        @Override
        public Resolved resolve(MappingRun run, Converter converter) {
            for (PayloadPaths.SourcePath path : normalized) {
                for (PayloadPaths.Match match : run.find(path)) {
                    Object value;
                    try {
                        value = converter.convert(match.value());
                    } catch (ValueException unusable) {
                        continue;
                    }
                    if (value != null) {
                        run.consume(match.address());
                        return new Resolved(match.value(), value);
                    }
                    if (run.settings().nulls().isAbsent(match.value())) {
                        run.consume(match.address());
                    }
                }
            }
            return null;
        }
    }

    record Constant(Object value) implements ValueSource {
        @Override
        public Resolved resolve(MappingRun run, Converter converter) {
            Object converted = converter.convert(value);
            return converted == null ? null : new Resolved(value, converted);
        }
    }

    /**
     * Evaluated on the whole payload (unflattened when the file flattens). Reads do not consume keys: an expression
     * may combine or merely test keys, so the hub cannot tell which of them it really used. A failing evaluation is
     * treated as "no value", like a missing key, since it is caused by the data, not the file (which compiled);
     * that includes the engine's own runtime failures, a recursion that overflows the stack and an evaluation that
 * passes the engine's time or depth bound, which must not turn one odd payload into a failed intake.
     * The compiled expression is shared by all request threads; the engine keeps evaluation state per thread.
     */
    record Expression(String text, Jsonata compiled) implements ValueSource {

        /**
         * The engine's own bounds, per evaluation: a recursion in tail position ({@code $f := function($x){
         * $f($x) }}) runs as an endless loop rather than overflowing the stack, and held a request thread (and
         * graceful shutdown) forever. A real mapping expression takes microseconds.
         */
        static final long EVALUATION_TIME_LIMIT_MS = 1_000;
        static final int EVALUATION_DEPTH_LIMIT = 1_000;

        @Override
        public Resolved resolve(MappingRun run, Converter converter) {
            try {
                Jsonata.Frame bounded = compiled.createFrame();
                bounded.setRuntimeBounds(EVALUATION_TIME_LIMIT_MS, EVALUATION_DEPTH_LIMIT);
                Object result = compiled.evaluate(run.expressionInput(), bounded);
                Object converted = isJsonValue(result) ? converter.convert(result) : null;
                return converted == null ? null : new Resolved(result, converted);
            } catch (RuntimeException | StackOverflowError noValue) {
                // StackOverflowError: a recursive expression that never ends on this payload. The stack unwinds
                // here, so the thread is as fit as after any exception.
                return null;
            }
        }

        /** What a value from JSON can be; a function ({@code "$uppercase"}) or the engine's null is no value. */
        private static boolean isJsonValue(Object result) {
            return result instanceof String || result instanceof Number || result instanceof Boolean
                    || result instanceof Map<?, ?> || result instanceof List<?>;
        }
    }
}
