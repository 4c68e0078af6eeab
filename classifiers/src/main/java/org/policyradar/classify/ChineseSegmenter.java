package org.policyradar.classify;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.StringUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * CoreNLP's Chinese word segmenter with the small CTB model ({@code ctb.small.gz}: ~0.5 GB live heap and ~6 s to load,
 * against 1.3 GB / 20 s for {@code ctb.gz}). Traditional text is mapped to simplified characters first (the CTB
 * model is trained on simplified text); the mapping keeps offsets. Thread-safe.
 */
final class ChineseSegmenter {

    private static final Logger LOG = LoggerFactory.getLogger(ChineseSegmenter.class);
    static final String SMALL_MODEL = "edu/stanford/nlp/models/segmenter/chinese/ctb.small.gz";

    private final StanfordCoreNLP pipeline;
    private final ChineseScript script;

    ChineseSegmenter(ChineseScript script, String model) {
        this.script = script;
        long start = System.nanoTime();
        Properties props = StringUtils.argsToProperties("-props", "StanfordCoreNLP-chinese.properties");
        props.setProperty("annotators", "tokenize");
        props.setProperty("segment.model", model);
        this.pipeline = new StanfordCoreNLP(props);
        LOG.info("event=model_loaded model=zh-segmenter file={} ms={}", model, (System.nanoTime() - start) / 1_000_000);
    }

    AnalysedText analyse(String text, String lang) {
        String simplified = script.toSimplified(text);
        Annotation doc = new Annotation(simplified);
        pipeline.annotate(doc);
        List<CoreLabel> labels = doc.get(CoreAnnotations.TokensAnnotation.class);
        List<Token> tokens = new ArrayList<>(labels.size());
        for (CoreLabel label : labels) {
            int begin = label.beginPosition();
            int end = label.endPosition();
            if (begin < 0 || end > simplified.length() || begin >= end) continue;
            String form = simplified.substring(begin, end).toLowerCase(Locale.ROOT);
            tokens.add(new Token(form, form, begin, end));
        }
        return new AnalysedText(text, lang, List.of(), tokens);
    }
}
