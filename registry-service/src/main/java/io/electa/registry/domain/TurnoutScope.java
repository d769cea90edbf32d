package io.electa.registry.domain;

/** Which part of the country turnout is asked for: the nation, a district or a station. */
public record TurnoutScope(Level level, String code) {
    /** Granularity of a scope. */
    public enum Level {
        NATION,
        DISTRICT,
        STATION
    }

    public static TurnoutScope nation() {
        return new TurnoutScope(Level.NATION, "");
    }

    public static TurnoutScope district(String code) {
        return new TurnoutScope(Level.DISTRICT, code);
    }

    public static TurnoutScope station(String code) {
        return new TurnoutScope(Level.STATION, code);
    }
}
