package io.ledgerline.app.integration.qbo;

import java.util.List;

/**
 * What a force resync found out of step, counted per action, with every change it will make. An empty plan means
 * both sides agree.
 */
public record QboResyncPlan(int creates, int updates, int links, int pulls, int conflicts,
                            List<QboPlannedChange> items) {

    public static QboResyncPlan of(List<QboPlannedChange> items) {
        return new QboResyncPlan(count(items, QboPlannedChange.Action.CREATE),
                count(items, QboPlannedChange.Action.UPDATE), count(items, QboPlannedChange.Action.LINK),
                count(items, QboPlannedChange.Action.PULL), count(items, QboPlannedChange.Action.CONFLICT),
                List.copyOf(items));
    }

    private static int count(List<QboPlannedChange> items, QboPlannedChange.Action action) {
        return (int) items.stream().filter(item -> item.action() == action).count();
    }
}
