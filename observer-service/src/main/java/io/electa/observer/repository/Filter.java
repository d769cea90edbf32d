package io.electa.observer.repository;

import java.util.HashMap;
import java.util.Map;

/** A HQL where-clause built from optional conditions, with named parameters. */
final class Filter {
    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code clause}, its '?' standing for {@code values} in order. */
    Filter and(String clause, Object... values) {
        StringBuilder bound = new StringBuilder();
        int next = 0;
        for (char c : clause.toCharArray()) {
            if (c == '?') {
                String name = "p" + parameters.size();
                parameters.put(name, values[next++]);
                bound.append(':').append(name);
            } else {
                bound.append(c);
            }
        }
        where.append(where.length() == 0 ? "" : " and ").append('(').append(bound).append(')');
        return this;
    }

    /** Adds {@code field = value} unless the value is null or empty (an unset filter). */
    Filter andEqualIfSet(String field, Object value) {
        return value == null || "".equals(value) ? this : and(field + " = ?", value);
    }

    String hql(String orderBy) {
        return (where.length() == 0 ? "" : where + " ") + "order by " + orderBy;
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
