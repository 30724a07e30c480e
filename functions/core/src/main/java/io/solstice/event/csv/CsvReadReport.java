package io.solstice.event.csv;

import io.solstice.event.CatalogItem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reading a transactions file produced besides its interactions.
 *
 * @param rows data rows read (the header is not counted)
 * @param interactions rows that became interactions
 * @param problemCount rows skipped because a value could not be read
 * @param problems the first {@link TransactionsCsv#MAX_PROBLEMS_KEPT} problems, in row order
 * @param catalog one item per item id, in order of first appearance
 * @param descriptionVariants the item ids whose rows carry more than one distinct non-empty
 *     description, each with those descriptions in order of first appearance; the catalogue keeps
 *     only the latest, so this is the only place the conflicts are visible
 */
public record CsvReadReport(
        long rows,
        long interactions,
        long problemCount,
        List<RowProblem> problems,
        List<CatalogItem> catalog,
        Map<String, List<String>> descriptionVariants) {

    public CsvReadReport {
        problems = List.copyOf(problems);
        catalog = List.copyOf(catalog);
        Map<String, List<String>> variants = new LinkedHashMap<>();
        descriptionVariants.forEach((item, texts) -> variants.put(item, List.copyOf(texts)));
        descriptionVariants = Collections.unmodifiableMap(variants);
    }

    /** A report without description variants (a file without a description column). */
    public CsvReadReport(
            long rows,
            long interactions,
            long problemCount,
            List<RowProblem> problems,
            List<CatalogItem> catalog) {
        this(rows, interactions, problemCount, problems, catalog, Map.of());
    }

    /** E.g. {@code rows=541909 interactions=541908 skipped=1}. */
    public String summary() {
        return "rows=" + rows + " interactions=" + interactions + " skipped=" + problemCount;
    }
}
