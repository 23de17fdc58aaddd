package dev.rareclass.app.serve;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The server's Prometheus metrics, per model ({@code model=""} for requests that name none, and for those the HTTP
 * layer refused before reading them): requests by status code, errors (status 400 and above), latency, rows scored,
 * and requests in flight. Served as Prometheus text at {@code /metrics}.
 */
final class ServerMetrics {

    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("rareclass_requests_total")
            .help("HTTP requests answered, by model and status code").labelNames("model", "code").register(registry);
    private final Counter errors = Counter.builder().name("rareclass_request_errors_total")
            .help("HTTP requests answered with status 400 or above").labelNames("model").register(registry);
    private final Histogram latency = Histogram.builder().name("rareclass_request_duration_seconds")
            .help("Time from reading a request to writing its answer").labelNames("model").classicOnly()
            .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .register(registry);
    private final Counter rows = Counter.builder().name("rareclass_rows_scored_total")
            .help("Rows scored, by model").labelNames("model").register(registry);
    private final Gauge inFlight = Gauge.builder().name("rareclass_requests_in_flight")
            .help("HTTP requests being handled (read, not yet answered), the scrape that reads it included")
            .register(registry);
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    ServerMetrics() {
        errors.labelValues("").inc(0); // requests that name no model, or never reached a handler: listed from the start
    }

    /** A request reached the handler. */
    void began() {
        inFlight.inc();
    }

    void answered(String model, int status, long nanos) {
        inFlight.dec();
        count(model, status);
        latency.labelValues(model).observe(nanos / 1e9);
    }

    /**
     * A request the HTTP layer refused before any handler saw it (a malformed request line or header, headers too large,
     * an unknown HTTP version) or turned away while stopping: counted under {@code model=""}, without a latency.
     */
    void refusedBeforeHandling(int status) {
        count("", status);
    }

    /** One answer in the requests by status, and in the errors when it is one. */
    private void count(String model, int status) {
        requests.labelValues(model, Integer.toString(status)).inc();
        if (status >= 400) {
            errors.labelValues(model).inc();
        }
    }

    void scored(String model, int count) {
        rows.labelValues(model).inc(count);
    }

    /** Starts every served model's series at zero, so a scrape lists them before their first request. */
    void known(String model) {
        rows.labelValues(model).inc(0);
        errors.labelValues(model).inc(0);
    }

    byte[] text() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape(), EscapingScheme.DEFAULT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
