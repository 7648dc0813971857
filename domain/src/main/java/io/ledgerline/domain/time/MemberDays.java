package io.ledgerline.domain.time;

import java.time.LocalDate;
import java.util.UUID;

/** How much time each member has logged on each business date: no one works more than 24 hours a day. */
public interface MemberDays {

    /** Minutes the member has logged on the date, over all their entries. */
    int minutesLogged(UUID orgId, UUID memberId, LocalDate date);
}
