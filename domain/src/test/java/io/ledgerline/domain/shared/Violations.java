package io.ledgerline.domain.shared;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the business rule a command broke by its stable code, which is what the API exposes. */
public final class Violations {

    private Violations() {
    }

    public static Matcher<BusinessRuleViolation> violation(BusinessRuleViolation.Kind kind, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(BusinessRuleViolation violation) {
                return violation.kind() == kind && violation.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " violation with code " + code);
            }
        };
    }
}
