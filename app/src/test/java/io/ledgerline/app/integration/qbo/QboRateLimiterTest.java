package io.ledgerline.app.integration.qbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.app.integration.qbo.QboException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QboRateLimiterTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final QboRateLimiter limiter = new QboRateLimiter(clock, 10, 500, Duration.ofSeconds(60));

    @Test
    void letsTenRequestsASecondGoAtOnceAndMakesTheEleventhWaitForTheNextSecond() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.reserve("realm", false)).isZero();
        }

        assertThat(limiter.reserve("realm", false)).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.reserve("other-realm", false)).isZero();
    }

    @Test
    void refusesAWaitLongerThanTwoSecondsAsThrottled() {
        for (int i = 0; i < 30; i++) {
            limiter.reserve("realm", false);
        }

        assertThatThrownBy(() -> limiter.reserve("realm", false))
                .isInstanceOfSatisfying(QboException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
                    assertThat(e.retryAfterSeconds()).isEqualTo(3);
                });
    }

    @Test
    void keepsARealmUnder500AMinute() {
        for (int i = 0; i < 500; i++) {
            limiter.reserve("realm", false);
            clock.advance(Duration.ofMillis(100));
        }

        // 500 requests in the last 50 seconds: the next slot is a minute after the first, 10 s away.
        assertThatThrownBy(() -> limiter.reserve("realm", false))
                .isInstanceOfSatisfying(QboException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(10));
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.reserve("realm", false)).isZero();
    }

    @Test
    void allowsFortyBatchRequestsAMinute() {
        for (int i = 0; i < 40; i++) {
            limiter.reserve("realm", true);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThatThrownBy(() -> limiter.reserve("realm", true)).isInstanceOf(QboException.class);
        assertThat(limiter.reserve("realm", false)).isZero();
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.reserve("realm", true)).isZero();
    }

    @Test
    void leavesAThrottledRealmAloneForTheBackoff() {
        limiter.backOff("realm");
        clock.advance(Duration.ofSeconds(59));

        assertThatThrownBy(() -> limiter.reserve("realm", false))
                .isInstanceOfSatisfying(QboException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
                    assertThat(e.retryAfterSeconds()).isEqualTo(1);
                });
        assertThat(limiter.reserve("other-realm", false)).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.reserve("realm", false)).isZero();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
