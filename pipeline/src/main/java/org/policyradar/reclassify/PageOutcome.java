package org.policyradar.reclassify;

import java.util.List;
import java.util.Map;

/**
 * What one page of stored items came to.
 *
 * @param items      items read (each counted once, whatever became of it)
 * @param changed    items written whose topics changed
 * @param conflicts  items rewritten by the ingestion between our read and our write (left as the ingestion wrote them)
 * @param failed     items that could not be classified or written
 * @param failures   each failure as {@code id: reason}
 * @param lastSort   the sort values of the page's last item: where the next page, or a resumed run, starts
 */
record PageOutcome(int items, int changed, int conflicts, int failed, List<String> failures, Map<String, Long> added,
                   Map<String, Long> removed, List<String> lastSort) {
}
