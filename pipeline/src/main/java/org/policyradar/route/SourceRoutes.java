package org.policyradar.route;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.policyradar.config.Schedule;
import org.policyradar.config.SourceConfig;

/**
 * The Camel routes: one Quartz-scheduled route per source that hands the source id to {@code direct:poll}, and the
 * poll route itself (fetch, parse, classify each entry in parallel, bulk-index). With {@code scheduled = false}
 * only the poll route exists and a caller drives it ({@code radar run --once}).
 */
public final class SourceRoutes extends RouteBuilder {
    public static final String POLL = "direct:poll";

    private final List<SourceConfig> sources;
    private final SourcePoller poller;
    private final int classifyThreads;
    private final boolean scheduled;

    public SourceRoutes(List<SourceConfig> sources, SourcePoller poller, int classifyThreads, boolean scheduled) {
        this.sources = List.copyOf(sources);
        this.poller = poller;
        this.classifyThreads = classifyThreads;
        this.scheduled = scheduled;
    }

    @Override
    public void configure() {
        ExecutorService classifyPool = getContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "classify", classifyThreads);

        from(POLL).routeId("poll")
                .onException(Exception.class).handled(true).process(poller::failed).end()
                .process(poller::fetch)
                .choice()
                    .when(poller::notModified).process(poller::recordNotModified).stop()
                .end()
                .process(poller::parse)
                .split(body(), AggregationStrategies.flexible(ClassifiedEntry.class).accumulateInCollection(ArrayList.class))
                    .parallelProcessing().executorService(classifyPool)
                    .process(poller::classify)
                .end()
                .process(poller::index);

        if (scheduled) {
            for (SourceConfig source : sources) {
                from(triggerUri(source)).routeId("schedule-" + source.id())
                        .setHeader(SourcePoller.SOURCE_ID, constant(source.id()))
                        .to(POLL);
            }
        }
    }

    /**
     * Quartz trigger of a source: a simple trigger firing at start and then every interval, or a cron trigger.
     * {@code stateful=true} keeps two polls of one source from overlapping when one runs long.
     */
    static String triggerUri(SourceConfig source) {
        Schedule schedule = source.schedule();
        String base = "quartz:radar/" + source.id() + "?stateful=true";
        if (schedule.interval().isPresent()) {
            return base + "&trigger.repeatInterval=" + schedule.interval().get().toMillis() + "&trigger.repeatCount=-1";
        }
        return base + "&cron=" + URLEncoder.encode(schedule.cron().orElseThrow(), StandardCharsets.UTF_8);
    }
}
