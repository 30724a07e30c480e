package io.solstice.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Seasons by hemisphere and holidays by country, as data. The holidays come from {@code
 * io/solstice/calendar/holidays.json} on the class path, or from a file of the same shape given by
 * the deployment, so a shop can add its own occasions without code.
 */
public final class SeasonCalendar {

    private static final String RESOURCE = "/io/solstice/calendar/holidays.json";
    private static final Pattern WORD = Pattern.compile("[^a-z]+");
    private static final double DAYS_PER_YEAR = 365.2425;

    private final CountryDirectory countries;
    private final List<Holiday> holidays;

    public SeasonCalendar(CountryDirectory countries, List<Holiday> holidays) {
        this.countries = countries;
        this.holidays = List.copyOf(holidays);
    }

    /** The calendar shipped with Solstice. */
    public static SeasonCalendar standard() {
        try (InputStream in = SeasonCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + RESOURCE);
            }
            return load(in, CountryDirectory.standard());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A calendar whose holidays are read from JSON of the same shape as the shipped file. */
    public static SeasonCalendar load(InputStream holidaysJson, CountryDirectory countries)
            throws IOException {
        JsonNode root = new ObjectMapper().readTree(holidaysJson);
        List<Holiday> holidays = new ArrayList<>();
        for (JsonNode node : root.path("holidays")) {
            holidays.add(parseHoliday(node));
        }
        return new SeasonCalendar(countries, holidays);
    }

    private static Holiday parseHoliday(JsonNode node) {
        String name = node.path("name").asText();
        Set<String> where = new HashSet<>();
        node.path("countries").forEach(c -> where.add(c.asText()));
        List<String> keywords = new ArrayList<>();
        node.path("keywords").forEach(k -> keywords.add(k.asText().toLowerCase(Locale.ROOT)));
        return new Holiday(
                name,
                parseRule(name, node.path("rule")),
                where,
                node.path("leadInDays").asInt(),
                keywords);
    }

    private static HolidayRule parseRule(String holiday, JsonNode rule) {
        String type = rule.path("type").asText();
        return switch (type) {
            case "fixed" ->
                    new HolidayRule.Fixed(rule.path("month").asInt(), rule.path("day").asInt());
            case "easter" -> new HolidayRule.EasterOffset(rule.path("offsetDays").asInt());
            case "nthWeekday" ->
                    new HolidayRule.NthWeekday(
                            rule.path("month").asInt(),
                            DayOfWeek.valueOf(rule.path("weekday").asText()),
                            rule.path("n").asInt(),
                            rule.path("offsetDays").asInt(0));
            case "dates" -> {
                List<LocalDate> dates = new ArrayList<>();
                rule.path("dates").forEach(d -> dates.add(LocalDate.parse(d.asText())));
                yield new HolidayRule.Dates(dates);
            }
            default ->
                    throw new IllegalArgumentException(
                            "holiday "
                                    + holiday
                                    + ": rule.type must be fixed, easter, nthWeekday or dates, got '"
                                    + type
                                    + "'");
        };
    }

    /** The country for what a storefront sent (ISO code or name). */
    public Country country(String codeOrName) {
        return countries.resolve(codeOrName);
    }

    public Season seasonOf(LocalDate date, Country country) {
        return Season.of(date, country.hemisphere());
    }

    /**
     * The time of year as an angle on the unit circle: {@code [sin, cos]}. In the southern
     * hemisphere the angle is shifted by half a year, so that 15 July in Sydney encodes like 15
     * January in London: the same season gets the same encoding.
     */
    public float[] yearAngle(LocalDate date, Country country) {
        double fraction = (date.getDayOfYear() - 1) / DAYS_PER_YEAR;
        if (country.hemisphere() == Hemisphere.SOUTH) {
            fraction += 0.5;
        }
        double angle = 2 * Math.PI * fraction;
        return new float[] {(float) Math.sin(angle), (float) Math.cos(angle)};
    }

    /** The holidays observed in {@code country}. */
    public List<Holiday> holidaysIn(Country country) {
        return holidays.stream().filter(h -> h.observedIn(country)).toList();
    }

    /** Distinct holiday names known to the calendar, in file order. */
    public List<String> holidayNames() {
        Set<String> names = new LinkedHashSet<>();
        holidays.forEach(h -> names.add(h.name()));
        return List.copyOf(names);
    }

    /**
     * How strongly demand for the named holiday is building on {@code date} in {@code country} (see
     * {@link Holiday#leadInStrength}); 0 when the country does not observe it.
     */
    public double leadIn(String holidayName, LocalDate date, Country country) {
        double strongest = 0.0;
        for (Holiday holiday : holidays) {
            if (holiday.name().equals(holidayName) && holiday.observedIn(country)) {
                strongest = Math.max(strongest, holiday.leadInStrength(date));
            }
        }
        return strongest;
    }

    /** Names of the holidays whose keywords appear as whole words in {@code text}. */
    public Set<String> holidaysMentionedIn(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<String> words = new HashSet<>(List.of(WORD.split(text.toLowerCase(Locale.ROOT))));
        Set<String> names = new LinkedHashSet<>();
        for (Holiday holiday : holidays) {
            if (holiday.keywords().stream().anyMatch(words::contains)) {
                names.add(holiday.name());
            }
        }
        return names;
    }
}
