package io.solstice.clean;

import java.util.regex.Pattern;

/**
 * The tunable part of cleaning.
 *
 * @param productCode item ids that are products; the default is five leading digits, the Online
 *     Retail convention ({@code 85123A} is a product, {@code POST} is postage)
 * @param quantityCap quantities above this are lowered to it (rule {@link
 *     CleaningRule#EXTREME_QUANTITY}); bulk orders still count, but one 80,000-unit line cannot
 *     dominate quantity-based statistics
 */
public record CleaningPolicy(Pattern productCode, int quantityCap) {

    /** Five leading digits for products; quantities capped at 2,000 units a line. */
    public static CleaningPolicy defaults() {
        return new CleaningPolicy(Pattern.compile("^\\d{5}.*"), 2_000);
    }

    public boolean isProductCode(String itemId) {
        return productCode.matcher(itemId).matches();
    }
}
