package org.policyradar.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code sources.yaml}.
 *
 * @param charset      overrides every charset the response declares (for sources known to lie)
 * @param trackChanges keep versions of fetched pages so edits raise plan-adjustment alerts
 * @param listing      for {@code kind: html}: how to find entries on the listing page
 * @param follow       for {@code kind: html}: fetch each linked page for its full text
 * @param allowHosts   further hosts whose links may be fetched for this source (besides the source's own)
 * @param note         free text: what kind of page it is, when its selectors were written
 */
public record SourceConfig(String id,
                           String name,
                           Region region,
                           String language,
                           SourceKind kind,
                           URI url,
                           Schedule schedule,
                           Optional<String> charset,
                           boolean trackChanges,
                           Optional<ListingSelectors> listing,
                           boolean follow,
                           List<String> allowHosts,
                           String note) {
}
