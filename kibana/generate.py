#!/usr/bin/env python3
"""Generates policyradar.ndjson (Kibana 9.x saved objects). Run: python3 kibana/generate.py > kibana/policyradar.ndjson"""
import json

CORE = "8.8.0"
MIG = {"index-pattern": "8.0.0", "lens": "8.9.0", "search": "8.0.0", "dashboard": "8.9.0"}
objects = []


def obj(type_, id_, attributes, references):
    objects.append({"id": id_, "type": type_, "attributes": attributes, "references": references,
                    "coreMigrationVersion": CORE, "typeMigrationVersion": MIG[type_], "managed": False})


def data_view(id_, time_field, name):
    obj("index-pattern", id_, {"title": id_, "timeFieldName": time_field, "name": name,
                                "fieldAttrs": "{}", "fieldFormatMap": "{}", "fields": "[]",
                                "runtimeFieldMap": "{}", "sourceFilters": "[]", "typeMeta": "{}",
                                "allowNoIndex": True}, [])


data_view("radar-items", "published", "PolicyRadar items")
data_view("radar-alerts", "created", "PolicyRadar alerts")
data_view("radar-sources", "last_attempt", "PolicyRadar source health")
data_view("radar-versions", "fetched", "PolicyRadar page versions")


def date_col(field, label=None):
    return {"label": label or field, "customLabel": True, "dataType": "date", "operationType": "date_histogram", "sourceField": field,
            "isBucketed": True, "scale": "interval", "params": {"interval": "auto", "includeEmptyRows": True, "dropPartials": False}}


def terms_col(field, order_by, size=10, label=None, data_type="string"):
    return {"label": label or ("Top values of " + field), "customLabel": True, "dataType": data_type, "operationType": "terms", "sourceField": field,
            "isBucketed": True, "scale": "ordinal",
            "params": {"size": size, "orderBy": {"type": "column", "columnId": order_by}, "orderDirection": "desc",
                       "otherBucket": True, "missingBucket": False, "parentFormat": {"id": "terms"}}}


def count_col(label="Count"):
    return {"label": label, "customLabel": True, "dataType": "number", "operationType": "count", "sourceField": "___records___",
            "isBucketed": False, "scale": "ratio", "params": {"emptyAsNull": True}}


def max_col(field, label, data_type="date"):
    # Kibana's max operation builds scale "ratio" whatever the field type
    return {"label": label, "customLabel": True, "dataType": data_type, "operationType": "max", "sourceField": field,
            "isBucketed": False, "scale": "ratio", "params": {"emptyAsNull": True}}


def lens(id_, title, data_view_id, kind, columns, query="", description="", series="bar_stacked"):
    """columns: list of (columnId, column); bucket columns first, in nesting order."""
    layer = "layer-" + id_.removeprefix("lens-")
    cols = dict(columns)
    # Kibana's own order: a breakdown's terms bucket before the date histogram, so the top N is chosen over the whole
    # range (date first would pick a top N per interval: legends with more than N series)
    order = ([c for c, v in columns if v["isBucketed"] and v["operationType"] != "date_histogram"]
             + [c for c, v in columns if v["isBucketed"] and v["operationType"] == "date_histogram"]
             + [c for c, v in columns if not v["isBucketed"]])
    buckets = [c for c, v in columns if v["isBucketed"]]
    metrics = [c for c, v in columns if not v["isBucketed"]]
    if kind == "lnsXY":
        x = next((c for c in buckets if cols[c]["operationType"] == "date_histogram"), buckets[0])
        split = [c for c in buckets if c != x]
        layer_vis = {"layerId": layer, "layerType": "data", "seriesType": series, "xAccessor": x, "accessors": metrics}
        if split:
            layer_vis["splitAccessor"] = split[0]
        vis = {"legend": {"isVisible": True, "position": "right"}, "valueLabels": "hide", "preferredSeriesType": series,
               "layers": [layer_vis]}
    elif kind == "lnsDatatable":
        vis = {"layerId": layer, "layerType": "data", "columns": [{"columnId": c} for c in order]}
    elif kind == "lnsMetric":
        vis = {"layerId": layer, "layerType": "data", "metricAccessor": metrics[0]}
    else:
        raise ValueError(kind)
    attributes = {
        "title": title, "description": description, "visualizationType": kind,
        "state": {
            "visualization": vis,
            "query": {"query": query, "language": "kuery"},
            "filters": [],
            "datasourceStates": {"formBased": {"layers": {layer: {"columns": cols, "columnOrder": order, "incompleteColumns": {}}}}},
            "internalReferences": [], "adHocDataViews": {},
        },
    }
    obj("lens", id_, attributes, [{"type": "index-pattern", "id": data_view_id, "name": "indexpattern-datasource-layer-" + layer}])
    return id_


