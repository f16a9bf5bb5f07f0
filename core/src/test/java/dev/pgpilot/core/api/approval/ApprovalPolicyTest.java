package dev.pgpilot.core.api.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgpilot.core.workspace.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {
    private static final Environment PROD = new Environment("prod", "PROD_URL", true, false, List.of("UALICE", "UBOB"));
    private static final Environment STAGING = new Environment("staging", "STAGING_URL", false, true, List.of("UALICE"));

    private static Approval requestedBy(String user, String env) {
        return new Approval("00000000-0000-0000-0000-000000000001", ApprovalKind.APPLY, env,
                new Snapshot(env, "postgresql://h:5432/db", "nothing applied", java.util.Map.of()), List.of(), List.of(), "pending",
                user, Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), ApprovalStatus.PENDING, null, null, null, null, null, null);
    }

    @Test
    void configuredApproverMayApproveSomeoneElsesRequest() {
        assertTrue(new ApprovalPolicy(null).mayApprove(requestedBy("UCAROL", "prod"), "UBOB", PROD).allowed());
    }

    @Test
    void nonApproverIsRefusedWithTheApproversNamed() {
        ApprovalPolicy.Verdict v = new ApprovalPolicy(null).mayApprove(requestedBy("UCAROL", "prod"), "UMALLORY", PROD);
        assertFalse(v.allowed());
        assertEquals("you are not an approver for prod", v.reason());
        assertTrue(v.hint().contains("UALICE") && v.hint().contains("UBOB"), v.hint());
    }

    @Test
    void requesterCannotApproveOwnRequestOnProtectedEnvironment() {
        ApprovalPolicy.Verdict v = new ApprovalPolicy(null).mayApprove(requestedBy("UALICE", "prod"), "UALICE", PROD);
        assertFalse(v.allowed());
        assertTrue(v.reason().contains("protected"), v.reason());
    }

    @Test
    void requesterMayApproveOwnRequestOnUnprotectedEnvironment() {
        assertTrue(new ApprovalPolicy(null).mayApprove(requestedBy("UALICE", "staging"), "UALICE", STAGING).allowed());
    }

    @Test
    void environmentVariableReplacesConfiguredApprovers() {
        ApprovalPolicy p = new ApprovalPolicy(" UZED , UYAN ,");
        assertEquals(Set.of("UZED", "UYAN"), p.approvers(PROD));
        assertFalse(p.mayApprove(requestedBy("UCAROL", "prod"), "UBOB", PROD).allowed());
        assertTrue(p.mayApprove(requestedBy("UCAROL", "prod"), "UZED", PROD).allowed());
    }

    @Test
    void nobodyMayApproveWhenNoApproversAreConfigured() {
        ApprovalPolicy.Verdict v = new ApprovalPolicy("").mayApprove(requestedBy("UCAROL", "local"), "UCAROL", null);
        assertFalse(v.allowed());
        assertTrue(v.hint().contains(ApprovalPolicy.APPROVERS_VARIABLE), v.hint());
    }

    @Test
    void requesterMayWithdrawButStrangerMayNotReject() {
        ApprovalPolicy p = new ApprovalPolicy(null);
        assertTrue(p.mayReject(requestedBy("UCAROL", "prod"), "UCAROL", PROD).allowed());
        assertTrue(p.mayReject(requestedBy("UCAROL", "prod"), "UBOB", PROD).allowed());
        assertFalse(p.mayReject(requestedBy("UCAROL", "prod"), "UMALLORY", PROD).allowed());
    }
}
