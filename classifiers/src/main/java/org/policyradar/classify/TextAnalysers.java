package org.policyradar.classify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoreNLP pipelines per language, loaded once. The English tokenizer is cheap and built at once; the Chinese
 * segmenter (~6 s, ~0.5 GB) is built on first use so that English-only processes never pay for it.
 * One instance per process; share it between classifiers.
 */
public final class TextAnalysers {

    private static final Logger LOG = LoggerFactory.getLogger(TextAnalysers.class);

    private final ChineseScript script;
    private final LanguageDetector detector;
    private final LatinTokenizer latin;
    private final String chineseModel;
    private volatile ChineseSegmenter chinese;

    /** With the small CTB segmenter model ({@value ChineseSegmenter#SMALL_MODEL}). */
    public TextAnalysers() {
        this(ChineseSegmenter.SMALL_MODEL);
    }

    /** @param chineseModel classpath or file path of a CoreNLP Chinese segmenter model (e.g. the full {@code ctb.gz}, ~1.3 GB heap) */
    public TextAnalysers(String chineseModel) {
        this.chineseModel = chineseModel;
        long start = System.nanoTime();
        this.script = ChineseScript.load();
        this.detector = new LanguageDetector(script);
        this.latin = new LatinTokenizer();
        LOG.info("event=model_loaded model=en-tokenizer ms={}", (System.nanoTime() - start) / 1_000_000);
    }

    public LanguageDetector detector() {
        return detector;
    }

    ChineseScript script() {
        return script;
    }

    /** Loads the Chinese segmenter now instead of on the first Chinese item (for services that want predictable latency). */
    public TextAnalysers preloadChinese() {
        chineseSegmenter();
        return this;
    }

    AnalysedText analyse(String text, String lang) {
        return isChinese(lang) ? chineseSegmenter().analyse(text, lang) : latin.analyse(text, lang);
    }

    /** Tokenises a phrase of the taxonomy the same way as Latin-script text. */
    AnalysedText analyseLatin(String text) {
        return latin.analyse(text, LanguageDetector.EN);
    }

    static boolean isChinese(String lang) {
        return lang != null && lang.startsWith("zh");
    }

    private ChineseSegmenter chineseSegmenter() {
        ChineseSegmenter s = chinese;
        if (s == null) {
            synchronized (this) {
                s = chinese;
                if (s == null) {
                    s = new ChineseSegmenter(script, chineseModel);
                    chinese = s;
                }
            }
        }
        return s;
    }
}
