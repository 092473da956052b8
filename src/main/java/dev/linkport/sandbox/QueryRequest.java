package dev.linkport.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A parsed Query API request: its form parameters and the resolved caller. */
final class QueryRequest {

    private final Map<String, String> params;
    private final CallerIdentity caller;
    private final String requestId;

    QueryRequest(Map<String, String> params, CallerIdentity caller, String requestId) {
        this.params = params;
        this.caller = caller;
        this.requestId = requestId;
    }

    CallerIdentity caller() {
        return caller;
    }

    String requestId() {
        return requestId;
    }

    String action() {
        return params.get("Action");
    }

    String get(String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    String required(String name) {
        String value = get(name);
        if (value == null) {
            throw AwsException.missing(name);
        }
        return value;
    }

    Boolean bool(String name) {
        String value = get(name);
        return value == null ? null : Boolean.parseBoolean(value);
    }

    Integer integer(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new AwsException("InvalidParameterValue", "Value (" + value + ") for parameter " + name + " is invalid.");
        }
    }

    /** Values of {@code prefix.1}, {@code prefix.2}, ... in index order. */
    List<String> list(String prefix) {
        TreeMap<Integer, String> values = new TreeMap<>();
        String start = prefix + ".";
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().startsWith(start)) {
                String rest = e.getKey().substring(start.length());
                if (rest.chars().allMatch(Character::isDigit) && !rest.isEmpty()) {
                    values.put(Integer.parseInt(rest), e.getValue());
                }
            }
        }
        return new ArrayList<>(values.values());
    }

    /** EC2 filters: {@code Filter.N.Name} and {@code Filter.N.Value.M}, by name. */
    Map<String, List<String>> filters() {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        TreeMap<Integer, String> names = new TreeMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("Filter.") && key.endsWith(".Name")) {
                String index = key.substring("Filter.".length(), key.length() - ".Name".length());
                if (index.chars().allMatch(Character::isDigit) && !index.isEmpty()) {
                    names.put(Integer.parseInt(index), e.getValue());
                }
            }
        }
        names.forEach((index, name) -> filters.computeIfAbsent(name, n -> new ArrayList<>())
                .addAll(list("Filter." + index + ".Value")));
        return filters;
    }

    /** Parameters that define what a create call asks for: all but the token and the protocol envelope. */
    String fingerprint() {
        TreeMap<String, String> sorted = new TreeMap<>(params);
        sorted.keySet().removeIf(k -> k.equals("ClientToken") || k.equals("Action") || k.equals("Version")
                || k.equals("DryRun"));
        return sorted.toString();
    }
}
