package dev.assetflow.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Small reads of the synthesized template that several tests share. */
final class TemplateQueries {

    private TemplateQueries() {
    }

    static Template template() {
        return SynthesizedStack.TEMPLATE;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    /** The pipeline's own functions (java21), by logical id. */
    static Map<String, Map<String, Object>> pipelineFunctions() {
        return typed(template().findResources("AWS::Lambda::Function",
                Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("Runtime", "java21"))))));
    }

    /**
     * Every IAM policy: the roles' inline policies and the managed "OverflowPolicy" CDK moves statements to when a role's
     * inline policy would pass IAM's size limit (which ops-api's does): a check of what a role may do must read both.
     */
    static Map<String, Map<String, Object>> policies() {
        return policiesOf(template());
    }

    static Map<String, Map<String, Object>> policiesOf(Template template) {
        Map<String, Map<String, Object>> all = new java.util.LinkedHashMap<>(typed(template.findResources("AWS::IAM::Policy")));
        all.putAll(typed(template.findResources("AWS::IAM::ManagedPolicy")));
        return all;
    }

    static Map<String, Map<String, Object>> resources(String type) {
        return typed(template().findResources(type));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> typed(Map<String, Map<String, Object>> found) {
        return found;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }

    /** The logical id of the function of {@code template} whose handler class is the given one. */
    static String functionIdIn(Template template, String handlerClass) {
        return template.findResources("AWS::Lambda::Function").entrySet().stream()
                .filter(e -> (handlerClass + "::handleRequest").equals(properties(e.getValue()).get("Handler")))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no function with handler " + handlerClass));
    }

    /** The logical id of the pipeline function whose handler class is the given one. */
    static String functionId(String handlerClass) {
        return pipelineFunctions().entrySet().stream()
                .filter(e -> properties(e.getValue()).get("Handler").equals(handlerClass + "::handleRequest"))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no function with handler " + handlerClass));
    }
}
