package io.electa.system;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Timestamp;
import io.electa.common.v1.Date;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Hostile encodings of a request type, made from its descriptor: for every field (and every field
 * of a nested message), values no client should send: oversized, not UTF-8, out of range,
 * unknown enum values, impossible times and dates, too many list items, forged page tokens. Each
 * variant sets one field and leaves the rest empty, as raw bytes.
 */
final class HostileRequests {
    /** A value longer than any limit, long enough to break a header if it were echoed. */
    static final String OVERSIZED = "Z".repeat(70_000);
    private static final byte[] NOT_UTF8 = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
    private static final int MAX_DEPTH = 2;

    /** One hostile request: what it is, and its bytes. */
    record Variant(String name, byte[] bytes) {
    }

    private HostileRequests() {
    }

    /** The empty request and every single-field hostile variant of {@code type}. */
    static List<Variant> of(Descriptor type) {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("empty", new byte[0]));
        collect(type, "", 0, variants);
        return variants;
    }

    private static void collect(Descriptor type, String prefix, int depth, List<Variant> into) {
        for (FieldDescriptor field : type.getFields()) {
            String path = prefix + field.getName();
            for (Variant value : valuesOf(field, path, depth)) {
                into.add(value);
            }
        }
    }

    /** Variants of {@code field} alone, each encoded as the whole message it belongs to. */
    private static List<Variant> valuesOf(FieldDescriptor field, String path, int depth) {
        List<Variant> out = new ArrayList<>();
        int count = field.isRepeated() ? 5_000 : 1;
        switch (field.getType()) {
            case STRING -> {
                out.add(new Variant(path + "=oversized", repeat(field, count == 1 ? 1 : 2,
                        bytes(OVERSIZED))));
                out.add(new Variant(path + "=not-utf8", repeat(field, 1, NOT_UTF8)));
                out.add(new Variant(path + "=control", repeat(field, 1, bytes("a\u0000b"))));
                out.add(new Variant(path + "=blank", repeat(field, 1, bytes("   "))));
                if (field.isRepeated()) {
                    out.add(new Variant(path + "=too-many", repeat(field, count, bytes("X"))));
                }
                if (field.getName().equals("page_token")) {
                    out.add(new Variant(path + "=forged", repeat(field, 1, bytes("!!!"))));
                    out.add(new Variant(path + "=foreign", repeat(field, 1, bytes(Base64.getUrlEncoder()
                            .withoutPadding().encodeToString("not ours".getBytes(StandardCharsets.UTF_8))))));
                    out.add(new Variant(path + "=odd-key", repeat(field, 1, bytes(Base64.getUrlEncoder()
                            .withoutPadding().encodeToString("after:\u0000/x/y/z".getBytes(StandardCharsets.UTF_8))))));
                }
            }
            case INT32, SINT32, SFIXED32 -> {
                out.add(new Variant(path + "=int-max", varint(field, Integer.MAX_VALUE)));
                out.add(new Variant(path + "=int-min", varint(field, Integer.MIN_VALUE)));
            }
            case INT64, SINT64, SFIXED64, UINT64, UINT32 -> {
                out.add(new Variant(path + "=long-max", varint(field, Long.MAX_VALUE)));
                out.add(new Variant(path + "=long-min", varint(field, Long.MIN_VALUE)));
                out.add(new Variant(path + "=minus-one", varint(field, -1)));
            }
            case ENUM -> {
                out.add(new Variant(path + "=unknown-enum", varint(field, 999)));
                out.add(new Variant(path + "=negative-enum", varint(field, -7)));
            }
            case BOOL -> out.add(new Variant(path + "=true", varint(field, 1)));
            case BYTES -> out.add(new Variant(path + "=oversized", repeat(field, 1, bytes(OVERSIZED))));
            case MESSAGE -> out.addAll(messageValues(field, path, depth));
            default -> {
            }
        }
        return out;
    }

    private static List<Variant> messageValues(FieldDescriptor field, String path, int depth) {
        List<Variant> out = new ArrayList<>();
        Descriptor type = field.getMessageType();
        if (type.equals(Timestamp.getDescriptor())) {
            out.add(new Variant(path + "=time-overflow", repeat(field, 1,
                    Timestamp.newBuilder().setSeconds(Long.MAX_VALUE).build().toByteArray())));
            out.add(new Variant(path + "=time-negative-nanos", repeat(field, 1,
                    Timestamp.newBuilder().setSeconds(1).setNanos(-1).build().toByteArray())));
            out.add(new Variant(path + "=time-before-year-1", repeat(field, 1,
                    Timestamp.newBuilder().setSeconds(-62_135_596_801L).build().toByteArray())));
            return out;
        }
        if (type.equals(Date.getDescriptor())) {
            out.add(new Variant(path + "=date-impossible", repeat(field, 1,
                    Date.newBuilder().setYear(0).setMonth(13).setDay(32).build().toByteArray())));
            out.add(new Variant(path + "=date-feb-30", repeat(field, 1,
                    Date.newBuilder().setYear(2027).setMonth(2).setDay(30).build().toByteArray())));
            out.add(new Variant(path + "=date-extreme", repeat(field, 1,
                    Date.newBuilder().setYear(Integer.MAX_VALUE).setMonth(Integer.MIN_VALUE).setDay(-1).build()
                            .toByteArray())));
            return out;
        }
        out.add(new Variant(path + "=empty-message", repeat(field, 1, new byte[0])));
        if (field.isRepeated()) {
            out.add(new Variant(path + "=too-many", repeat(field, 5_000, new byte[0])));
        }
        if (depth < MAX_DEPTH) {
            List<Variant> inner = new ArrayList<>();
            collect(type, path + ".", depth + 1, inner);
            for (Variant variant : inner) {
                out.add(new Variant(variant.name(), repeat(field, 1, variant.bytes())));
            }
        }
        return out;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code field} as a length-delimited value, {@code times} times. */
    private static byte[] repeat(FieldDescriptor field, int times, byte[] value) {
        return encode(out -> {
            for (int i = 0; i < times; i++) {
                out.writeByteArray(field.getNumber(), value);
            }
        });
    }

    private static byte[] varint(FieldDescriptor field, long value) {
        return encode(out -> {
            switch (field.getType()) {
                case SINT32 -> out.writeSInt32(field.getNumber(), (int) value);
                case SINT64 -> out.writeSInt64(field.getNumber(), value);
                case SFIXED32 -> out.writeSFixed32(field.getNumber(), (int) value);
                case SFIXED64 -> out.writeSFixed64(field.getNumber(), value);
                default -> out.writeInt64(field.getNumber(), value);
            }
        });
    }

    private interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] encode(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            writer.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

}
