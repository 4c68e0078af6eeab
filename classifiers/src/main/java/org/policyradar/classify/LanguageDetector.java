package org.policyradar.classify;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small dependency-free language identification for the languages PolicyRadar ingests: script ratios decide between
 * Chinese and Latin script; traditional vs simplified characters decide {@code zh-Hant} vs {@code zh}; stopword counts
 * decide between {@code en}, {@code de} and {@code fr}. The declared language only breaks ties, because feeds lie
 * (RTHK declares zh-CN for traditional text).
 */
public final class LanguageDetector {

    public static final String EN = "en";
    public static final String DE = "de";
    public static final String FR = "fr";
    public static final String ZH = "zh";
    public static final String ZH_HANT = "zh-Hant";

    private static final int SAMPLE = 4000;
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:'\\p{L}+)?");
    private static final Set<String> EN_WORDS = Set.of("the", "and", "of", "to", "in", "is", "for", "on", "that", "with", "as",
            "by", "it", "its", "from", "are", "was", "be", "has", "have", "will", "at", "an", "this", "says", "said", "after", "new", "how", "what");
    private static final Set<String> DE_WORDS = Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "für",
            "ein", "eine", "einen", "auf", "auch", "sich", "im", "zu", "bei", "wird", "werden", "über", "nach", "wie", "sind", "zum", "zur", "des");
    private static final Set<String> FR_WORDS = Set.of("le", "la", "les", "des", "et", "est", "une", "un", "du", "dans", "pour", "que",
            "qui", "sur", "pas", "par", "au", "aux", "avec", "ce", "cette", "sont", "plus", "ont", "selon", "l'", "d'");

    private final ChineseScript script;

    public LanguageDetector(ChineseScript script) {
        this.script = script;
    }

    /**
     * @param text     the item's text (title and body)
     * @param declared the feed's language tag or null; used only when the text itself does not decide
     * @return {@code en}, {@code de}, {@code fr}, {@code zh} or {@code zh-Hant}
     */
    public String detect(String text, String declared) {
        String sample = text == null ? "" : text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        int han = 0, latin = 0, trad = 0, simp = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
                if (script.isTraditionalOnly(c)) trad++;
                else if (script.isSimplifiedOnly(c)) simp++;
            } else if (Character.isLetter(c) && c < 0x0250) {
                latin++;
            }
        }
        String declaredBase = base(declared);
        // Chinese text carries Latin acronyms (AI, 5G) but a few Han characters already make it Chinese: one Han
        // character is worth about three Latin letters of information.
        if (han > 0 && han * 3 >= latin) {
            if (trad > simp) return ZH_HANT;
            if (simp > trad) return ZH;
            return "zh-hant".equals(declaredBase) || "zh-tw".equals(declaredBase) || "zh-hk".equals(declaredBase) ? ZH_HANT : ZH;
        }
        int en = 0, de = 0, fr = 0;
        Matcher m = WORD.matcher(sample.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            String w = m.group();
            if (EN_WORDS.contains(w)) en++;
            if (DE_WORDS.contains(w)) de++;
            if (FR_WORDS.contains(w) || w.startsWith("l'") || w.startsWith("d'")) fr++;
        }
        int best = Math.max(en, Math.max(de, fr));
        if (best == 0 || (en == de && en == best) || (en == fr && en == best) || (de == fr && de == best)) {
            // no decision from the words: trust a declared Latin-script language, else English
            if (declaredBase != null) {
                if (declaredBase.startsWith("de")) return DE;
                if (declaredBase.startsWith("fr")) return FR;
            }
            if (best == 0 || en == best) return EN;
        }
        if (de == best && de > en && de >= fr) return DE;
        if (fr == best && fr > en && fr > de) return FR;
        return EN;
    }

    private static String base(String declared) {
        return declared == null || declared.isBlank() ? null : declared.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
