package io.electa.support.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from google.protobuf.Timestamp and the database's timestamptz. */
public final class Timestamps {
    private Timestamps() {
    }

    public static Timestamp toProto(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    public static Instant fromProto(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    /** The instant as the reactive PostgreSQL client binds a timestamptz. */
    public static OffsetDateTime toSql(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
