package io.electa.observer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An organisation that sends observers; it exists across elections. */
@Entity
@Table(name = "organisation")
public class Organisation {
    @Id
    @Column(name = "organisation_id")
    public String organisationId;

    public String name;

    /** The OrganisationType enum name of the contract, e.g. ORGANISATION_TYPE_DOMESTIC_NGO. */
    public String type;

    /** ISO 3166-1 alpha-2. */
    public String country;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Organisation of(String organisationId, String name, String type, String country,
            String contactName, String contactEmail, String contactPhone, Instant now) {
        Organisation organisation = new Organisation();
        organisation.organisationId = organisationId;
        organisation.name = name;
        organisation.type = type;
        organisation.country = country;
        organisation.contactName = contactName;
        organisation.contactEmail = contactEmail;
        organisation.contactPhone = contactPhone;
        organisation.createdAt = now;
        return organisation;
    }
}
