package dev.pgpilot.core.api.approval;

import dev.pgpilot.core.workspace.Environment;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may decide an approval. Approvers come from the environment in {@code pgpilot.yaml}, or all
 * at once from {@code PGPILOT_SLACK_APPROVERS} (comma-separated user ids), which wins when set.
 * Nobody configured means nobody may approve: nothing runs without an authorised approval.
 */
public final class ApprovalPolicy {
    public static final String APPROVERS_VARIABLE = "PGPILOT_SLACK_APPROVERS";

    /** The answer to "may this user do this": allowed, or refused with a reason and a hint. */
    public record Verdict(boolean allowed, String reason, String hint) {
        static Verdict allow() {
            return new Verdict(true, null, null);
        }

        static Verdict refuse(String reason, String hint) {
            return new Verdict(false, reason, hint);
        }
    }

    private final Set<String> override;

    /** @param overrideValue the value of {@code PGPILOT_SLACK_APPROVERS}, may be null or blank */
    public ApprovalPolicy(String overrideValue) {
        this.override = overrideValue == null ? Set.of() : Arrays.stream(overrideValue.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The approvers for an environment (null environment: the local or URL-only database). */
    Set<String> approvers(Environment environment) {
        if (!override.isEmpty()) {
            return override;
        }
        List<String> configured = environment == null ? List.of() : environment.approvers();
        return Set.copyOf(configured);
    }

    /** May {@code user} approve {@code approval} on {@code environment}? */
    Verdict mayApprove(Approval approval, String user, Environment environment) {
        String envName = approval.environment();
        Set<String> approvers = approvers(environment);
        if (approvers.isEmpty()) {
            return Verdict.refuse("nobody is allowed to approve changes on " + envName,
                    "list Slack user ids under environments." + envName + ".approvers in pgpilot.yaml, or set " + APPROVERS_VARIABLE);
        }
        if (!approvers.contains(user)) {
            return Verdict.refuse("you are not an approver for " + envName,
                    "ask one of the approvers: " + approvers.stream().sorted().collect(Collectors.joining(", ")));
        }
        if (environment != null && environment.isProtected() && user.equals(approval.requestedBy())) {
            return Verdict.refuse(envName + " is protected: you cannot approve your own request", "ask another approver");
        }
        return Verdict.allow();
    }

    /** The requester may withdraw their own request; otherwise rejecting needs an approver. */
    Verdict mayReject(Approval approval, String user, Environment environment) {
        if (user.equals(approval.requestedBy()) || approvers(environment).contains(user)) {
            return Verdict.allow();
        }
        return Verdict.refuse("you are not an approver for " + approval.environment(),
                "only the requester or an approver can reject this request");
    }
}
