package org.policyradar.index;

import java.util.List;
import java.util.Random;

/**
 * Policy-news-like English headlines and summaries from a shared vocabulary: unrelated texts share many common
 * character trigrams (as real news in one language does) but are different stories.
 */
final class NewsTextGenerator {
    private static final List<String> ACTORS = List.of("The European Commission", "Germany's economy ministry",
            "The US Commerce Department", "China's industry ministry", "Japan's trade ministry", "The UK regulator Ofcom",
            "France's competition authority", "The Dutch government", "India's telecom department", "South Korea",
            "The Federal Network Agency", "Brussels", "Beijing", "Washington", "The European Parliament", "Canada",
            "Australia's eSafety commissioner", "The Italian data protection authority", "Poland", "Taiwan's cabinet",
            "The World Trade Organization", "Lawmakers in Berlin", "The Senate commerce committee", "Singapore", "Brazil");
    private static final List<String> VERBS = List.of("proposes", "approves", "delays", "tightens", "relaxes", "reviews",
            "launches", "blocks", "extends", "scraps", "fines", "investigates", "backs", "rejects", "publishes", "drafts",
            "expands", "suspends", "negotiates", "finalises");
    private static final List<String> OBJECTS = List.of("rules on artificial intelligence", "5G network security law",
            "export controls on advanced chips", "subsidies for semiconductor plants", "data transfer agreement",
            "cloud sovereignty scheme", "cybersecurity certification", "spectrum auction", "digital services tax",
            "platform competition rules", "critical raw materials list", "battery recycling targets",
            "quantum computing strategy", "undersea cable protection plan", "broadband rollout funding",
            "facial recognition ban", "open RAN pilot programme", "merger of two telecom operators",
            "foreign investment screening", "green hydrogen tender", "electric vehicle tariffs",
            "satellite internet licence", "online child safety code", "chip design tax credit", "AI liability directive");
    private static final List<String> DETAILS = List.of("after months of consultation with industry groups",
            "citing national security concerns", "amid pressure from member states", "ahead of next year's elections",
            "following a complaint by consumer organisations", "in a move welcomed by start-ups",
            "despite objections from large operators", "to close gaps exposed by recent outages",
            "as part of a wider industrial strategy", "under a timetable agreed in December",
            "with a budget of several billion euros", "in response to rising energy prices",
            "after a court ruling last month", "to align with international partners",
            "in coordination with allied governments", "to protect critical infrastructure");
    private static final List<String> CONTEXT = List.of("Officials said the measure would take effect within",
            "Analysts expect the decision to affect", "Industry representatives warned that", "The ministry estimated that",
            "A spokesperson declined to say whether", "Critics argue that", "According to a draft seen by reporters,",
            "Operators have until the end of", "The plan foresees that", "Under the proposal,", "Opposition parties said",
            "Trade associations called for", "The regulator noted that", "Consumer groups said");
    private static final List<String> CLAIMS = List.of("roughly %d companies would need new compliance staff",
            "investment of %d million would be required over five years", "%d percent of base stations must be replaced",
            "fines of up to %d percent of turnover could apply", "the review would take about %d weeks",
            "%d suppliers are under scrutiny", "at least %d data centres fall under the rules",
            "%d regions will receive funding first", "reporting deadlines shrink to %d hours",
            "%d member states have raised objections", "the scheme covers %d product categories",
            "licences will run for %d years");

    private static final List<String> SYLLABLES = List.of("vel", "mor", "tar", "kon", "zi", "qua", "lex", "bri", "dun",
            "oph", "sar", "nix", "plo", "wen", "gra", "hul", "yst", "cor", "fam", "jet", "kru", "mal", "pex", "rud", "sol",
            "tiv", "umb", "vox", "wyn", "zed");
    private static final List<String> FORMS = List.of("Systems", "Telecom", "Semiconductor", "Networks", "AG", "Holdings",
            "Energy", "Labs", "Cloud", "Mobility", "Robotics", "Group");
    private static final List<String> PLACES = List.of("Duisburg", "Lyon", "Gdansk", "Osaka", "Pune", "Leeds", "Turin",
            "Tampere", "Bilbao", "Shenzhen", "Austin", "Ghent", "Brno", "Cork", "Malmo", "Hsinchu", "Porto", "Graz");

    private final Random random;

    NewsTextGenerator(Random random) {
        this.random = random;
    }

    String headline() {
        return pick(ACTORS) + " " + pick(VERBS) + " " + pick(OBJECTS) + " for " + company() + " in " + pick(PLACES);
    }

    String summary(int sentences) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            String sentence = switch (i % 3) {
                case 0 -> pick(ACTORS) + " " + pick(VERBS) + " the " + pick(OBJECTS) + " " + pick(DETAILS);
                case 1 -> company() + ", based in " + pick(PLACES) + ", said " + String.format(pick(CLAIMS), 2 + random.nextInt(9_800));
                default -> pick(CONTEXT) + " " + String.format(pick(CLAIMS), 2 + random.nextInt(9_800));
            };
            sb.append(sentence).append('.');
        }
        return sb.toString();
    }

    /** A made-up company name: every story names its own players, as real news does. */
    private String company() {
        String name = pick(SYLLABLES) + pick(SYLLABLES) + (random.nextBoolean() ? pick(SYLLABLES) : "");
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + pick(FORMS);
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
