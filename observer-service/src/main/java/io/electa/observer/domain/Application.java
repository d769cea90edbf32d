package io.electa.observer.domain;

/** An organisation's application for one observer in one election (code of conduct accepted). */
public record Application(String organisationId, String electionId, Person person, String missionRole) {
}
