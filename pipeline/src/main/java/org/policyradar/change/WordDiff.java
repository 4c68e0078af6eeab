package org.policyradar.change;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level diff of two texts: our tokens, java-diff-utils' Myers over them (O((N+M)D), minimal). Latin words,
 * numbers (with their decimal separators, dates and a trailing %) and punctuation are tokens; Chinese and Japanese
 * are diffed character by character, which is what a reader compares in a revised plan.
 */
public final class WordDiff {
    /** Beyond this many edits (after common prefix and suffix) the middle is reported as replaced wholesale. */
    static final int MAX_EDITS = 3000;

    private static final String NOT_CJK = "[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]";
    private static final Pattern TOKEN = Pattern.compile(
            "\\d+(?:[.,:/-]\\d+)*%?|[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]|[\\p{L}\\p{M}\\p{N}_'’&&" + NOT_CJK + "]+(?:-[\\p{L}\\p{M}\\p{N}&&" + NOT_CJK + "]+)*|\\S");

    /** One token: its text, whether whitespace preceded it, and where it starts in its text. */
    public record Token(String text, boolean spaceBefore, int start) {
        boolean isWord() {
            return Character.isLetterOrDigit(text.codePointAt(0));
        }
    }

    /** A run of tokens that are equal in both texts, only in the old one (deleted) or only in the new one (inserted). */
    public record Segment(Op op, List<Token> tokens) {
    }

    public enum Op { EQUAL, DELETE, INSERT }

    public static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int last = 0;
        while (m.find()) {
            out.add(new Token(m.group(), m.start() > last, m.start())); // between tokens there is only whitespace
            last = m.end();
        }
        return out;
    }

    public static Diff diff(String oldText, String newText) {
        List<Token> a = tokenize(oldText);
        List<Token> b = tokenize(newText);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && same(a.get(prefix), b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && same(a.get(a.size() - 1 - suffix), b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Token> midA = a.subList(prefix, a.size() - suffix);
        List<Token> midB = b.subList(prefix, b.size() - suffix);
        List<Segment> segments = new ArrayList<>();
        add(segments, Op.EQUAL, b.subList(0, prefix));
        List<Op> ops = editScript(midA, midB);
        int i = 0;
        int j = 0;
        for (Op op : ops) {
            switch (op) {
                case EQUAL -> add(segments, Op.EQUAL, List.of(midB.get(j++)));
                case DELETE -> add(segments, Op.DELETE, List.of(midA.get(i++)));
                case INSERT -> add(segments, Op.INSERT, List.of(midB.get(j++)));
            }
            if (op == Op.EQUAL) {
                i++;
            }
        }
        add(segments, Op.EQUAL, b.subList(b.size() - suffix, b.size()));
        return new Diff(segments);
    }

    private static boolean same(Token x, Token y) {
        return x.text().equals(y.text());
    }

    private static void add(List<Segment> segments, Op op, List<Token> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        if (!segments.isEmpty() && segments.get(segments.size() - 1).op() == op) {
            Segment last = segments.remove(segments.size() - 1);
            List<Token> merged = new ArrayList<>(last.tokens());
            merged.addAll(tokens);
            segments.add(new Segment(op, merged));
        } else {
            segments.add(new Segment(op, new ArrayList<>(tokens)));
        }
    }

    /**
     * The shortest edit script from a to b by java-diff-utils' Myers, one op per token; deletions before insertions
     * within a change; beyond {@link #MAX_EDITS} the whole of a is deleted and b inserted (the search is stopped
     * through the library's progress listener, which is called once per edit distance tried).
     */
    static List<Op> editScript(List<Token> a, List<Token> b) {
        List<Op> out = new ArrayList<>(a.size() + b.size());
        List<AbstractDelta<Token>> deltas;
        try {
            deltas = DiffUtils.diff(a, b, new MyersDiff<Token>(WordDiff::same), new StopBeyond(MAX_EDITS)).getDeltas();
        } catch (TooManyEdits e) {
            for (int k = 0; k < a.size(); k++) out.add(Op.DELETE);
            for (int k = 0; k < b.size(); k++) out.add(Op.INSERT);
            return out;
        }
        int i = 0;
        for (AbstractDelta<Token> delta : deltas) {
            for (; i < delta.getSource().getPosition(); i++) out.add(Op.EQUAL);
            for (int k = 0; k < delta.getSource().size(); k++) out.add(Op.DELETE);
            for (int k = 0; k < delta.getTarget().size(); k++) out.add(Op.INSERT);
            i += delta.getSource().size();
        }
        for (; i < a.size(); i++) out.add(Op.EQUAL);
        return groupChanges(out);
    }

    private static final class TooManyEdits extends RuntimeException {
        TooManyEdits() {
            super(null, null, false, false);
        }
    }

    private record StopBeyond(int maxEdits) implements DiffAlgorithmListener {
        @Override
        public void diffStart() {
        }

        @Override
        public void diffStep(int value, int max) {
            if (value > maxEdits) {
                throw new TooManyEdits();
            }
        }

        @Override
        public void diffEnd() {
        }
    }

    /** Within a run of changes, put deletions first so a replaced phrase reads [-old-]{+new+}. */
    private static List<Op> groupChanges(List<Op> ops) {
        List<Op> out = new ArrayList<>(ops.size());
        int del = 0;
        int ins = 0;
        for (Op op : ops) {
            if (op == Op.EQUAL) {
                flush(out, del, ins);
                del = 0;
                ins = 0;
                out.add(op);
            } else if (op == Op.DELETE) {
                del++;
            } else {
                ins++;
            }
        }
        flush(out, del, ins);
        return out;
    }

    private static void flush(List<Op> out, int del, int ins) {
        for (int k = 0; k < del; k++) out.add(Op.DELETE);
        for (int k = 0; k < ins; k++) out.add(Op.INSERT);
    }
}
