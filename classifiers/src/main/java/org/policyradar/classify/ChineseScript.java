package org.policyradar.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Traditional/simplified Chinese character knowledge, from the pair table {@code hant-hans.txt}. Conversion is
 * character for character so that offsets in converted text are offsets in the original.
 */
public final class ChineseScript {

    private static final String RESOURCE = "org/policyradar/classify/hant-hans.txt";
    /** Simplified forms that are also ordinary traditional characters: they say nothing about the script. */
    private static final String SHARED_FORMS = "后里台干才只云斗板划回周志制范胜于冲丑几了向朴仆系松咸叶谷余征采卷舍出面万卜冬凶厘沈么教扎";

    private final Map<Character, Character> toSimplified;
    private final Set<Character> traditionalOnly;
    private final Set<Character> simplifiedOnly;

    private ChineseScript(Map<Character, Character> toSimplified) {
        this.toSimplified = Map.copyOf(toSimplified);
        this.traditionalOnly = Set.copyOf(toSimplified.keySet());
        Set<Character> simplified = new HashSet<>(toSimplified.values());
        SHARED_FORMS.chars().forEach(c -> simplified.remove((char) c));
        simplified.removeAll(traditionalOnly);
        this.simplifiedOnly = Set.copyOf(simplified);
    }

    public static ChineseScript load() {
        try (InputStream in = ChineseScript.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            Map<Character, Character> map = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("#")) continue;
                for (String pair : line.trim().split("\\s+")) {
                    if (pair.length() == 2 && pair.charAt(0) != pair.charAt(1)) {
                        map.put(pair.charAt(0), pair.charAt(1));
                    }
                }
            }
            return new ChineseScript(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Same length as the input: traditional characters replaced by simplified ones, full-width ASCII by ASCII. */
    public String toSimplified(String text) {
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            Character s = toSimplified.get(c);
            if (s != null) {
                out[i] = s;
            } else if (c >= '\uFF01' && c <= '\uFF5E') {
                out[i] = (char) (c - 0xFEE0);
            }
        }
        return new String(out);
    }

    public boolean isTraditionalOnly(char c) {
        return traditionalOnly.contains(c);
    }

    public boolean isSimplifiedOnly(char c) {
        return simplifiedOnly.contains(c);
    }
}
