package org.policyradar.item;

import java.time.Instant;
import java.util.List;
import org.policyradar.classify.Classification;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.TextItem;
import org.policyradar.config.SourceConfig;

/** Builds the stored item from what a source gave us: classifies the text and attaches source and identity. */
public final class ItemFactory {
    private final ItemClassifier classifier;
    private final Glossary glossary;

    /** Items without an English gloss. */
    public ItemFactory(ItemClassifier classifier) {
        this(classifier, Glossary.NONE);
    }

    public ItemFactory(ItemClassifier classifier, Glossary glossary) {
        this.classifier = classifier;
        this.glossary = glossary;
    }

    /**
     * What a source yielded for one item before classification.
     *
     * @param url          the item's link; for the rare entry without one, the feed URL
     * @param identityKey  null when the item has its own link (the id is then the canonical URL's hash); otherwise
     *                     what identifies it within the source (guid, title), hashed with the source id
     * @param contentType  what a followed link was read as ({@code text/html}, {@code application/pdf}); null for feed entries
     */
    public record RawItem(String url, String title, String summary, String text, Instant published,
                          boolean publishedEstimated, Instant fetched, String declaredLang, String identityKey, String contentType) {
        /** A new entry, each field named; what is not set stays null (false). */
        public static Builder builder() {
            return new Builder();
        }

        /** Names what a source reader sets; an entry not read from a followed link leaves {@code contentType} unset. */
        public static final class Builder {
            private String url, title, summary, text, declaredLang, identityKey, contentType;
            private Instant published, fetched;
            private boolean publishedEstimated;

            private Builder() {
            }

            public Builder url(String url) { this.url = url; return this; }
            public Builder title(String title) { this.title = title; return this; }
            public Builder summary(String summary) { this.summary = summary; return this; }
            public Builder text(String text) { this.text = text; return this; }
            public Builder published(Instant published) { this.published = published; return this; }
            public Builder publishedEstimated(boolean publishedEstimated) { this.publishedEstimated = publishedEstimated; return this; }
            public Builder fetched(Instant fetched) { this.fetched = fetched; return this; }
            public Builder declaredLang(String declaredLang) { this.declaredLang = declaredLang; return this; }
            public Builder identityKey(String identityKey) { this.identityKey = identityKey; return this; }
            public Builder contentType(String contentType) { this.contentType = contentType; return this; }

            public RawItem build() {
                return new RawItem(url, title, summary, text, published, publishedEstimated, fetched, declaredLang, identityKey, contentType);
            }
        }
    }

    /** The id the entry's item has in the index, known before classifying it. */
    public static String documentId(SourceConfig source, RawItem raw) {
        return raw.identityKey() == null ? CanonicalUrl.documentId(raw.url())
                : CanonicalUrl.documentId("radar-entry:" + source.id() + ":" + raw.identityKey());
    }

    public Item build(SourceConfig source, RawItem raw) {
        String id = documentId(source, raw);
        String lang = raw.declaredLang() != null ? raw.declaredLang() : source.language();
        Classification c = classifier.classify(new TextItem(id, raw.title(), raw.summary(), raw.text(), lang));
        ClassifiedFields f = ClassifiedFields.of(c, glossary);
        return Item.builder().id(id).url(raw.url()).canonicalUrl(CanonicalUrl.canonicalize(raw.url())).title(raw.title())
                .summary(raw.summary()).text(raw.text()).published(raw.published()).publishedEstimated(raw.publishedEstimated())
                .fetched(raw.fetched()).lang(f.lang()).source(new SourceRef(source.id(), source.name(), source.region().name()))
                .topics(f.topics()).scores(f.scores()).evidence(f.evidence()).evidenceDetail(f.evidenceDetail())
                .entities(f.entities()).signals(f.signals()).titleTokens(f.titleTokens()).bodyTokens(f.bodyTokens())
                .contentType(raw.contentType()).build().withFingerprint().withGloss(f.gloss(), f.figures());
    }
}
