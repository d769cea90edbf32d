package io.electa.support.grpc;

/** Looks through a failure's chain of causes. */
public final class Causes {
    private Causes() {
    }

    /** The first throwable of {@code type} in the chain, or null. */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Whether a throwable in the chain has a class whose simple name is one of {@code names}. */
    public static boolean anyNamed(Throwable failure, String... names) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String simple = t.getClass().getSimpleName();
            for (String name : names) {
                if (simple.equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
