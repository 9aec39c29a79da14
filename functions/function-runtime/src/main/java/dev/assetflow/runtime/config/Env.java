package dev.assetflow.runtime.config;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.assetflow.domain.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** Reads a function's configuration from its environment, failing at init with the variable's name. */
public record Env(Map<String, String> variables) {

    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    public String optional(String name, String fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public long longValue(String name, long fallback) {
        String value = optional(name, null);
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " is not a number: " + value);
        }
    }

    public double doubleValue(String name, double fallback) {
        String value = optional(name, null);
        try {
            return value == null ? fallback : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " is not a number: " + value);
        }
    }

    public Duration seconds(String name, long fallback) {
        return Duration.ofSeconds(longValue(name, fallback));
    }

    /** A JSON object of strings, e.g. WORK_QUEUES. */
    public Map<String, String> jsonMap(String name) {
        try {
            return Json.mapper().readValue(required(name), new TypeReference<Map<String, String>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("environment variable " + name + " is not a JSON object of strings", e);
        }
    }
}
