package io.electa.support.domain;

/** One broken input rule: the field (proto field path) and what is wrong with it. */
public record FieldViolation(String field, String description) {
}
