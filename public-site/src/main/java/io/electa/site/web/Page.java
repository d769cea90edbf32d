package io.electa.site.web;

/**
 * What every page's frame needs: the visitor's language, the election shown (empty on the list of
 * elections) and the page's own path, for the language links.
 */
public record Page(String lang, String electionId, String electionName, String path) {

    /** The other language's code, for the switch. */
    public String otherLang() {
        return Language.EN.equals(lang) ? Language.COMMISSION : Language.EN;
    }

    /** The other language's name, written in that language. */
    public String otherLangName() {
        return Language.EN.equals(lang) ? "Azərbaycanca" : "English";
    }

    /** The root of the election's pages. */
    public String base() {
        return "/elections/" + electionId;
    }
}
