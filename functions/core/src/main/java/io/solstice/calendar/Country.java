package io.solstice.calendar;

/**
 * A country as the season calendar needs it.
 *
 * @param code ISO 3166 alpha-2 code, or {@code ZZ} when the storefront's value is not known
 * @param hemisphere the hemisphere whose seasons apply
 */
public record Country(String code, Hemisphere hemisphere) {

    /** Used for unknown or unspecified countries: northern seasons, only worldwide holidays. */
    public static final Country UNKNOWN = new Country("ZZ", Hemisphere.NORTH);
}
