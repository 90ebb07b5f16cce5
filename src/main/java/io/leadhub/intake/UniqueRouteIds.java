package io.leadhub.intake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteBuilderLifecycleStrategy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.model.TemplatedRouteParameterDefinition;
import org.springframework.stereotype.Component;

/**
 * Stops start-up when two route files (or a route file and a Java route) declare the same route id. Camel replaces a
 * route definition with the same id without a word, so a new source that copied {@code routeId: source-ghl} would
 * silently take GHL's route away, and GHL, which never retries, would lose every lead to a 404. Camel main has such a
 * check, but Camel Spring Boot never starts the {@code RoutesConfigurer} that registers it.
 * <p>
 * Camel calls every {@link RouteBuilderLifecycleStrategy} bean after each routes builder is configured and before its
 * routes are added: each route file is one builder, whose resource is the file, so the report can name both files.
 * The route definitions themselves cannot: one created from a template carries no resource.
 */
@Component
class UniqueRouteIds implements RouteBuilderLifecycleStrategy {

    /** Route id → where it was declared, for the routes added while Camel starts. */
    private final Map<String, String> declared = new ConcurrentHashMap<>();

    @Override
    public void afterConfigure(RouteBuilder builder) {
        if (builder.getContext().isStarted()) {
            return; // routes added to a running Camel (a reload) replace theirs on purpose
        }
        String file = builder.getResource() != null
                ? builder.getResource().getLocation()
                : builder.getClass().getName();
        for (RouteDefinition route : builder.getRouteCollection().getRoutes()) {
            if (!route.isInlined()) {
                declare(route.getRouteId(), file + " (" + route.getEndpointUrl() + ")");
            }
        }
        for (TemplatedRouteDefinition route : builder.getTemplatedRouteCollection().getTemplatedRoutes()) {
            declare(route.getRouteId(), file + " (" + describe(route) + ")");
        }
    }

    private void declare(String routeId, String where) {
        if (routeId == null || routeId.isBlank()) {
            return; // Camel generates a unique one
        }
        String earlier = declared.putIfAbsent(routeId, where);
        if (earlier != null) {
            throw new SourceConfigurationException("route id '" + routeId + "' is declared twice: by " + earlier
                    + " and by " + where + "; Camel would keep only the last one, so route ids must be unique across"
                    + " all route files");
        }
    }

    private static String describe(TemplatedRouteDefinition route) {
        if (!LeadSourceRouteTemplate.TEMPLATE_ID.equals(route.getRouteTemplateRef())) {
            return "template " + route.getRouteTemplateRef();
        }
        return "lead source '" + parameter(route, "source") + "', " + parameter(route, "path");
    }

    private static String parameter(TemplatedRouteDefinition route, String name) {
        if (route.getParameters() == null) {
            return null;
        }
        return route.getParameters().stream()
                .filter(parameter -> name.equals(parameter.getName()))
                .map(TemplatedRouteParameterDefinition::getValue)
                .findFirst()
                .orElse(null);
    }
}
