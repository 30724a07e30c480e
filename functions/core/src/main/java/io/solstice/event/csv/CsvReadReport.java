package io.solstice.event.csv;

import io.solstice.event.CatalogItem;
import java.util.List;

/**
 * What reading a transactions file produced besides its interactions.
 *
 * @param rows data rows read (the header is not counted)
 * @param interactions rows that became interactions
 * @param problemCount rows skipped because a value could not be read
 * @param problems the first {@link TransactionsCsv#MAX_PROBLEMS_KEPT} problems, in row order
 * @param catalog one item per item id, in order of first appearance
 */
public record CsvReadReport(
        long rows,
        long interactions,
        long problemCount,
        List<RowProblem> problems,
        List<CatalogItem> catalog) {

    public CsvReadReport {
        problems = List.copyOf(problems);
        catalog = List.copyOf(catalog);
    }

    /** E.g. {@code rows=541909 interactions=541908 skipped=1}. */
    public String summary() {
        return "rows=" + rows + " interactions=" + interactions + " skipped=" + problemCount;
    }
}
