package io.electa.roll;

/** PostgreSQL COPY text format: tab-separated fields, one line per row, backslash escapes. */
public final class CopyText {
    private CopyText() {
    }

    /** Appends {@code value} escaped as one COPY text field. */
    public static StringBuilder field(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return text;
    }
}
