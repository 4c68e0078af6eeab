package org.policyradar.route;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.policyradar.change.ChangeTracker;
import org.policyradar.config.SourceConfig;
import org.policyradar.extract.Article;
import org.policyradar.extract.ArticleExtractor;
import org.policyradar.extract.DocumentExtractor;
import org.policyradar.extract.HtmlDecoder;
import org.policyradar.extract.ListingEntry;
import org.policyradar.extract.PageContentCheck;
import org.policyradar.fetch.BotChallenge;
import org.policyradar.fetch.FetchException;
import org.policyradar.fetch.FetchResult;
import org.policyradar.fetch.FetchStateStore;
import org.policyradar.fetch.Fetcher;
import org.policyradar.fetch.LinkPolicy;
import org.policyradar.item.ItemFactory.RawItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the entries of a listing (an HTML list or a JSON endpoint) into raw items: as listed, or with {@code follow}
 * each linked page fetched (only where {@link LinkPolicy} allows, robots.txt permitting, conditionally) for its main
 * text. An unchanged page (304) yields nothing; a page that fails is counted and named, the others go on.
 */
public final class ListingFollower {
    private static final Logger LOG = LoggerFactory.getLogger(ListingFollower.class);

    private final Fetcher pageFetcher;
    private final FetchStateStore fetchState;
    private final LinkPolicy linkPolicy;
    private final HtmlDecoder decoder;
    private final ArticleExtractor extractor;
    private final PageContentCheck contentCheck;
    private final ChangeTracker changes;
    private final DocumentExtractor documents;

    /**
     * @param pageFetcher  checks robots.txt before every page
     * @param contentCheck refuses what is not HTML (images, binary) by name before it is parsed
     * @param changes      keeps versions of the followed pages of {@code track_changes} sources
     * @param documents    reads followed links that are documents (PDF) instead of pages
     */
    public ListingFollower(Fetcher pageFetcher, FetchStateStore fetchState, LinkPolicy linkPolicy, HtmlDecoder decoder,
                           ArticleExtractor extractor, PageContentCheck contentCheck, ChangeTracker changes,
                           DocumentExtractor documents) {
        this.documents = documents;
        this.pageFetcher = pageFetcher;
        this.fetchState = fetchState;
        this.linkPolicy = linkPolicy;
        this.decoder = decoder;
        this.extractor = extractor;
        this.contentCheck = contentCheck;
        this.changes = changes;
    }

    /** @param listing the fetched listing, whose fetch time dates entries without a date of their own */
    public SourceRead read(SourceConfig source, List<ListingEntry> entries, FetchResult listing) {
        List<RawItem> items = new ArrayList<>();
        List<PageValidators> validators = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (ListingEntry entry : entries) {
            if (!source.follow()) {
                items.add(RawItem.builder().url(entry.url()).title(entry.title()).summary(entry.summary())
                        .published(entry.published() != null ? entry.published() : listing.fetched())
                        .publishedEstimated(entry.published() == null).fetched(listing.fetched()).build());
                continue;
            }
            URI uri = URI.create(entry.url());
            Optional<String> refusal = linkPolicy.refusal(source.url(), source.allowHosts(), uri);
            if (refusal.isPresent()) {
                refuse(errors, "link_refused", source, uri, refusal.get());
                continue;
            }
            try {
                FetchResult page = pageFetcher.fetch(source.id(), uri, fetchState.get(source.id(), uri), source.request().forLinkedPages());
                if (page.notModified()) {
                    continue;
                }
                if (!page.finalUri().equals(uri) && linkPolicy.refusal(source.url(), source.allowHosts(), page.finalUri()).isPresent()) {
                    refuse(errors, "redirect_refused", source, uri, "redirected to " + page.finalUri() + ", a host the source may not fetch");
                    continue;
                }
                Optional<String> documentType = documents.documentType(page.body(), page.contentType());
                Optional<String> notAPage = documentType.isPresent() ? Optional.empty()
                        : contentCheck.refusal(page.body(), page.contentType())
                                .or(() -> BotChallenge.inPage(page.body()).map(c -> "bot challenge: " + c));
                if (notAPage.isPresent()) {
                    refuse(errors, "page_refused", source, uri, notAPage.get());
                    continue;
                }
                Article article;
                try {
                    article = documentType.isPresent() ? documents.extract(page.body(), page.contentType())
                            : extractor.extract(decoder.decode(page.body(), page.contentType(), source.charset().orElse(null)),
                            page.finalUri().toString());
                } catch (DocumentExtractor.UnreadableDocumentException e) {
                    refuse(errors, "page_refused", source, uri, "not an HTML page: " + e.getMessage());
                    continue;
                } catch (RuntimeException | StackOverflowError e) {
                    // A page the extractor cannot take costs that page only, never the listing's other pages.
                    refuse(errors, "page_refused", source, uri, "extraction failed: " + e);
                    continue;
                }
                var published = article.published() != null ? article.published() : entry.published();
                items.add(RawItem.builder().url(entry.url())
                        .title(article.title() == null || article.title().isBlank() ? entry.title() : article.title())
                        .summary(entry.summary()).text(article.text()).published(published != null ? published : page.fetched())
                        .publishedEstimated(published == null).fetched(page.fetched()).declaredLang(article.lang())
                        .contentType(documentType.orElse("text/html")).build());
                if (track(source, entry.url(), items.get(items.size() - 1).title(), article.text(), page)) {
                    validators.add(new PageValidators(uri, page.validators()));
                }
            } catch (FetchException e) {
                LOG.warn("event=page_failed source={} url={} status={} reason=\"{}\"", source.id(), uri, e.status(),
                        String.valueOf(e.getMessage()).replace('"', '\''));
                errors.add(String.valueOf(e.getMessage()));
            }
        }
        LOG.debug("event=listing_read source={} entries={} items={} failed={}", source.id(), entries.size(), items.size(),
                errors.size());
        return new SourceRead(items, validators, errors.size(), errors);
    }

    private static void refuse(List<String> errors, String event, SourceConfig source, URI uri, String reason) {
        String clean = reason.replace('"', '\'');
        LOG.warn("event={} source={} url={} reason=\"{}\"", event, source.id(), uri, clean);
        errors.add("source=" + source.id() + " url=" + uri + " reason=\"" + clean + "\"");
    }

    /**
     * Stores the page's version when its source tracks changes. @return false when that failed: the page's previous
     * validators are then kept, so if it changed the next poll gets it in full (not a 304) and compares again.
     */
    private boolean track(SourceConfig source, String url, String title, String text, FetchResult page) {
        try {
            changes.track(source, url, title, text, page.fetched());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("event=version_failed source={} url={} reason=\"{}\"", source.id(), url,
                    String.valueOf(e.getMessage()).replace('"', '\''));
            return false;
        }
    }
}
