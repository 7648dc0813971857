import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of the ledger benchmark (see docs/benchmarks.md), run by run.sh as a single-file program on a
 * plain JDK: no dependencies, so it measures the server and not a client library.
 *
 * <pre>
 *   java LedgerBenchmark.java setup   BASE_URL STATE_FILE CLIENTS
 *   java LedgerBenchmark.java logtime BASE_URL STATE_FILE CLIENTS WARMUP MEASURED
 *   java LedgerBenchmark.java replay  BASE_URL STATE_FILE PROCESSOR
 *   java LedgerBenchmark.java reads   BASE_URL STATE_FILE SAMPLES
 * </pre>
 */
public class LedgerBenchmark {

    private static final String PASSWORD = "benchmark password 1234";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String base;
    private final Path stateFile;
    private final Properties state = new Properties();

    private LedgerBenchmark(String base, Path stateFile) throws IOException {
        this.base = base;
        this.stateFile = stateFile;
        if (Files.exists(stateFile)) {
            try (var reader = Files.newBufferedReader(stateFile)) {
                state.load(reader);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        LedgerBenchmark bench = new LedgerBenchmark(args[1], Path.of(args[2]));
        switch (args[0]) {
            case "setup" -> bench.setup(Integer.parseInt(args[3]));
            case "logtime" -> bench.logTime(Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            case "replay" -> bench.replay(args[3]);
            case "reads" -> bench.reads(Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** An organization with a client, an hourly project with a task, and one member per concurrent client. */
    private void setup(int members) throws Exception {
        String email = "owner-" + UUID.randomUUID() + "@bench.example";
        String signup = call("POST", "/api/v1/auth/signup", null, """
                {"organizationName":"Benchmark %s","timeZone":"Europe/Berlin","currency":"EUR",
                 "name":"Bench Owner","email":"%s","password":"%s"}""".formatted(UUID.randomUUID(), email, PASSWORD),
                201);
        state.setProperty("orgId", field(signup, "orgId"));
        state.setProperty("ownerId", field(signup, "memberId"));
        state.setProperty("ownerEmail", email);
        String owner = login(email);
        String client = call("POST", "/api/v1/clients", owner, """
                {"name":"Bench Client %s","code":"BENCH-%s"}""".formatted(UUID.randomUUID(),
                        UUID.randomUUID().toString().substring(0, 8).toUpperCase()), 201);
        state.setProperty("clientId", field(client, "id"));
        String project = call("POST", "/api/v1/projects", owner, """
                {"clientId":"%s","name":"Bench Project","billingMethod":"hourly","hourlyRate":120.00}"""
                .formatted(state.getProperty("clientId")), 201);
        state.setProperty("projectId", field(project, "id"));
        String task = call("POST", "/api/v1/projects/" + state.getProperty("projectId") + "/tasks", owner,
                "{\"name\":\"Development\"}", 201);
        state.setProperty("taskId", field(task, "id"));
        for (int i = 0; i < members; i++) {
            String memberEmail = "member-" + i + "-" + UUID.randomUUID() + "@bench.example";
            String member = call("POST", "/api/v1/members", owner, """
                    {"email":"%s","name":"Bench Member %d","role":"member","password":"%s"}"""
                    .formatted(memberEmail, i, PASSWORD), 201);
            state.setProperty("member." + i + ".id", field(member, "id"));
            state.setProperty("member." + i + ".email", memberEmail);
        }
        state.setProperty("members", String.valueOf(members));
        try (var writer = Files.newBufferedWriter(stateFile)) {
            state.store(writer, "ledger benchmark");
        }
        System.out.println("setup: organization " + state.getProperty("orgId") + " with " + members + " members");
    }

    /**
     * Closed loop: each of {@code clients} threads logs time for its own member, one request after the other, as
     * fast as the server answers. Every entry is 15 minutes on its own slot, 90 per member and day, so no entry
     * breaks the 24-hour rule.
     */
    private void logTime(int clients, int warmup, int measured) throws Exception {
        String[] tokens = new String[clients];
        for (int i = 0; i < clients; i++) {
            tokens[i] = login(state.getProperty("member." + i + ".email"));
        }
        // Each member's own count of entries: clients do not take turns, so a shared count would give a fast client
        // more than 90 slots of a day and refuse its entries under the 24-hour rule.
        int[] logged = new int[clients];
        run(clients, warmup, tokens, logged, null);
        long[] latencies = new long[measured];
        AtomicInteger recorded = new AtomicInteger();
        double cpuBefore = serverCpuSeconds();
        long started = System.nanoTime();
        run(clients, measured, tokens, logged, (nanos) -> latencies[recorded.getAndIncrement()] = nanos);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuPerCommand = (serverCpuSeconds() - cpuBefore) * 1000 / measured;
        long written = System.nanoTime();
        String owner = login(state.getProperty("ownerEmail"));
        awaitCaughtUp(owner, "time-entries");
        double catchUp = (System.nanoTime() - written) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("logtime: %d requests by %d clients in %.2f s = %.0f commands/s; p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms; read model complete %.2f s after the last answer; server CPU %.2f ms per"
                        + " command%n",
                measured, clients, seconds, measured / seconds, percentile(latencies, 50), percentile(latencies, 99),
                latencies[latencies.length - 1] / 1e6, catchUp, cpuPerCommand);
    }

    private void run(int clients, int requests, String[] tokens, int[] logged, LatencySink sink)
            throws InterruptedException {
        AtomicInteger remaining = new AtomicInteger(requests);
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        LocalDate firstDay = LocalDate.of(2024, 1, 1);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    String memberId = state.getProperty("member." + client + ".id");
                    while (remaining.getAndDecrement() > 0) {
                        int n = logged[client]++;
                        LocalDate day = firstDay.plusDays(n / 90);
                        String body = """
                                {"memberId":"%s","projectId":"%s","taskId":"%s","date":"%s","minutes":15,
                                 "description":"Benchmark work %d"}"""
                                .formatted(memberId, state.getProperty("projectId"), state.getProperty("taskId"),
                                        day, n);
                        long start = System.nanoTime();
                        HttpResponse<String> response = send("POST", "/api/v1/time-entries", tokens[client], body);
                        long nanos = System.nanoTime() - start;
                        if (response.statusCode() != 201) {
                            failures.incrementAndGet();
                            System.err.println("LogTime answered " + response.statusCode() + ": " + response.body());
                        } else if (sink != null) {
                            sink.accept(nanos);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " LogTime requests failed");
        }
    }

    /** Rebuilds a read model through the admin API and reports how fast the events went through. */
    private void replay(String processor) throws Exception {
        String owner = login(state.getProperty("ownerEmail"));
        String status = call("GET", "/api/v1/admin/projections/" + processor, owner, null, 200);
        long head = Long.parseLong(number(status, "headPosition"));
        long started = System.nanoTime();
        call("POST", "/api/v1/admin/projections/" + processor + "/replay", owner, "{}", 202);
        awaitCaughtUp(owner, processor);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("replay %s: %d events in %.1f s = %.0f events/s%n", processor, head, seconds,
                head / seconds);
    }

    /** The week view and invoice drafts of the member whose year of entries run.sh seeded. */
    private void reads(int samples) throws Exception {
        String owner = login(state.getProperty("ownerEmail"));
        String memberId = state.getProperty("member.0.id");
        long[] week = new long[samples];
        for (int i = 0; i < samples; i++) {
            LocalDate day = LocalDate.of(2025, 1, 6).plusWeeks(i % 52);
            long start = System.nanoTime();
            call("GET", "/api/v1/ledger?view=week&date=" + day + "&memberId=" + memberId, owner, null, 200);
            week[i] = System.nanoTime() - start;
        }
        Arrays.sort(week);
        System.out.printf("week view: %d reads, p50 %.1f ms, p99 %.1f ms%n", samples, percentile(week, 50),
                percentile(week, 99));
        int drafts = Math.max(5, samples / 10);
        long[] draft = new long[drafts];
        int lines = 0;
        for (int i = 0; i < drafts; i++) {
            long start = System.nanoTime();
            String written = call("POST", "/api/v1/invoices", owner, """
                    {"clientId":"%s","periodStart":"2025-01-01","periodEnd":"2025-12-31","grouping":"by_task"}"""
                    .formatted(state.getProperty("clientId")), 201);
            draft[i] = System.nanoTime() - start;
            if (i == 0) {
                String invoice = call("GET", "/api/v1/invoices/" + field(written, "id") + "?minVersion=0", owner,
                        null, 200);
                lines = count(invoice, "\"timeEntryIds\"");
            }
        }
        Arrays.sort(draft);
        System.out.printf("invoice draft over a year of the member's approved entries (%d lines): %d drafts,"
                + " p50 %.1f ms, p99 %.1f ms%n", lines, drafts, percentile(draft, 50), percentile(draft, 99));
    }

    private void awaitCaughtUp(String token, String processor) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            String status = call("GET", "/api/v1/admin/projections/" + processor, token, null, 200);
            if (status.contains("\"caughtUp\":true") && status.contains("\"replaying\":false")
                    && !status.contains("\"replaying\":true")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(processor + " did not catch up within 30 minutes");
    }

    private String login(String email) throws Exception {
        String tokens = call("POST", "/api/v1/auth/login", null, """
                {"email":"%s","password":"%s"}""".formatted(email, PASSWORD), 200);
        return field(tokens, "accessToken");
    }

    private String call(String method, String path, String token, String body, int expected) throws Exception {
        HttpResponse<String> response = send(method, path, token, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** User and system CPU the server used so far, from /proc (run.sh passes its pid); NaN when unknown. */
    private static double serverCpuSeconds() throws IOException {
        String pid = System.getenv("BENCH_SERVER_PID");
        if (pid == null || !Files.exists(Path.of("/proc", pid, "stat"))) {
            return Double.NaN;
        }
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name, in clock ticks (100/s)
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    private static String number(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    @FunctionalInterface
    private interface LatencySink {
        void accept(long nanos);
    }
}
