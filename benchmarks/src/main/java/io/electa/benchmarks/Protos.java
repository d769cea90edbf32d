package io.electa.benchmarks;

import io.electa.common.v1.Date;
import java.time.LocalDate;
import java.util.UUID;

/** Small conversions shared by the gRPC clients. */
final class Protos {
    private Protos() {
    }

    static Date date(LocalDate date) {
        return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue())
                .setDay(date.getDayOfMonth()).build();
    }

    /** A fresh idempotency key. */
    static String requestId() {
        return UUID.randomUUID().toString();
    }
}
