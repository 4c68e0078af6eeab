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
        /** An entry that was not read from a followed link. */
        public RawItem(String url, String title, String summary, String text, Instant published,
                       boolean publishedEstimated, Instant fetched, String declaredLang, String identityKey) {
            this(url, title, summary, text, published, publishedEstimated, fetched, declaredLang, identityKey, null);
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
        return new Item(id, raw.url(), CanonicalUrl.canonicalize(raw.url()), raw.title(), raw.summary(), raw.text(), raw.published(),
                raw.publishedEstimated(), raw.fetched(), f.lang(),
                new SourceRef(source.id(), source.name(), source.region().name()), f.topics(), f.scores(), f.evidence(),
                f.evidenceDetail(), f.entities(), f.signals(), f.titleTokens(), f.bodyTokens()).withContentType(raw.contentType())
                .withFingerprint().withGloss(f.gloss(), f.figures());
    }
}
