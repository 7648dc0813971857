package io.ledgerline.app.integration.qbo;

import io.ledgerline.app.integration.qbo.QboException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each QuickBooks company (realm) inside Intuit's published limits (contract §3): so many requests per second
 * and per minute, and at most 40 batch requests a minute; after Intuit throttled a realm anyway, leaves it alone for
 * the backoff. Pure bookkeeping on an injected clock: {@link #reserve} answers how long the caller must wait for its
 * slot, and the caller waits; a wait longer than {@link #MAX_WAIT} is refused as {@link Kind#THROTTLED} so a
 * command handler never sits on a thread for long — the saga retries later.
 */
public final class QboRateLimiter {

    static final Duration MAX_WAIT = Duration.ofSeconds(2);
    static final int BATCH_REQUESTS_PER_MINUTE = 40;

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Clock clock;
    private final int perSecond;
    private final int perMinute;
    private final Duration backoff;
    private final Map<String, Realm> realms = new ConcurrentHashMap<>();

    public QboRateLimiter(Clock clock, int perSecond, int perMinute, Duration backoff) {
        if (perSecond < 1 || perMinute < 1) {
            throw new IllegalArgumentException("QuickBooks request limits must be at least 1");
        }
        this.clock = clock;
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.backoff = backoff;
    }

    /**
     * Takes the next free slot of {@code realmId} (and a batch slot for a batch request).
     *
     * @return how long to wait before sending; zero when it can go now
     * @throws QboException {@link Kind#THROTTLED} when the realm is backing off or the slot is too far away
     */
    public Duration reserve(String realmId, boolean batch) {
        Realm realm = realms.computeIfAbsent(realmId, id -> new Realm());
        synchronized (realm) {
            Instant now = clock.instant();
            if (realm.backoffUntil != null && now.isBefore(realm.backoffUntil)) {
                throw throttled(Duration.between(now, realm.backoffUntil));
            }
            Instant slot = realm.requests.earliest(now, perSecond, perMinute);
            if (batch) {
                Instant batchSlot = realm.batches.earliest(now, Integer.MAX_VALUE, BATCH_REQUESTS_PER_MINUTE);
                slot = slot.isAfter(batchSlot) ? slot : batchSlot;
            }
            Duration wait = Duration.between(now, slot);
            if (wait.compareTo(MAX_WAIT) > 0) {
                throw throttled(wait);
            }
            realm.requests.take(slot);
            if (batch) {
                realm.batches.take(slot);
            }
            return wait;
        }
    }

    /** Intuit answered 429 / 3001: nothing goes to this realm until the backoff has passed. */
    public Duration backOff(String realmId) {
        Realm realm = realms.computeIfAbsent(realmId, id -> new Realm());
        synchronized (realm) {
            Instant until = clock.instant().plus(backoff);
            if (realm.backoffUntil == null || until.isAfter(realm.backoffUntil)) {
                realm.backoffUntil = until;
            }
            return backoff;
        }
    }

    private static QboException throttled(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new QboException(Kind.THROTTLED, null, 0, null, false, seconds);
    }

    private static final class Realm {
        private final Window requests = new Window();
        private final Window batches = new Window();
        private Instant backoffUntil;
    }

    /** The slots taken in the last minute, oldest first (slots are taken in time order). */
    private static final class Window {
        private final Deque<Instant> slots = new ArrayDeque<>();

        Instant earliest(Instant now, int perSecond, int perMinute) {
            while (!slots.isEmpty() && !slots.peekFirst().isAfter(now.minus(MINUTE))) {
                slots.pollFirst();
            }
            Instant slot = slots.isEmpty() || now.isAfter(slots.peekLast()) ? now : slots.peekLast();
            slot = later(slot, nthFromEnd(perSecond), SECOND);
            return later(slot, nthFromEnd(perMinute), MINUTE);
        }

        void take(Instant slot) {
            slots.addLast(slot);
        }

        /** The slot {@code n} places from the newest: a new one must come a window after it. */
        private Instant nthFromEnd(int n) {
            if (n > slots.size()) {
                return null;
            }
            var iterator = slots.descendingIterator();
            Instant slot = null;
            for (int i = 0; i < n; i++) {
                slot = iterator.next();
            }
            return slot;
        }

        private static Instant later(Instant slot, Instant limiting, Duration window) {
            if (limiting == null) {
                return slot;
            }
            Instant free = limiting.plus(window);
            return free.isAfter(slot) ? free : slot;
        }
    }
}
