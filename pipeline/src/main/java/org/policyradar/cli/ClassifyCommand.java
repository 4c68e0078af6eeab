package org.policyradar.cli;

import org.policyradar.app.Radar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.policyradar.classify.Classification;
import org.policyradar.classify.EntityMention;
import org.policyradar.classify.Evidence;
import org.policyradar.classify.ItemClassifier;
import org.policyradar.classify.Signal;
import org.policyradar.classify.TextItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code radar classify}: JSON lines in, the same lines with topics, scores and evidence out. No Elasticsearch. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Read JSON lines (id, title, summary, optional text, optional lang) on stdin and write each back "
                + "with lang, topics, scores, evidence, entities and signals added.",
                "A bad line is reported on stderr with its line number and skipped; the exit code is then 1."})
final class ClassifyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = options.out();
        PrintWriter err = options.err();
        int bad = 0;
        try (Radar radar = options.open();
             BufferedReader reader = new BufferedReader(new InputStreamReader(options.environment().stdin(), StandardCharsets.UTF_8))) {
            ItemClassifier classifier = null;
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode item;
                try {
                    JsonNode node = json.readTree(line);
                    if (!(node instanceof ObjectNode o)) {
                        throw new IllegalArgumentException("not a JSON object");
                    }
                    if (!o.hasNonNull("title") && !o.hasNonNull("summary") && !o.hasNonNull("text")) {
                        throw new IllegalArgumentException("needs at least one of title, summary, text");
                    }
                    item = o;
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    bad++;
                    String reason = e instanceof JsonProcessingException jpe ? "invalid JSON: " + jpe.getOriginalMessage() : e.getMessage();
                    err.println("radar classify: stdin line " + lineNo + ": " + reason + "; line skipped");
                    continue;
                }
                if (classifier == null) {
                    classifier = radar.classifier(); // loaded on the first good line: bad input fails fast
                }
                Classification c = classifier.classify(new TextItem(item.path("id").asText(null),
                        item.path("title").asText(null), item.path("summary").asText(null),
                        item.path("text").asText(null), item.path("lang").asText(null)));
                out.println(json.writeValueAsString(annotate(json, item, c)));
                out.flush();
            }
        }
        err.flush();
        return bad == 0 ? 0 : 1;
    }

    static ObjectNode annotate(ObjectMapper json, ObjectNode item, Classification c) {
        item.put("lang", c.lang());
        ArrayNode topics = item.putArray("topics");
        c.topics().forEach(topics::add);
        ObjectNode scores = item.putObject("scores");
        c.scores().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> scores.put(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0));
        ObjectNode evidence = item.putObject("evidence");
        c.evidence().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
            ArrayNode list = evidence.putArray(e.getKey());
            for (Evidence ev : e.getValue()) {
                list.addObject().put("term", ev.term()).put("rule", ev.rule()).put("field", ev.field())
                        .put("begin", ev.begin()).put("end", ev.end()).put("weight", ev.weight());
            }
        });
        ArrayNode entities = item.putArray("entities");
        for (EntityMention m : c.entities()) {
            entities.addObject().put("id", m.id()).put("kind", m.kind()).put("name", m.name()).put("term", m.term())
                    .put("field", m.field());
        }
        ArrayNode signals = item.putArray("signals");
        for (Signal s : c.signals()) {
            signals.addObject().put("kind", s.kind()).put("term", s.term()).put("field", s.field());
        }
        return item;
    }
}
