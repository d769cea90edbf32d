package io.electa.support.domain;

import io.electa.common.v1.FieldViolationReason;

/**
 * One broken input rule: the field (its path in the request, e.g. "candidates[2].full_name"), why
 * (a reason the contract documents) and what is wrong with it, in words that never repeat the
 * refused value.
 */
public record FieldViolation(String field, FieldViolationReason reason, String description) {
}