def saved_search(id_, title, data_view_id, columns, sort_field, query="", description=""):
    source = {"query": {"query": query, "language": "kuery"}, "highlightAll": True, "version": True, "filter": [],
              "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index"}
    obj("search", id_, {"title": title, "description": description, "columns": columns, "sort": [[sort_field, "desc"]],
                        "grid": {}, "hideChart": False, "isTextBasedQuery": False,
                        "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(source)}},
        [{"type": "index-pattern", "id": data_view_id, "name": "kibanaSavedObjectMeta.searchSourceJSON.index"}])
    return id_


def dashboard(id_, title, description, panels, time_from="now-30d"):
    """panels: list of (type, id, w, h)."""
    panels_json, refs = [], []
    x = y = row_h = 0
    for n, (ptype, pid, w, h) in enumerate(panels, start=1):
        if x + w > 48:
            x, y, row_h = 0, y + row_h, 0
        index = "p%d" % n
        # Kibana's extractReferences: panelRefName "panel_<panelIndex>", reference "<panelIndex>:panel_<panelIndex>"
        panels_json.append({"type": ptype, "panelIndex": index, "gridData": {"x": x, "y": y, "w": w, "h": h, "i": index},
                            "embeddableConfig": {"enhancements": {}}, "panelRefName": "panel_" + index})
        refs.append({"type": ptype, "id": pid, "name": "%s:panel_%s" % (index, index)})
        x += w
        row_h = max(row_h, h)
    obj("dashboard", id_, {"title": title, "description": description, "panelsJSON": json.dumps(panels_json),
                           "optionsJSON": json.dumps({"useMargins": True, "syncColors": False, "syncCursor": True,
                                                      "syncTooltips": False, "hidePanelTitles": False}),
                           "timeRestore": True, "timeFrom": time_from, "timeTo": "now",
                           "refreshInterval": {"pause": True, "value": 60000},
                           "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps({"query": {"query": "", "language": "kuery"}, "filter": []})}},
        refs)


TOPICS = ["5g", "ai", "blockchain", "quantum", "social-credit", "cyber"]
REGIONS = ["CN", "EU"]
ITEM_COLUMNS = ["title", "source.name", "source.region", "topics", "entities", "gloss", "url"]
# the taxonomy's signal types (not the numeric mentions money, percent, year)
SIGNALS = ["self-reliance", "foreign-dependency", "ban-backlash", "funding", "target", "standard-setting"]
SIGNAL_QUERY = "signals : (%s)" % " or ".join('"%s"' % s for s in SIGNALS)

# Overview
overview = [
    ("lens", lens("lens-items-total", "Items", "radar-items", "lnsMetric", [("count", count_col("Items"))]), 12, 8),
    ("lens", lens("lens-items-over-time-by-topic", "Items over time by topic", "radar-items", "lnsXY",
                  [("date", date_col("published", "Published")), ("topic", terms_col("topics", "count", 10, "Topic")),
                   ("count", count_col("Items"))]), 36, 14),
    ("lens", lens("lens-items-by-region", "Items by region", "radar-items", "lnsXY",
                  [("region", terms_col("source.region", "count", 10, "Region")), ("count", count_col("Items"))], series="bar"), 16, 14),
    ("lens", lens("lens-top-sources", "Top sources", "radar-items", "lnsDatatable",
                  [("source", terms_col("source.name", "count", 20, "Source")), ("count", count_col("Items"))]), 16, 14),
    ("lens", lens("lens-top-actors", "Top actors", "radar-items", "lnsDatatable",
                  [("actor", terms_col("entities", "count", 20, "Actor")), ("count", count_col("Items"))]), 16, 14),
    ("search", saved_search("search-latest-items", "Latest items", "radar-items", ITEM_COLUMNS, "published"), 48, 16),
]
dashboard("dashboard-overview", "PolicyRadar: Overview",
          "How many items, on which topics and from which regions over time; which sources and actors dominate; the latest items.",
          overview)

# Saved searches per topic and region
for t in TOPICS:
    saved_search("search-topic-" + t, "Items: topic " + t, "radar-items", ITEM_COLUMNS, "published", 'topics : "%s"' % t)
for r in REGIONS:
    saved_search("search-region-" + r.lower(), "Items: region " + r, "radar-items", ITEM_COLUMNS, "published",
                 'source.region : "%s"' % r)

# Topic trends
trends = []
for t in TOPICS:
    trends.append(("lens", lens("lens-topic-trend-" + t, "Topic %s: items over time by region" % t, "radar-items", "lnsXY",
                                [("date", date_col("published", "Published")), ("region", terms_col("source.region", "count", 5, "Region")),
                                 ("count", count_col("Items"))], query='topics : "%s"' % t), 24, 12))
dashboard("dashboard-topic-trends", "PolicyRadar: Topic trends",
          "For each topic, how many items appear over time and from which region (CN vs EU).", trends, "now-90d")

# Policy-plan adjustments (tracked pages, radar-versions)
plan = [
    ("lens", lens("lens-versions-per-source", "Page versions per source", "radar-versions", "lnsXY",
                  [("source", terms_col("source.name", "count", 20, "Source")), ("count", count_col("Versions"))], series="bar"), 24, 14),
    ("lens", lens("lens-changed-documents-over-time", "Changed documents over time", "radar-versions", "lnsXY",
                  [("date", date_col("fetched", "Fetched")), ("source", terms_col("source.name", "count", 10, "Source")),
                   ("count", count_col("Changed versions"))], query="changed : true"), 24, 14),
    ("lens", lens("lens-changed-documents", "Changed documents", "radar-versions", "lnsDatatable",
                  [("doc", terms_col("title.raw", "count", 50, "Document")), ("source", terms_col("source.name", "count", 5, "Source")),
                   ("count", count_col("Changes")), ("last", max_col("fetched", "Last changed"))], query="changed : true"), 48, 14),
    ("search", saved_search("search-changed-documents", "Changed documents: versions", "radar-versions",
                            ["title", "source.name", "version", "words_added", "words_removed", "change_summary", "url"],
                            "fetched", "changed : true"), 48, 16),
]
dashboard("dashboard-plan-adjustments", "PolicyRadar: Policy-plan adjustments",
          "Which tracked policy pages changed, when, from which source, and what the change was.", plan, "now-1y")

# Weaknesses and dependencies (MERICS: track China's weaknesses and dependencies through adjustments to national plans)
weaknesses = [
    ("lens", lens("lens-signals-over-time", "Signals over time", "radar-items", "lnsXY",
                  [("date", date_col("published", "Published")), ("signal", terms_col("signals", "count", 6, "Signal")),
                   ("count", count_col("Items"))], query=SIGNAL_QUERY), 24, 14),
    ("lens", lens("lens-signals-by-topic", "Signals by topic", "radar-items", "lnsDatatable",
                  [("topic", terms_col("topics", "count", 20, "Topic")), ("signal", terms_col("signals", "count", 6, "Signal")),
                   ("count", count_col("Items"))], query=SIGNAL_QUERY), 24, 14),
    ("lens", lens("lens-self-reliance-and-dependency-over-time", "Self-reliance and foreign dependency over time by topic",
                  "radar-items", "lnsXY",
                  [("date", date_col("published", "Published")), ("topic", terms_col("topics", "count", 8, "Topic")),
                   ("count", count_col("Items"))],
                  query='signals : ("self-reliance" or "foreign-dependency")', series="line"), 48, 14),
    ("lens", lens("lens-signal-spike-alerts", "Signal spike alerts by topic", "radar-alerts", "lnsDatatable",
                  [("topic", terms_col("topic", "count", 20, "Topic")), ("count", count_col("Alerts")),
                   ("last", max_col("created", "Last raised"))], query='type : "signal-spike"'), 24, 12),
    # The changes whose moved figures sit in a sentence naming a signal (a self-reliance target raised, a funding
    # line cut): ChangeSummary writes those signals on the version.
    ("lens", lens("lens-plan-changes-per-document", "Plan changes carrying a signal, per tracked document", "radar-versions",
                  "lnsDatatable",
                  [("doc", terms_col("title.raw", "count", 30, "Document")), ("signal", terms_col("signals", "count", 6, "Signal")),
                   ("count", count_col("Changes")), ("last", max_col("fetched", "Last changed"))],
                  query="changed : true and signals : *"), 24, 12),
    ("search", saved_search("search-plan-changes", "Plan changes carrying a signal: changed figures and sentences", "radar-versions",
                            ["title", "source.name", "version", "signals", "change_summary", "diff", "url"], "fetched",
                            "changed : true and signals : *"), 48, 16),
    ("search", saved_search("search-targets-and-figures", "Items with targets and figures", "radar-items",
                            ["title", "source.name", "topics", "signals", "figures", "gloss", "url"], "published",
                            'signals : "target" and signals : ("money" or "percent" or "year")'), 48, 16),
]
dashboard("dashboard-weaknesses-and-dependencies", "PolicyRadar: Weaknesses and dependencies",
          "Signals of self-reliance, foreign dependency, bans, funding, targets and standard-setting over time and by topic; "
          "the signal spikes raised; the tracked policy plans that changed, with their changed figures; the items that state "
          "targets with numbers.", weaknesses, "now-1y")

# Alerts
alerts = [
    ("lens", lens("lens-alerts-over-time-by-type", "Alerts over time by type", "radar-alerts", "lnsXY",
                  [("date", date_col("created", "Created")), ("type", terms_col("type", "count", 10, "Alert type")),
                   ("count", count_col("Alerts"))]), 32, 14),
    ("lens", lens("lens-alerts-by-topic", "Alerts by topic", "radar-alerts", "lnsDatatable",
                  [("topic", terms_col("topic", "count", 20, "Topic")), ("count", count_col("Alerts"))]), 16, 14),
    ("search", saved_search("search-latest-alerts", "Latest alerts", "radar-alerts",
                            ["type", "title", "topic", "region", "score", "items_count", "delivered"], "created"), 48, 16),
]
dashboard("dashboard-alerts", "PolicyRadar: Alerts", "Which alerts fired, of what type, when and about what; the latest ones.", alerts)

# Source health
health = [
    ("lens", lens("lens-sources-by-state", "Sources by state", "radar-sources", "lnsXY",
                  [("state", terms_col("state", "count", 10, "State")), ("count", count_col("Sources"))], series="bar"), 16, 12),
    ("lens", lens("lens-source-last-success", "Last success per source", "radar-sources", "lnsDatatable",
                  [("source", terms_col("source.id", "count", 200, "Source")), ("state", terms_col("state", "count", 5, "State")),
                   ("count", count_col("Documents")), ("success", max_col("last_success", "Last success")),
                   ("failures", max_col("consecutive_failures", "Consecutive failures", "number"))]), 32, 12),
    ("lens", lens("lens-source-errors", "Failing sources and their errors", "radar-sources", "lnsDatatable",
                  [("source", terms_col("source.id", "count", 200, "Source")), ("error", terms_col("last_error.raw", "count", 3, "Last error")),
                   ("count", count_col("Documents")), ("at", max_col("last_error_at", "Error at"))],
                  query="consecutive_failures > 0"), 48, 12),
    ("search", saved_search("search-source-health", "Source health", "radar-sources",
                            ["source.id", "state", "last_attempt", "last_success", "last_status", "consecutive_failures", "last_error"],
                            "last_attempt"), 48, 16),
]
dashboard("dashboard-source-health", "PolicyRadar: Source health",
          "Which sources are ok, failing or stale; when each last succeeded; which errors failing sources report.", health, "now-7d")

for o in objects:
    print(json.dumps(o, ensure_ascii=False, separators=(",", ":")))
