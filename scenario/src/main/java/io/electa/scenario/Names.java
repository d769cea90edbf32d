package io.electa.scenario;

/** Synthetic people's names, picked by a random number: European spellings, spaces, hyphens, apostrophes. */
public final class Names {
    private static final String[] FAMILY = {
        "Adamek", "Baranova", "Cerny", "Dvorakova", "Esposito", "Fischer", "Garcia", "Horvath", "Ivanova",
        "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Oliveira", "Petrov", "Quinn", "Rossi",
        "Schmidt", "Tanaka", "Ulrich", "Virtanen", "Wagner", "Xavier", "Yilmaz", "Zielinska", "Andersen",
        "Bianchi", "Costa", "Dubois", "Eriksson", "Fernandez", "Gruber", "Hansen", "Iliescu", "Janssen",
        "Keller", "Lopez", "Martin", "Nielsen", "O'Brien", "Popescu", "Richter", "Silva", "Takacs",
        "Urban", "Vasquez", "Weber", "Young", "Zimmermann"};
    private static final String[] GIVEN = {
        "Anna", "Boris", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Katarina",
        "Lukas", "Maria", "Nikolai", "Olga", "Pavel", "Rosa", "Stefan", "Tereza", "Viktor", "Wanda",
        "Yusuf", "Zofia", "Adam", "Beatrix", "Jean-Luc", "Marie Claire", "Ana Sofia", "Jan Erik", "Lea"};

    private Names() {
    }

    public static String family(long random) {
        return FAMILY[(int) Long.remainderUnsigned(random, FAMILY.length)];
    }

    public static String given(long random) {
        return GIVEN[(int) Long.remainderUnsigned(random, GIVEN.length)];
    }
}
