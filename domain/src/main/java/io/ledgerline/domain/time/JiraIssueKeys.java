package io.ledgerline.domain.time;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.Names;
import java.util.regex.Pattern;

/** A Jira issue key, such as {@code WEB-42}: the project key in capitals, a dash, the issue's number. */
public final class JiraIssueKeys {

    /** Also what the API's bodies are checked against. */
    public static final String PATTERN = "[A-Z][A-Z0-9_]*-[1-9][0-9]*";

    private static final Pattern KEY = Pattern.compile(PATTERN);

    private JiraIssueKeys() {
    }

    static String valid(String raw) {
        String key = Names.tidy(raw);
        if (key != null && !KEY.matcher(key).matches()) {
            throw BusinessRuleViolation.unprocessable("time_entry.jira_issue_key_invalid",
                    "A Jira issue key looks like PROJ-123.");
        }
        return key;
    }
}
