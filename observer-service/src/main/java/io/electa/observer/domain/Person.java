package io.electa.observer.domain;

import java.time.LocalDate;

/** The observer to accredit; citizenship and document number identify the person. */
public record Person(String givenName, String familyName, String citizenship, String documentNumber,
        LocalDate dateOfBirth) {
}
