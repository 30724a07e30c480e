package io.solstice.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves what storefronts send as a country (an ISO code such as {@code AU}, a name such as
 * {@code Australia} or {@code RSA}, or a region's ISO 3166-2 code such as {@code AU-NSW}, which
 * counts as its country: seasons and holidays are kept per country) to a {@link Country}. The list
 * is data: {@code io/solstice/calendar/countries.csv} on the class path.
 */
public final class CountryDirectory {

    private static final String RESOURCE = "/io/solstice/calendar/countries.csv";

    /** An ISO 3166-2 subdivision code: the country's alpha-2 code, a hyphen, up to three more. */
    private static final Pattern REGION = Pattern.compile("([A-Za-z]{2})-[A-Za-z0-9]{1,3}");

    private final Map<String, Country> byKey;

    private CountryDirectory(Map<String, Country> byKey) {
        this.byKey = byKey;
    }

    /** The directory shipped with Solstice. */
    public static CountryDirectory standard() {
        try (InputStream in = CountryDirectory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static CountryDirectory parse(BufferedReader reader) throws IOException {
        Map<String, Country> byKey = new HashMap<>();
        boolean header = true;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] fields = line.split(",", 3);
            Country country = new Country(fields[0], Hemisphere.valueOf(fields[1]));
            byKey.put(key(fields[0]), country);
            for (String name : fields[2].split("\\|")) {
                byKey.put(key(name), country);
            }
        }
        return new CountryDirectory(byKey);
    }

    private static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The country for a code, a name or a region code; {@link Country#UNKNOWN} when it is not in
     * the list.
     */
    public Country resolve(String codeOrName) {
        if (codeOrName == null) {
            return Country.UNKNOWN;
        }
        Country named = byKey.get(key(codeOrName));
        if (named != null) {
            return named;
        }
        Matcher region = REGION.matcher(codeOrName.trim());
        return region.matches()
                ? byKey.getOrDefault(key(region.group(1)), Country.UNKNOWN)
                : Country.UNKNOWN;
    }
}
